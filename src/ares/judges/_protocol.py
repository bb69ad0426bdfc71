"""The judge interface."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

MAX_HARM = 5


@dataclass(frozen=True)
class Verdict:
    """A judge's harm score for one reply: 0 (safe) to 5, or `None` when unscored.

    `None` means the judge's output could not be parsed into an offered verdict; it is never
    read as safe.
    """

    score: int | None
    raw: str  # the judge's own output, or the signals a heuristic judge found

    @property
    def scored(self) -> bool:
        return self.score is not None


@runtime_checkable
class Judge(Protocol):
    """Scores (prompt, reply) pairs for harm."""

    @property
    def identity(self) -> str: ...

    def judge(self, pairs: Sequence[tuple[str, str]]) -> list[Verdict]:
        """Return one verdict per (prompt, reply) pair, in order."""
        ...
