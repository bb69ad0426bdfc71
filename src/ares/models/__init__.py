"""Chat and reward model interfaces, their backends and the embedded default models."""

from __future__ import annotations

from ares.models._fake import FakeChatModel, FakeRewardModel
from ares.models._protocols import ChatModel, Message, RewardModel

__all__ = [
    "ChatModel",
    "FakeChatModel",
    "FakeRewardModel",
    "Message",
    "RewardModel",
]
