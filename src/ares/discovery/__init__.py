"""Discovery: the adaptive sampler, failure classification and the round loop."""

from __future__ import annotations

from ares.discovery._build import build_library, build_pipeline
from ares.discovery._classify import FAILURE_TYPES, HIT_TYPES, FailureType, classify
from ares.discovery._round import (
    Pipeline,
    RoundProgress,
    RoundTimings,
    mentor_seed,
    run_round,
)
from ares.discovery._sampler import (
    HitFeedback,
    Sampler,
    cap_and_renormalise,
    hit_factor,
    level_cap,
)

__all__ = [
    "FAILURE_TYPES",
    "HIT_TYPES",
    "FailureType",
    "HitFeedback",
    "Pipeline",
    "RoundProgress",
    "RoundTimings",
    "Sampler",
    "build_library",
    "build_pipeline",
    "cap_and_renormalise",
    "classify",
    "hit_factor",
    "level_cap",
    "mentor_seed",
    "run_round",
]
