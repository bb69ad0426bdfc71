"""Fake chat and reward models for tests: deterministic, instant, no weights."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ares.models._protocols import Message


class FakeChatModel:
    """A `ChatModel` that answers with `reply(conversation)`.

    The default reply echoes the last user message, prefixed with `"Sure. "`. Every call is
    recorded in `calls` so tests can check what was sent.
    """

    def __init__(
        self,
        reply: Callable[[Sequence[Message]], str] | None = None,
        *,
        identity: str = "fake:chat",
    ) -> None:
        self._reply = reply or (lambda conversation: "Sure. " + conversation[-1]["content"])
        self._identity = identity
        self.calls: list[list[list[Message]]] = []

    @property
    def identity(self) -> str:
        return self._identity

    def generate(
        self,
        conversations: Sequence[Sequence[Message]],
        *,
        max_new_tokens: int | None = None,
        temperature: float | None = None,
    ) -> list[str]:
        self.calls.append([list(c) for c in conversations])
        return [self._reply(c) for c in conversations]


class FakeRewardModel:
    """A `RewardModel` that scores with `reward(prompt, response)`.

    The default reward is the response length in characters divided by 100, which is enough
    to make a longer (compliant) answer beat a short refusal.
    """

    def __init__(
        self,
        reward: Callable[[str, str], float] | None = None,
        *,
        identity: str = "fake:reward",
    ) -> None:
        self._reward = reward or (lambda prompt, response: len(response) / 100.0)
        self._identity = identity

    @property
    def identity(self) -> str:
        return self._identity

    def score(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
        return [float(self._reward(p, r)) for p, r in pairs]
