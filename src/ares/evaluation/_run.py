"""`ares evaluate`: generate replies, judge them and score preference pairs on each system.

Every batch of replies, verdicts and RM scores is committed to the run store as soon as it
exists, keyed by system, model and item. A rerun skips everything stored, so a crashed or
interrupted evaluation resumes where it stopped, and a newer repair is evaluated afresh.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ares.config import AresConfig, ChatModelConfig, JudgeConfig, RefusalConfig
from ares.errors import ConfigError
from ares.evaluation._benchmarks import Benchmark, limit_items
from ares.evaluation._capability import CapabilityItem
from ares.evaluation._lm_eval import run_lm_eval
from ares.evaluation._summary import evaluation_summary
from ares.evaluation._systems import (
    CAPABILITY,
    EvalSystem,
    PairSet,
    capability_benchmark,
    evaluation_systems,
    heldout_findings,
    pair_sets,
    shipped_over_refusal,
    user_benchmarks,
)
from ares.store import EvalAnswer, RunStore, text_sha1

logger = logging.getLogger(__name__)

Progress = Callable[[str], None]
# Scores (prompt, reply) pairs: one (score or None, raw output) per pair.
Scorer = Callable[[list[tuple[str, str]]], list[tuple[int | None, str]]]


def _ignore(_: str) -> None:
    return None


@dataclass(frozen=True)
class EvaluationPlan:
    """The systems, prompt sets, judges and preference sets of one evaluation."""

    systems: list[EvalSystem]
    benchmarks: list[Benchmark]
    capability: dict[str, CapabilityItem]
    judges: list[JudgeConfig]
    pair_sets: list[PairSet]
    heldout_round: int | None


def plan_evaluation(
    store: RunStore,
    run_dir: Path,
    config: AresConfig,
    *,
    benchmarks: Sequence[tuple[str, str]] = (),
    preferences: Sequence[tuple[str, str]] = (),
    limit: int | None = None,
) -> EvaluationPlan:
    """Load every set the evaluation needs, so that a bad file fails before any model loads.

    Args:
        benchmarks: `(name, path)` benchmarks besides the config's `evaluation.benchmarks`.
        preferences: `(name, path)` preference files besides `evaluation.preferences`.
        limit: Prompts per benchmark; None takes `evaluation.limit`.

    Raises:
        DataError: A benchmark or preference file is missing or malformed.
    """
    evaluation = config.evaluation
    limit = limit if limit is not None else evaluation.limit
    sets = user_benchmarks(config, list(benchmarks), limit=limit)
    names = [benchmark.name for benchmark in sets]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ConfigError(
            f"benchmark name {duplicates[0]!r} is used twice; give each benchmark its own name "
            "(NAME=PATH)"
        )

    round_number, heldout_pairs, heldout_set = heldout_findings(store, config)
    capability: dict[str, CapabilityItem] = {}
    if evaluation.builtin:
        if heldout_set is not None and heldout_set.items:
            sets.append(_limited(heldout_set, limit, evaluation.seed))
        sets.append(_limited(shipped_over_refusal(), limit, evaluation.seed))
    if evaluation.capability:
        capability_set, capability = capability_benchmark(evaluation.capability_data)
        sets.append(capability_set)

    return EvaluationPlan(
        systems=evaluation_systems(store, run_dir, config),
        benchmarks=sets,
        capability=capability,
        judges=[config.judge, *evaluation.judges],
        pair_sets=pair_sets(config, heldout_pairs, list(preferences)),
        heldout_round=round_number,
    )


def _limited(benchmark: Benchmark, limit: int | None, seed: int) -> Benchmark:
    if limit is None:
        return benchmark
    return Benchmark(
        name=benchmark.name, kind=benchmark.kind, source=benchmark.source,
        items=tuple(limit_items(benchmark.items, limit, seed)),
    )


def run_evaluation(
    store: RunStore,
    run_dir: Path,
    config: AresConfig,
    plan: EvaluationPlan,
    *,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Run or resume the evaluation `plan` and return the `evaluation` entry of summary.json.

    Each system's policy answers every prompt it has not answered yet, each judge scores the
    replies to harmful prompts it has not scored yet, and each system's RM scores the pairs
    it has not scored yet. The summary is also stored in the run store's meta table, so
    `write_summary` keeps it.
    """
    progress = progress or _ignore
    store.add_event("evaluation_started", "evaluation started")

    # 1. Replies, one system at a time so that only one policy is in memory.
    for system in plan.systems:
        _answer(store, config, system, plan.benchmarks, progress)

    # 2. Verdicts of every judge on the replies to harmful prompts, and the refusal
    # classes of the replies to benign prompts.
    for judge_config in plan.judges:
        _judge(store, config, plan, judge_config, progress)
    _classify_refusals(store, config, plan, progress)

    # 3. RM scores of every preference set, one system's RM at a time.
    for system in plan.systems:
        _score_pairs(store, system, plan.pair_sets, progress)

    # 4. lm-evaluation-harness, when enabled.
    lm_eval: dict[str, Any] = {}
    if config.evaluation.lm_eval.enabled:
        for system in plan.systems:
            lm_eval[system.name] = run_lm_eval(
                store, system, config.evaluation.lm_eval, progress=progress
            )

    # 5. The summary, from the store.
    summary = evaluation_summary(store, config, plan, lm_eval=lm_eval)
    store.set_meta("evaluation", summary)
    store.add_event("evaluation_finished", "evaluation finished")
    return summary


def _answer(
    store: RunStore, config: AresConfig, system: EvalSystem, benchmarks: list[Benchmark],
    progress: Progress,
) -> None:
    pending = [
        (benchmark, item)
        for benchmark in benchmarks
        for item in _pending_items(store, system, benchmark)
    ]
    if not pending:
        return
    from ares.models import build_chat_model

    progress(f"{system.name} policy: loading {system.policy.model}")
    policy = build_chat_model(
        system.policy, default_concurrency=config.discovery.concurrency, progress=progress
    )
    max_new_tokens = config.evaluation.max_new_tokens or system.policy.max_new_tokens
    batch_size = max(system.policy.batch_size, 1)
    try:
        for start in range(0, len(pending), batch_size):
            batch = pending[start : start + batch_size]
            started = time.perf_counter()
            replies = policy.generate(
                [[{"role": "user", "content": item.prompt}] for _, item in batch],
                max_new_tokens=max_new_tokens,
            )
            seconds = (time.perf_counter() - started) / len(batch)
            store.add_eval_answers([
                EvalAnswer(
                    system=system.name, model=system.policy_key, benchmark=benchmark.name,
                    item_id=item.id, category=item.category, harmful=item.harmful,
                    prompt=item.prompt, reply=reply, seconds=round(seconds, 3),
                )
                for (benchmark, item), reply in zip(batch, replies, strict=True)
            ])
            progress(
                f"{system.name} policy: {min(start + batch_size, len(pending))}/{len(pending)} "
                "evaluation prompts answered"
            )
    finally:
        del policy
        gc.collect()


def _pending_items(store: RunStore, system: EvalSystem, benchmark: Benchmark) -> list[Any]:
    done = store.answered_items(system.name, system.policy_key, benchmark.name)
    return [item for item in benchmark.items if (item.id, text_sha1(item.prompt)) not in done]


def judge_key(judge_config: JudgeConfig) -> str:
    """Return the name under which a judge's verdicts are stored, without loading its model."""
    if judge_config.backend == "llm" and judge_config.model is not None:
        model = judge_config.model
        return f"llm:{judge_config.rubric}:{model.backend}:{model.model}"
    return "heuristic"


def refusal_key(refusal_config: RefusalConfig) -> str:
    """Return the name under which a refusal classifier's classes are stored."""
    if refusal_config.backend == "llm" and refusal_config.model is not None:
        model = refusal_config.model
        return f"refusal:llm:{model.backend}:{model.model}"
    return "heuristic"


def _classify_refusals(
    store: RunStore, config: AresConfig, plan: EvaluationPlan, progress: Progress
) -> None:
    """Store the `llm` refusal class of every reply to a benign prompt not classified yet.

    A class is stored as its index in `REFUSAL_CLASSES` (0 full compliance, 1 partial
    refusal, 2 full refusal), or None when the output named none. The heuristic classifier
    is cheap, so the summary applies it to the replies directly and nothing is stored.
    """
    refusal_config = config.evaluation.refusal
    if refusal_config.backend != "llm":
        return

    def build() -> Scorer:
        from ares.judges import REFUSAL_CLASSES, build_refusal_classifier

        classifier = build_refusal_classifier(refusal_config, _chat_builder(config, progress))

        def score(pairs: list[tuple[str, str]]) -> list[tuple[int | None, str]]:
            verdicts = classifier.classify(pairs)
            return [
                (None if v.label is None else REFUSAL_CLASSES.index(v.label), v.raw)
                for v in verdicts
            ]

        return score

    _store_verdicts(
        store, config, plan, refusal_key(refusal_config),
        lambda answer: not answer.harmful and answer.benchmark != CAPABILITY,
        build, progress, "refusal classifier", "classified",
    )


def _chat_builder(config: AresConfig, progress: Progress) -> Callable[[ChatModelConfig], Any]:
    """Return a function that builds a judge's or a classifier's chat model."""
    from ares.models import build_chat_model

    def chat(model_config: ChatModelConfig) -> Any:
        return build_chat_model(
            model_config, default_concurrency=config.discovery.concurrency, progress=progress
        )

    return chat


def _judge(
    store: RunStore, config: AresConfig, plan: EvaluationPlan, judge_config: JudgeConfig,
    progress: Progress,
) -> None:
    key = judge_key(judge_config)

    def build() -> Scorer:
        from ares.judges import build_judge

        judge = build_judge(judge_config, _chat_builder(config, progress))
        return lambda pairs: [(verdict.score, verdict.raw) for verdict in judge.judge(pairs)]

    _store_verdicts(
        store, config, plan, key, lambda answer: answer.harmful, build, progress,
        f"judge {key}", "scored",
    )


def _store_verdicts(
    store: RunStore,
    config: AresConfig,
    plan: EvaluationPlan,
    key: str,
    select: Callable[[EvalAnswer], bool],
    build: Callable[[], Scorer],
    progress: Progress,
    name: str,
    verb: str,
) -> None:
    """Score the selected replies that have no verdict stored under `key`, batch by batch.

    `build` loads the judge or classifier only when a reply is pending, and returns a
    function from (prompt, reply) pairs to (score, raw output) per pair. Each batch is
    committed before the next starts, so an interrupted evaluation resumes after it.
    """
    answers = [
        answer
        for system in plan.systems
        for answer in store.eval_answers(system.name, system.policy_key)
        if select(answer)
    ]
    done = store.eval_verdicts(key, [answer.id for answer in answers if answer.id is not None])
    pending = [answer for answer in answers if answer.id not in done]
    if not pending:
        return

    scorer = build()
    batch_size = max(config.discovery.batch_size, 1)
    try:
        for start in range(0, len(pending), batch_size):
            batch = pending[start : start + batch_size]
            results = scorer([(answer.prompt, answer.reply) for answer in batch])
            store.add_eval_verdicts(key, [
                (answer.id, score, raw)
                for answer, (score, raw) in zip(batch, results, strict=True)
                if answer.id is not None
            ])
            progress(f"{name}: {min(start + batch_size, len(pending))}/{len(pending)} "
                     f"replies {verb}")
    finally:
        del scorer  # the model behind it, before the next one loads
        gc.collect()


def _score_pairs(
    store: RunStore, system: EvalSystem, sets: list[PairSet], progress: Progress
) -> None:
    pending: list[tuple[PairSet, list[tuple[str, Any]]]] = []
    for pair_set in sets:
        done = store.rm_scores(system.name, system.reward_key, pair_set.name)
        missing = [
            (sha, pair)
            for pair in pair_set.pairs
            if (sha := text_sha1(pair.prompt, pair.chosen, pair.rejected)) not in done
        ]
        if missing:
            pending.append((pair_set, missing))
    if not pending:
        return
    from ares.models import build_reward_model

    progress(f"{system.name} reward model: loading {system.reward_model.model}")
    reward_model = build_reward_model(system.reward_model, progress=progress)
    try:
        for pair_set, missing in pending:
            # One call per set: the backend batches by its own batch size.
            chosen = reward_model.score([(pair.prompt, pair.chosen) for _, pair in missing])
            rejected = reward_model.score([(pair.prompt, pair.rejected) for _, pair in missing])
            store.add_rm_scores(
                system.name, system.reward_key, pair_set.name,
                [
                    (sha, good, bad)
                    for (sha, _), good, bad in zip(missing, chosen, rejected, strict=True)
                ],
            )
            progress(f"{system.name} reward model: scored {len(missing)} {pair_set.name} pairs")
    finally:
        del reward_model
        gc.collect()
