"""Build the discovery pipeline (library and models) from a config."""

from __future__ import annotations

from collections.abc import Callable

from ares.components import ComponentLibrary, load_library
from ares.config import AresConfig, ChatModelConfig
from ares.discovery._round import Pipeline
from ares.judges import build_judge
from ares.mentor import Mentor
from ares.models import ChatModel


def build_library(config: AresConfig) -> ComponentLibrary:
    """Load the component library the config names."""
    return load_library(config.components.files, builtin=config.components.builtin)


def build_pipeline(
    config: AresConfig, *, progress: Callable[[str], None] | None = None
) -> Pipeline:
    """Load the library and every model the config names.

    Models named `ares:...` are the embedded defaults; the first use builds them into the
    cache and reports each step through `progress`.
    """
    from ares.models import build_chat_model, build_reward_model

    library = build_library(config)
    concurrency = config.discovery.concurrency

    def chat(model_config: ChatModelConfig) -> ChatModel:
        return build_chat_model(model_config, default_concurrency=concurrency, progress=progress)

    prompt_filter = None
    if config.prompt_filter.enabled and config.prompt_filter.model is not None:
        from ares.judges import PromptFilter

        prompt_filter = PromptFilter(chat(config.prompt_filter.model))

    return Pipeline(
        library=library,
        mentor=_build_mentor(config, library, chat),
        policy=chat(config.policy),
        judge=build_judge(config.judge, chat),
        reward_model=build_reward_model(config.reward_model, progress=progress),
        prompt_filter=prompt_filter,
    )


def _build_mentor(
    config: AresConfig, library: ComponentLibrary, chat: Callable[[ChatModelConfig], ChatModel]
) -> Mentor:
    if config.mentor.backend == "llm" and config.mentor.model is not None:
        from ares.mentor import LLMMentor

        return LLMMentor(
            chat(config.mentor.model), library, max_retries=config.mentor.max_retries
        )
    from ares.mentor import TemplateMentor

    return TemplateMentor(library)

