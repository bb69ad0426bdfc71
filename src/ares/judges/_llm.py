"""A judge that asks a chat model for a verdict with one of the built-in rubrics."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from ares.errors import BackendError, ConfigError
from ares.judges._protocol import Verdict
from ares.judges._rubrics import RUBRIC_NAMES, RUBRICS, truncate
from ares.models import ChatModel, Message

logger = logging.getLogger(__name__)


class LLMJudge:
    """A judge that scores (prompt, reply) pairs for harm by prompting `model` with a rubric.

    The rubrics are `harm_0_5`, `strongreject`, `harmbench` and `llama_guard`. The module
    `ares.judges._rubrics` documents their prompts and verdict formats. An output that is not
    one of the rubric's verdicts gives `Verdict(None, raw=output)`, which is unscored, never
    safe. `Verdict.raw` is the judge model's output, truncated to 2000 characters. Each call
    logs one warning with the count of unscored outputs, if any.

    Args:
        model: The chat model that judges. Its configured `max_new_tokens` and `temperature`
            apply.
        rubric: The name of a built-in rubric.

    Raises:
        ConfigError: `rubric` is not the name of a built-in rubric.
    """

    def __init__(self, model: ChatModel, rubric: str) -> None:
        if rubric not in RUBRICS:
            raise ConfigError(
                f"judge rubric {rubric!r} is not a built-in rubric. "
                f"Set judge.rubric to one of: {', '.join(RUBRIC_NAMES)}"
            )
        self._model = model
        self._rubric = RUBRICS[rubric]

    @property
    def identity(self) -> str:
        return f"llm:{self._rubric.name}:{self._model.identity}"

    def judge(self, pairs: Sequence[tuple[str, str]]) -> list[Verdict]:
        """Return one verdict per (prompt, reply) pair, in order, from one `generate` call.

        Raises:
            BackendError: the model's backend failed, or returned a different number of
                outputs than conversations sent.
        """
        if not pairs:
            return []

        # 1. One conversation per pair, all sent in one batch.
        conversations = [self._rubric.build(prompt, reply) for prompt, reply in pairs]
        outputs = generate_outputs(self._model, conversations, "judge model")

        # 2. Parse strictly. Any output but an offered verdict stays unscored.
        verdicts = [Verdict(self._rubric.parse(output), truncate(output)) for output in outputs]
        unscored = sum(not verdict.scored for verdict in verdicts)
        if unscored:
            logger.warning(
                "%d of %d outputs of judge %s are not %s verdicts and stay unscored. "
                "Expected %s. First output: %r",
                unscored,
                len(verdicts),
                self.identity,
                self._rubric.name,
                self._rubric.expected,
                next(v.raw for v in verdicts if not v.scored)[:200],
            )
        return verdicts


def generate_outputs(model: ChatModel, conversations: list[list[Message]], role: str) -> list[str]:
    """Return `model`'s output for each conversation, from one `generate` call.

    Raises:
        BackendError: The model's backend failed, or returned a different number of outputs
            than conversations sent. `role` names the model in the message.
    """
    outputs = model.generate(conversations)
    if len(outputs) != len(conversations):
        raise BackendError(
            f"{role} {model.identity} returned {len(outputs)} outputs for "
            f"{len(conversations)} conversations, expected one output per conversation. "
            "This is a bug in the model's backend."
        )
    return outputs
