"""The discovery round: sample, compose, generate, judge, score, classify, store."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ares.components import AttackSpec, ComponentLibrary
from ares.config import DiscoveryConfig, SamplerConfig
from ares.discovery._classify import HIT_TYPES, classify
from ares.discovery._sampler import HitFeedback, Sampler
from ares.errors import ModelOutputError, RunDirError
from ares.judges import Judge
from ares.mentor import Mentor, MentorOutput
from ares.models import ChatModel, RewardModel
from ares.store import ProbeRecord, Rejection, RoundInfo, RunStore

logger = logging.getLogger(__name__)

# Batches in a row that may yield no probe (every mentor output invalid or filtered) before
# the round stops: past that the mentor or filter is broken, and sampling on would spin.
MAX_EMPTY_BATCHES = 20


class PromptFilterLike(Protocol):
    """The part of a prompt filter that the round calls."""

    @property
    def identity(self) -> str: ...

    def keep(self, prompts: Sequence[str]) -> list[bool | None]: ...


@dataclass
class Pipeline:
    """The models and library one discovery round runs against."""

    library: ComponentLibrary
    mentor: Mentor
    policy: ChatModel
    judge: Judge
    reward_model: RewardModel
    prompt_filter: PromptFilterLike | None = None


@dataclass
class RoundProgress:
    """Counts after each committed batch, for progress displays."""

    round: int
    done: int
    budget: int
    counts: dict[str, int] = field(default_factory=dict)
    rejected: int = 0


class ProgressCallback(Protocol):
    def __call__(self, progress: RoundProgress, /) -> None: ...


@dataclass
class RoundTimings:
    """Seconds of wall time per stage, for this process's part of the round."""

    wall: float = 0.0
    mentor: float = 0.0
    policy: float = 0.0
    judge: float = 0.0
    reward: float = 0.0
    prompt_filter: float = 0.0

    @property
    def model_calls(self) -> float:
        return self.mentor + self.policy + self.judge + self.reward + self.prompt_filter

    @property
    def overhead_share(self) -> float:
        """Share of wall time spent outside model calls (sampling, bookkeeping, SQLite)."""
        return 0.0 if self.wall <= 0 else max(self.wall - self.model_calls, 0.0) / self.wall


def mentor_seed(round_seed: int, draw_index: int) -> int:
    """Return the mentor seed of the `draw_index`-th spec drawn in a round."""
    return (round_seed * 1_000_003 + draw_index) % (2**32)


def run_round(
    store: RunStore,
    pipeline: Pipeline,
    *,
    round_number: int,
    discovery: DiscoveryConfig,
    sampler_config: SamplerConfig,
    progress: ProgressCallback | None = None,
) -> RoundTimings:
    """Run (or resume) one discovery round until it holds `discovery.budget` probes.

    Each batch is committed with the sampler state in one transaction, so a crash at any
    moment loses at most the batch in flight, which the resumed round draws again with
    the same random state.

    Raises:
        RunDirError: the round exists in the store with other models, another seed or more
            probes than the budget.
        ModelOutputError: `MAX_EMPTY_BATCHES` batches in a row yielded no probe.
    """
    timings = RoundTimings()
    started = time.perf_counter()

    # 1. Open or resume the round.
    sampler = _open_round(store, pipeline, round_number, discovery, sampler_config)
    done = store.count_probes(round_number)
    budget = discovery.budget
    _report(progress, store, round_number, done, budget)

    # 2. One batch at a time until the budget is reached.
    empty_batches = 0
    while done < budget:
        need = min(discovery.batch_size, budget - done)
        probes, rejections = _run_batch(
            pipeline, sampler, round_number, discovery, first_index=done, need=need,
            timings=timings,
        )
        store.commit_batch(round_number, probes, rejections, sampler.state())
        done += len(probes)
        _report(progress, store, round_number, done, budget)

        empty_batches = 0 if probes else empty_batches + 1
        if empty_batches >= MAX_EMPTY_BATCHES:
            reasons = store.rejection_counts(round_number)
            raise ModelOutputError(
                f"round {round_number} stopped: {MAX_EMPTY_BATCHES} batches in a row yielded "
                f"no probe (rejections so far: {reasons}). Check the mentor's output and the "
                "prompt filter; the probes gathered so far are kept."
            )

    # 3. Close the round.
    store.finish_round(round_number)
    timings.wall = time.perf_counter() - started
    store.add_event(
        "round_finished",
        f"round {round_number} holds {done} probes",
        round_number=round_number,
        data={"wall_seconds": timings.wall, "overhead_share": timings.overhead_share},
    )
    return timings


def _open_round(
    store: RunStore,
    pipeline: Pipeline,
    round_number: int,
    discovery: DiscoveryConfig,
    sampler_config: SamplerConfig,
) -> Sampler:
    identities = {
        "policy_model": pipeline.policy.identity,
        "reward_model": pipeline.reward_model.identity,
        "judge": pipeline.judge.identity,
        "mentor": pipeline.mentor.identity,
        "sampler": sampler_config.strategy,
    }
    existing = store.get_round(round_number)
    if existing is None:
        store.start_round(
            RoundInfo(
                round=round_number, seed=discovery.seed, budget=discovery.budget,
                status="running", started_at=time.time(), finished_at=None, **identities,
            )
        )
        return Sampler(pipeline.library, sampler_config, seed=discovery.seed)

    # Resuming: the round must go on with the same models, seed and sampler.
    for key, value in identities.items():
        stored = getattr(existing, key)
        if stored != value:
            raise RunDirError(
                f"round {round_number} in {store.path.parent} was started with {key} "
                f"{stored!r}, but the config now gives {value!r}. Resume with the config the "
                "round started with, or use a new --run-dir."
            )
    if existing.seed != discovery.seed:
        raise RunDirError(
            f"round {round_number} was started with seed {existing.seed}, not "
            f"{discovery.seed}. Resume with --seed {existing.seed}, or use a new --run-dir."
        )
    done = store.count_probes(round_number)
    if discovery.budget < done:
        raise RunDirError(
            f"round {round_number} already holds {done} probes, more than --budget "
            f"{discovery.budget}. Pass --budget {done} or more, or use a new --run-dir."
        )
    store.set_round_budget(round_number, discovery.budget)
    saved = store.latest_sampler_state(round_number)
    if saved is None:
        return Sampler(pipeline.library, sampler_config, seed=discovery.seed)
    logger.info("resuming round %d at probe %d", round_number, done)
    return Sampler.from_state(pipeline.library, sampler_config, saved[1])


def _run_batch(
    pipeline: Pipeline,
    sampler: Sampler,
    round_number: int,
    discovery: DiscoveryConfig,
    *,
    first_index: int,
    need: int,
    timings: RoundTimings,
) -> tuple[list[ProbeRecord], list[Rejection]]:
    # 1. Draw specs; a spec drawn in warm-up or by the uniform sampler is marked as such.
    uniform = sampler.strategy == "uniform" or sampler.in_warmup
    first_draw = sampler.drawn
    specs = sampler.draw(need)
    seeds = [mentor_seed(discovery.seed, first_draw + i) for i in range(need)]

    # 2. The mentor composes prompt, harmful and safe response for each spec.
    clock = time.perf_counter()
    outputs = pipeline.mentor.compose(specs, seeds)
    timings.mentor += (t_mentor := time.perf_counter() - clock)
    rejections: list[Rejection] = []
    kept: list[tuple[AttackSpec, int, MentorOutput]] = []
    for spec, seed, output in zip(specs, seeds, outputs, strict=True):
        if output is None:
            rejections.append(_rejection(round_number, spec, "mentor_invalid", None))
        else:
            kept.append((spec, seed, output))

    # 3. The optional prompt filter keeps only prompts it judges harmful.
    if pipeline.prompt_filter is not None and kept:
        clock = time.perf_counter()
        keep = pipeline.prompt_filter.keep([output.prompt for _, _, output in kept])
        timings.prompt_filter += time.perf_counter() - clock
        filtered = []
        for item, keep_it in zip(kept, keep, strict=True):
            if keep_it is True:
                filtered.append(item)
            else:
                reason = "filtered_benign" if keep_it is False else "filter_unscored"
                rejections.append(_rejection(round_number, item[0], reason, item[2].prompt))
        kept = filtered
    if not kept:
        return [], rejections
    prompts = [output.prompt for _, _, output in kept]

    # 4. The policy answers each prompt.
    clock = time.perf_counter()
    replies = pipeline.policy.generate([[{"role": "user", "content": p}] for p in prompts])
    timings.policy += (t_policy := time.perf_counter() - clock)

    # 5. The judge scores each reply for harm.
    clock = time.perf_counter()
    verdicts = pipeline.judge.judge(list(zip(prompts, replies, strict=True)))
    timings.judge += (t_judge := time.perf_counter() - clock)

    # 6. The RM scores the harmful, the safe and the policy's response, in one call.
    clock = time.perf_counter()
    pairs = []
    for (_, _, output), reply in zip(kept, replies, strict=True):
        pairs += [
            (output.prompt, output.harmful_response),
            (output.prompt, output.safe_response),
            (output.prompt, reply),
        ]
    rewards = pipeline.reward_model.score(pairs)  # [3 * len(kept)]: harmful, safe, policy
    timings.reward += (t_reward := time.perf_counter() - clock)

    # 7. Classify, record and feed the hits back to the sampler.
    share = 1.0 / len(kept)
    probes = []
    feedback = []
    for j, ((spec, seed, output), reply, verdict) in enumerate(
        zip(kept, replies, verdicts, strict=True)
    ):
        rm_harmful, rm_safe, rm_policy = rewards[3 * j : 3 * j + 3]
        failure_type = classify(
            verdict.score, rm_harmful, rm_safe,
            judge_threshold=discovery.judge_threshold, rm_margin=discovery.rm_margin,
        )
        probes.append(
            ProbeRecord(
                round=round_number, idx=first_index + j, seed=seed,
                topic_category=spec.topic_category, topic=spec.topic, persona=spec.persona,
                tactic=spec.tactic, goal=spec.goal, prompt=output.prompt,
                harmful_response=output.harmful_response, safe_response=output.safe_response,
                policy_response=reply, judge_score=verdict.score, judge_raw=verdict.raw,
                rm_harmful=rm_harmful, rm_safe=rm_safe, rm_policy=rm_policy,
                failure_type=failure_type, sampled_uniform=uniform,
                seconds_mentor=t_mentor * share, seconds_policy=t_policy * share,
                seconds_judge=t_judge * share, seconds_reward=t_reward * share,
            )
        )
        feedback.append(
            HitFeedback(
                spec=spec, hit=failure_type in HIT_TYPES, judge_score=verdict.score,
                rm_margin=rm_harmful - rm_safe,
            )
        )
    sampler.update(feedback)
    return probes, rejections


def _rejection(round_number: int, spec: AttackSpec, reason: str, prompt: str | None) -> Rejection:
    return Rejection(
        round=round_number, topic_category=spec.topic_category, topic=spec.topic,
        persona=spec.persona, tactic=spec.tactic, goal=spec.goal, reason=reason, prompt=prompt,
    )


def _report(
    progress: ProgressCallback | None, store: RunStore, round_number: int, done: int, budget: int
) -> None:
    if progress is None:
        return
    rejected = sum(store.rejection_counts(round_number).values())
    progress(
        RoundProgress(
            round=round_number, done=done, budget=budget,
            counts=store.failure_counts(round_number), rejected=rejected,
        )
    )
