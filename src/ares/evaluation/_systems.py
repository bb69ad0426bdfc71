"""The systems an evaluation compares, and the prompt and pair sets it runs on them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ares.config import AresConfig, ChatModelConfig, RewardModelConfig
from ares.evaluation._benchmarks import Benchmark, BenchmarkItem, load_benchmark
from ares.evaluation._capability import CapabilityItem, load_capability_set
from ares.repair import config_for_round
from ares.repair._data import (
    PreferencePair,
    finding_pairs,
    load_pairs,
    shipped_pairs,
    shipped_prompts,
    split_findings,
)
from ares.store import RunStore

ORIGINAL = "original"
REPAIRED = "repaired"

# Names of the sets that ares builds itself.
HELDOUT_FINDINGS = "findings-heldout"
SHIPPED_OVER_REFUSAL = "ares-over-refusal"
CAPABILITY = "capability"


@dataclass(frozen=True)
class EvalSystem:
    """A policy and reward model pair under evaluation.

    `policy_key` and `reward_key` name the models in the store without loading them: the
    model name or path as configured, relative to the run directory for a checkpoint of the
    run, so that a moved run directory keeps its stored results.
    """

    name: str  # original | repaired
    policy: ChatModelConfig
    reward_model: RewardModelConfig
    policy_key: str
    reward_key: str
    after_round: int | None  # the round whose repair produced it; None for the original


@dataclass(frozen=True)
class PairSet:
    """Preference pairs on which each system's RM is scored."""

    name: str
    source: str
    pairs: list[PreferencePair]


def evaluation_systems(store: RunStore, run_dir: Path, config: AresConfig) -> list[EvalSystem]:
    """Return the original system and, once a repair stage has finished, the repaired one.

    The repaired system uses the newest repaired policy and RM; a part that no stage has
    repaired stays the original's.
    """
    original = config_for_round(store, config, 1)
    systems = [_system(ORIGINAL, original, run_dir, None)]
    repaired_rounds = [info.round for info in store.stages() if info.status == "finished"]
    if repaired_rounds:
        last = max(repaired_rounds)
        repaired = _system(REPAIRED, config_for_round(store, config, last + 1), run_dir, last)
        if (repaired.policy_key, repaired.reward_key) != (
            systems[0].policy_key, systems[0].reward_key
        ):
            systems.append(repaired)
    return systems


def _system(name: str, config: AresConfig, run_dir: Path, after_round: int | None) -> EvalSystem:
    return EvalSystem(
        name=name,
        policy=config.policy,
        reward_model=config.reward_model,
        policy_key=_model_key(config.policy.backend, config.policy.model, run_dir,
                              config.policy.gguf_file),
        reward_key=_model_key(config.reward_model.backend, config.reward_model.model, run_dir),
        after_round=after_round,
    )


def _model_key(backend: str, model: str, run_dir: Path, gguf_file: str | None = None) -> str:
    path, root = Path(model).resolve(), run_dir.resolve()
    if Path(model).is_absolute() and path.is_relative_to(root):
        model = path.relative_to(root).as_posix()
    suffix = f"#{gguf_file}" if gguf_file else ""
    return f"{backend}:{model}{suffix}"


def heldout_round(store: RunStore) -> int | None:
    """Return the round whose held-out findings measure the repair: the newest repaired one.

    Without a repair, the newest finished round, whose findings nothing has trained on.
    """
    repaired = [info.round for info in store.stages() if info.status == "finished"]
    if repaired:
        return max(repaired)
    finished = [info.round for info in store.rounds() if info.status == "finished"]
    return max(finished) if finished else None


def heldout_findings(
    store: RunStore, config: AresConfig
) -> tuple[int | None, list[PreferencePair], Benchmark | None]:
    """Return the held-out round, its held-out preference pairs and its prompts as a benchmark.

    The split is the one the repair used (`repair.heldout_fraction` and `repair.seed`), so no
    prompt of these sets was trained on. Without a repair the whole round is held out.
    """
    round_number = heldout_round(store)
    if round_number is None:
        return None, [], None
    probes = list(store.probes(round_number))
    repaired = any(
        info.round == round_number and info.status == "finished" for info in store.stages()
    )
    if repaired:
        _, probes = split_findings(probes, config.repair.heldout_fraction, config.repair.seed)
    items = tuple(
        BenchmarkItem(
            id=f"r{probe.round}-{probe.idx}", prompt=probe.prompt,
            category=probe.topic_category, harmful=True,
        )
        for probe in probes
    )
    benchmark = Benchmark(
        name=HELDOUT_FINDINGS, kind="findings", source=f"round {round_number}", items=items
    )
    return round_number, finding_pairs(probes), benchmark


def shipped_over_refusal() -> Benchmark:
    """Return the eval split of the over-refusal prompts shipped with ares, as a benchmark."""
    items = tuple(
        BenchmarkItem(id=f"or-{index}", prompt=item.prompt, category="look-alike", harmful=False)
        for index, item in enumerate(shipped_prompts("over_refusal", "eval"), start=1)
    )
    return Benchmark(
        name=SHIPPED_OVER_REFUSAL, kind="ares", source="ares/repair/data/over_refusal.jsonl",
        items=items,
    )


def capability_benchmark(source: str | None) -> tuple[Benchmark, dict[str, CapabilityItem]]:
    """Return the capability set as a benchmark of benign prompts, and its items by id."""
    capability = load_capability_set(source)
    items = tuple(
        BenchmarkItem(id=item.id, prompt=item.prompt, category=item.category, harmful=False)
        for item in capability
    )
    benchmark = Benchmark(
        name=CAPABILITY, kind="capability",
        source=source or "ares/evaluation/data/capability.jsonl", items=items,
    )
    return benchmark, {item.id: item for item in capability}


def user_benchmarks(
    config: AresConfig, extra: list[tuple[str, str]], *, limit: int | None
) -> list[Benchmark]:
    """Load the config's benchmarks and the `--benchmark NAME=PATH` ones, with `limit` applied."""
    seed = config.evaluation.seed
    benchmarks = [
        load_benchmark(
            entry.name, entry.path, kind=entry.kind, columns=entry.columns or None,
            limit=limit, seed=seed,
        )
        for entry in config.evaluation.benchmarks
    ]
    benchmarks += [load_benchmark(name, path, limit=limit, seed=seed) for name, path in extra]
    return benchmarks


def pair_sets(
    config: AresConfig, heldout: list[PreferencePair], extra: list[tuple[str, str]]
) -> list[PairSet]:
    """Return the preference sets for RM accuracy: held-out findings, shipped and user pairs."""
    sets = [
        PairSet("heldout", "held-out findings", [p for p in heldout if p.source == "mentor"]),
        PairSet("heldout_policy", "held-out findings",
                [p for p in heldout if p.source == "policy"]),
        PairSet("general", "ares/repair/data/general.jsonl", shipped_pairs("general", "eval")),
        PairSet("over_refusal", "ares/repair/data/over_refusal.jsonl",
                shipped_pairs("over_refusal", "eval")),
    ]
    entries = [(entry.name, entry.path) for entry in config.evaluation.preferences] + extra
    sets += [PairSet(name, path, load_pairs(path)) for name, path in entries]
    return sets
