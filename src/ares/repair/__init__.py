"""Repair: stage 1 fine-tunes the reward model, stage 2 the policy, on findings and data mixes."""

from __future__ import annotations

from ares.repair._data import (
    PairSource,
    PreferencePair,
    PromptItem,
    ShippedKind,
    ShippedSplit,
    finding_pairs,
    finding_prompts,
    load_pairs,
    load_prompts,
    shipped_pairs,
    shipped_prompts,
    split_findings,
)
from ares.repair._policy import (
    PolicyRepairResult,
    PolicyTrainingResult,
    RewardModelReward,
    WarmStartResult,
    dpo,
    grpo,
    repair_policy,
    save_policy,
    warm_start,
)
from ares.repair._reward import (
    RewardTrainingResult,
    build_reward_mix,
    measure_reward_repair,
    pairwise_accuracy,
    repair_reward_model,
)

__all__ = [
    "PairSource",
    "PolicyRepairResult",
    "PolicyTrainingResult",
    "PreferencePair",
    "PromptItem",
    "RewardModelReward",
    "RewardTrainingResult",
    "ShippedKind",
    "ShippedSplit",
    "WarmStartResult",
    "build_reward_mix",
    "dpo",
    "finding_pairs",
    "finding_prompts",
    "grpo",
    "load_pairs",
    "load_prompts",
    "measure_reward_repair",
    "pairwise_accuracy",
    "repair_policy",
    "repair_reward_model",
    "save_policy",
    "shipped_pairs",
    "shipped_prompts",
    "split_findings",
    "warm_start",
]
