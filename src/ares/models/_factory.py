"""Build the chat and reward models that a config names."""

from __future__ import annotations

import os

from ares.config import ChatModelConfig, RewardModelConfig
from ares.errors import ConfigError
from ares.models._embedded import Progress, is_embedded, resolve_embedded
from ares.models._protocols import ChatModel, RewardModel


def build_chat_model(
    config: ChatModelConfig,
    *,
    default_concurrency: int = 8,
    progress: Progress | None = None,
) -> ChatModel:
    """Build the chat model that `config` describes.

    An `ares:` model name is resolved to its embedded model first, which builds it into the
    cache on first use.

    Args:
        config: A chat model section of the config.
        default_concurrency: Requests in flight for an `openai` backend whose config leaves
            `concurrency` unset.
        progress: Receives short messages about slow first-use steps, for display.

    Raises:
        ConfigError: The model cannot be loaded, or `api_key_env` names an environment
            variable that is not set.
    """
    if config.backend == "openai":
        from ares.models._openai import OpenAIChatModel

        return OpenAIChatModel(
            config,
            concurrency=config.concurrency or default_concurrency,
            api_key=_api_key(config.api_key_env),
        )

    from ares.models._hf_chat import HFChatModel

    return HFChatModel(config, model_path=resolve_model_path(config.model, progress))


def build_reward_model(
    config: RewardModelConfig, *, progress: Progress | None = None
) -> RewardModel:
    """Build the reward model that `config` describes.

    An `ares:` model name is resolved to its embedded model first, which builds (and, for
    `ares:minilm-rm`, trains) it into the cache on first use.

    Raises:
        ConfigError: The model cannot be loaded or is not a one-output sequence classifier.
    """
    from ares.models._hf_reward import HFRewardModel

    return HFRewardModel(config, model_path=resolve_model_path(config.model, progress))


def resolve_model_path(model: str, progress: Progress | None = None) -> str:
    """Return where a model's weights are: the cache folder of an `ares:` model, else `model`."""
    if is_embedded(model):
        return str(resolve_embedded(model, progress=progress))
    return model


def _api_key(variable: str | None) -> str | None:
    if variable is None:
        return None
    key = os.environ.get(variable)
    if key is None:
        # Name the variable, never a value.
        raise ConfigError(
            f"api_key_env names the environment variable {variable}, which is not set. Export "
            f"{variable} with the API key, or remove api_key_env for a server that needs no key"
        )
    return key
