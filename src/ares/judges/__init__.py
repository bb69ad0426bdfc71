"""Judges that score the policy's replies for harm."""

from __future__ import annotations

from ares.judges._factory import build_judge
from ares.judges._fake import FakeJudge
from ares.judges._heuristic import HeuristicJudge, is_refusal
from ares.judges._llm import LLMJudge
from ares.judges._prompt_filter import PromptFilter
from ares.judges._protocol import MAX_HARM, Judge, Verdict
from ares.judges._rubrics import RUBRIC_NAMES

__all__ = [
    "MAX_HARM",
    "RUBRIC_NAMES",
    "FakeJudge",
    "HeuristicJudge",
    "Judge",
    "LLMJudge",
    "PromptFilter",
    "Verdict",
    "build_judge",
    "is_refusal",
]
