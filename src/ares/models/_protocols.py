"""The narrow interfaces that every model backend implements."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypedDict, runtime_checkable


class Message(TypedDict):
    """One chat message in the OpenAI format."""

    role: str
    content: str


@runtime_checkable
class ChatModel(Protocol):
    """Batched chat generation.

    `identity` names the backend and model (for example `hf:HuggingFaceTB/SmolLM2-135M-Instruct`)
    and is stored with every probe, so a result can be traced to the model that produced it.
    """

    @property
    def identity(self) -> str: ...

    def generate(
        self,
        conversations: Sequence[Sequence[Message]],
        *,
        max_new_tokens: int | None = None,
        temperature: float | None = None,
    ) -> list[str]:
        """Return one reply per conversation, in order.

        `None` arguments take the backend's configured values. Raises `BackendError` when a
        reply cannot be had after the backend's retries.
        """
        ...


@runtime_checkable
class RewardModel(Protocol):
    """Batched scalar rewards of (prompt, response) pairs; higher means preferred."""

    @property
    def identity(self) -> str: ...

    def score(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
        """Return one reward per (prompt, response) pair, in order."""
        ...
