"""The Safety Mentor interface."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from ares.components import AttackSpec


@dataclass(frozen=True)
class MentorOutput:
    """The mentor's prompt and two reference responses for one attack spec."""

    prompt: str
    harmful_response: str  # a demonstration of compliance; specifics are placeholders
    safe_response: str  # a refusal with a safe redirection


@runtime_checkable
class Mentor(Protocol):
    """Composes an adversarial prompt and two reference responses per attack spec."""

    @property
    def identity(self) -> str: ...

    def compose(
        self, specs: Sequence[AttackSpec], seeds: Sequence[int]
    ) -> list[MentorOutput | None]:
        """Return one output per spec, in order; `None` where the output stayed invalid.

        `seeds[i]` makes spec `i`'s output reproducible. A `None` is logged by the mentor
        and counted by the caller.
        """
        ...
