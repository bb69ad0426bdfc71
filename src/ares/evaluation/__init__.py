"""Evaluation: benchmark loaders, metrics with confidence intervals, capability, `ares evaluate`."""

from __future__ import annotations

from ares.evaluation._benchmarks import (
    BENCHMARK_KINDS,
    Benchmark,
    BenchmarkItem,
    limit_items,
    load_benchmark,
    parse_benchmark_spec,
)
from ares.evaluation._capability import CapabilityItem, answer_matches, load_capability_set
from ares.evaluation._metrics import (
    Rate,
    bootstrap_ci,
    cohen_kappa,
    paired_difference,
    pairwise_accuracy,
    percent_agreement,
    rate,
)
from ares.evaluation._run import EvaluationPlan, judge_key, plan_evaluation, run_evaluation
from ares.evaluation._systems import EvalSystem, evaluation_systems, user_benchmarks

__all__ = [
    "BENCHMARK_KINDS",
    "Benchmark",
    "BenchmarkItem",
    "CapabilityItem",
    "EvalSystem",
    "EvaluationPlan",
    "Rate",
    "answer_matches",
    "bootstrap_ci",
    "cohen_kappa",
    "evaluation_systems",
    "judge_key",
    "limit_items",
    "load_benchmark",
    "load_capability_set",
    "paired_difference",
    "pairwise_accuracy",
    "parse_benchmark_spec",
    "percent_agreement",
    "plan_evaluation",
    "rate",
    "run_evaluation",
    "user_benchmarks",
]
