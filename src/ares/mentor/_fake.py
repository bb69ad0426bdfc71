"""A fake Safety Mentor for tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ares.components import AttackSpec
from ares.mentor._protocol import MentorOutput


class FakeMentor:
    """A `Mentor` that writes short fixed-shape texts naming the spec's ids.

    `invalid` decides, per spec, whether to return `None` as an invalid output would.
    """

    def __init__(
        self,
        invalid: Callable[[AttackSpec], bool] | None = None,
        *,
        identity: str = "fake:mentor",
    ) -> None:
        self._invalid = invalid or (lambda spec: False)
        self._identity = identity

    @property
    def identity(self) -> str:
        return self._identity

    def compose(
        self, specs: Sequence[AttackSpec], seeds: Sequence[int]
    ) -> list[MentorOutput | None]:
        outputs: list[MentorOutput | None] = []
        for spec, seed in zip(specs, seeds, strict=True):
            if self._invalid(spec):
                outputs.append(None)
                continue
            subject = f"{spec.topic} as {spec.persona} via {spec.tactic} for {spec.goal}"
            outputs.append(
                MentorOutput(
                    prompt=f"Request #{seed}: {subject}",
                    harmful_response=f"Sure, here it is: [details omitted] ({subject})",
                    safe_response="I can't help with that, but I can point you to safe resources.",
                )
            )
        return outputs
