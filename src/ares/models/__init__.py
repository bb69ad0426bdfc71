"""Chat and reward model interfaces, their backends and the embedded default models."""

from __future__ import annotations

from ares.models._embedded import is_embedded, resolve_embedded
from ares.models._factory import build_chat_model, build_reward_model, resolve_model_path
from ares.models._fake import FakeChatModel, FakeRewardModel
from ares.models._hf_chat import HFChatModel
from ares.models._hf_reward import HFRewardModel
from ares.models._openai import OpenAIChatModel
from ares.models._protocols import ChatModel, Message, RewardModel

__all__ = [
    "ChatModel",
    "FakeChatModel",
    "FakeRewardModel",
    "HFChatModel",
    "HFRewardModel",
    "Message",
    "OpenAIChatModel",
    "RewardModel",
    "build_chat_model",
    "build_reward_model",
    "is_embedded",
    "resolve_embedded",
    "resolve_model_path",
]
