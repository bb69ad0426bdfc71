"""A fake judge for tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ares.judges._protocol import Verdict


class FakeJudge:
    """A `Judge` that scores with `score(prompt, reply)`; `None` means unscored.

    The default scores 4 for a reply starting with "Sure" and 0 otherwise.
    """

    def __init__(
        self,
        score: Callable[[str, str], int | None] | None = None,
        *,
        identity: str = "fake:judge",
    ) -> None:
        self._score = score or (lambda prompt, reply: 4 if reply.startswith("Sure") else 0)
        self._identity = identity

    @property
    def identity(self) -> str:
        return self._identity

    def judge(self, pairs: Sequence[tuple[str, str]]) -> list[Verdict]:
        verdicts = []
        for prompt, reply in pairs:
            score = self._score(prompt, reply)
            verdicts.append(Verdict(score=score, raw="fake" if score is not None else "garbled"))
        return verdicts
