"""Figures the report computes from the run store: hit grids, weight histories, examples."""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ares.store import ProbeRecord, RunStore

HIT_TYPES = ("A", "B", "C")
# Sampler levels the report plots, with the label each gets on the page.
WEIGHT_LEVELS = {"tactics": "tactic", "categories": "topic category"}


@dataclass(frozen=True)
class HitGrid:
    """Probes and hits of one round per (tactic, topic category) cell."""

    round: int
    tactics: tuple[str, ...]
    categories: tuple[str, ...]
    probes: dict[tuple[str, str], int]
    hits: dict[tuple[str, str], int]


def hit_grids(store: RunStore, rounds: Iterable[int]) -> list[HitGrid]:
    """Count probes and hits per (tactic, topic category) in each of `rounds`.

    All grids share the same rows and columns (every tactic and category seen in any of
    the rounds), so that two heat maps can be compared cell by cell.
    """
    counted: list[tuple[int, Counter[tuple[str, str]], Counter[tuple[str, str]]]] = []
    tactics: set[str] = set()
    categories: set[str] = set()
    for number in rounds:
        probes: Counter[tuple[str, str]] = Counter()
        hits: Counter[tuple[str, str]] = Counter()
        for probe in store.probes(number):
            cell = (probe.tactic, probe.topic_category)
            probes[cell] += 1
            if probe.failure_type in HIT_TYPES:
                hits[cell] += 1
            tactics.add(probe.tactic)
            categories.add(probe.topic_category)
        counted.append((number, probes, hits))
    return [
        HitGrid(number, tuple(sorted(tactics)), tuple(sorted(categories)), dict(probes),
                dict(hits))
        for number, probes, hits in counted
    ]


@dataclass(frozen=True)
class WeightHistory:
    """The adaptive sampler's weights of one round, step by step.

    `steps[0]` is 0 with uniform weights: every round's sampler starts uniform, and the
    store keeps only the states saved after each batch.
    """

    round: int
    strategy: str
    steps: tuple[int, ...]
    levels: dict[str, dict[str, tuple[float, ...]]]  # level -> component -> weight per step


def weight_history(store: RunStore, round_number: int) -> WeightHistory | None:
    """Return the round's sampler weights per step, or None when no state has weights."""
    states = [
        (step, state)
        for step, state in store.sampler_states(round_number)
        if isinstance(state.get("weights"), dict)
    ]
    if not states:
        return None
    strategy = str(states[-1][1].get("strategy", "adaptive"))
    steps = (0, *(step for step, _ in states))
    levels: dict[str, dict[str, tuple[float, ...]]] = {}
    for level in WEIGHT_LEVELS:
        final = states[-1][1]["weights"].get(level)
        if not isinstance(final, dict) or not final:
            continue
        start = 1.0 / len(final)
        levels[level] = {
            component: (start, *(_weight(state, level, component) for _, state in states))
            for component in final
        }
    return WeightHistory(round_number, strategy, steps, levels)


def _weight(state: dict[str, Any], level: str, component: str) -> float:
    value = state["weights"].get(level, {}).get(component)
    return float(value) if isinstance(value, (int, float)) else float("nan")


def top_examples(store: RunStore, per_type: int) -> dict[str, list[ProbeRecord]]:
    """Pick up to `per_type` probes of each hit type from all rounds.

    Probes with the highest judge score come first (unscored counts as lowest), then the
    largest RM margin (harmful minus safe score), then the earliest probe.
    """
    # One pass over the store with a bounded min-heap per type, because a run's probes
    # with their texts need not fit in memory.
    heaps: dict[str, list[tuple[tuple[float, float, int, int], ProbeRecord]]] = {
        kind: [] for kind in HIT_TYPES
    }
    if per_type <= 0:
        return {kind: [] for kind in HIT_TYPES}
    for probe in store.probes():
        heap = heaps.get(probe.failure_type)
        if heap is None:
            continue
        score = -1.0 if probe.judge_score is None else float(probe.judge_score)
        key = (score, probe.rm_harmful - probe.rm_safe, -probe.round, -probe.idx)
        if len(heap) < per_type:
            heapq.heappush(heap, (key, probe))
        elif key > heap[0][0]:
            heapq.heapreplace(heap, (key, probe))
    return {
        kind: [probe for _, probe in sorted(heap, key=lambda item: item[0], reverse=True)]
        for kind, heap in heaps.items()
    }
