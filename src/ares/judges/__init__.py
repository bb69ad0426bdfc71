"""Judges that score the policy's replies for harm, and refusal classifiers."""

from __future__ import annotations

from ares.judges._factory import build_judge
from ares.judges._fake import FakeJudge
from ares.judges._heuristic import HeuristicJudge, is_refusal
from ares.judges._llm import LLMJudge
from ares.judges._prompt_filter import PromptFilter
from ares.judges._protocol import MAX_HARM, Judge, Verdict
from ares.judges._refusal import (
    REFUSAL_CLASSES,
    HeuristicRefusalClassifier,
    LLMRefusalClassifier,
    RefusalClassifier,
    RefusalVerdict,
    build_refusal_classifier,
)
from ares.judges._rubrics import RUBRIC_NAMES

__all__ = [
    "MAX_HARM",
    "REFUSAL_CLASSES",
    "RUBRIC_NAMES",
    "FakeJudge",
    "HeuristicJudge",
    "HeuristicRefusalClassifier",
    "Judge",
    "LLMJudge",
    "LLMRefusalClassifier",
    "PromptFilter",
    "RefusalClassifier",
    "RefusalVerdict",
    "Verdict",
    "build_judge",
    "build_refusal_classifier",
    "is_refusal",
]
