"""Build the judge that a judge config section names."""

from __future__ import annotations

from collections.abc import Callable

from ares.config import ChatModelConfig, JudgeConfig
from ares.judges._protocol import Judge
from ares.models import ChatModel


def build_judge(config: JudgeConfig, chat: Callable[[ChatModelConfig], ChatModel]) -> Judge:
    """Return the judge `config` describes; `chat` builds the model behind an `llm` judge."""
    if config.backend == "llm" and config.model is not None:
        from ares.judges._llm import LLMJudge

        return LLMJudge(chat(config.model), config.rubric)
    from ares.judges._heuristic import HeuristicJudge

    return HeuristicJudge()
