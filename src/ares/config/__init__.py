"""Config models, the embedded default config, loading and merging."""

from __future__ import annotations

from ares.config._load import (
    config_snapshot,
    deep_merge,
    default_config_text,
    load_config,
    validate_config,
)
from ares.config._models import (
    AresConfig,
    BenchmarkConfig,
    ChatModelConfig,
    ComponentsConfig,
    DiscoveryConfig,
    EvaluationConfig,
    JudgeConfig,
    LmEvalConfig,
    MentorConfig,
    PreferenceFileConfig,
    PromptFilterConfig,
    RefusalConfig,
    RewardModelConfig,
    SamplerConfig,
)
from ares.config._starter import starter_config_text

__all__ = [
    "AresConfig",
    "BenchmarkConfig",
    "ChatModelConfig",
    "ComponentsConfig",
    "DiscoveryConfig",
    "EvaluationConfig",
    "JudgeConfig",
    "LmEvalConfig",
    "MentorConfig",
    "PreferenceFileConfig",
    "PromptFilterConfig",
    "RefusalConfig",
    "RewardModelConfig",
    "SamplerConfig",
    "config_snapshot",
    "deep_merge",
    "default_config_text",
    "load_config",
    "starter_config_text",
    "validate_config",
]
