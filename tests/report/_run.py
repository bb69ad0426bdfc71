"""Run directories for the report tests: a store with two rounds, and summary contents.

All texts are neutral placeholders. The hostile run puts HTML, script and template
injection strings into every text a model or user writes.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from ares.store import ProbeRecord, RoundInfo, RunStore, write_summary

HARMFUL_TEXT = "[harmful reference text]"
SAFE_TEXT = "[safe reference text]"
HARMFUL_REPLY = "[harmful policy reply]"
SAFE_REPLY = "[safe policy reply]"

SCRIPT = "<script>document.title='pwned'</script>"
IMG = "<img src=x onerror=\"document.title='pwned'\">"
BREAKOUT = "</details><script>alert(1)</script>"
TEMPLATE = "{{ 7*7 }}"
INJECTIONS = (SCRIPT, IMG, BREAKOUT, TEMPLATE)
HOSTILE_BENCHMARK = "<b>bold-bench</b>"

# The h2 headings of every report, in page order.
SECTION_TITLES = [
    "At a glance",
    "1. Rounds and models",
    "2. Failure types per round",
    "3. Hit rate by tactic and topic category",
    "4. How the sampler's weights moved",
    "5. Repair",
    "6. Evaluation: original vs repaired",
    "7. Example probes",
]

TACTICS = ("t1", "t2", "t3")
CATEGORIES = ("cat_a", "cat_b")
# (tactic, category) that no probe uses, so its heat-map cell stays blank.
EMPTY_CELL = ("t3", "cat_b")


def rate(value: float | None, low: float | None, high: float | None, n: int,
         unscored: int = 0) -> dict[str, Any]:
    """Return a rate entry as `summary.json`'s evaluation writes it."""
    k = 0 if value is None else round(value * n)
    return {"value": value, "low": low, "high": high, "n": n, "k": k, "unscored": unscored}


def _probe(round_number: int, idx: int, failure_type: str, *, hostile: bool) -> ProbeRecord:
    cells = [(t, c) for t in TACTICS for c in CATEGORIES if (t, c) != EMPTY_CELL]
    tactic, category = cells[idx % len(cells)]
    policy_failed = failure_type in ("B", "C")
    prompt = f"[adversarial prompt {round_number}-{idx}]"
    harmful = f"{HARMFUL_TEXT} {round_number}-{idx}"
    reply = f"{HARMFUL_REPLY} {round_number}-{idx}" if policy_failed else SAFE_REPLY
    judge_raw = f"[judge verdict {round_number}-{idx}]"
    if hostile:
        prompt += " " + " ".join(INJECTIONS) + " ``` ````"
        harmful += " " + " ".join(INJECTIONS)
        reply += " " + " ".join(INJECTIONS)
        judge_raw += " " + " ".join(INJECTIONS)
    score = {"A": 0, "B": 2 + idx % 4, "C": 1 + idx % 5, "none": 0, "unscored": None}
    return ProbeRecord(
        round=round_number, idx=idx, seed=idx, topic_category=category,
        topic=f"{category}_topic", persona="p1" if idx % 2 else "p2", tactic=tactic,
        goal="g1", prompt=prompt, harmful_response=harmful, safe_response=SAFE_TEXT,
        policy_response=reply, judge_score=score[failure_type], judge_raw=judge_raw,
        rm_harmful=1.0 + idx / 100, rm_safe=0.5, rm_policy=0.8 if policy_failed else 0.2,
        failure_type=failure_type, sampled_uniform=idx < 4, seconds_mentor=0.1,
        seconds_policy=0.1, seconds_judge=0.0, seconds_reward=0.1,
    )


def _sampler_state(step: int, strategy: str) -> dict[str, Any]:
    tactics = {name: 1.0 / len(TACTICS) for name in TACTICS}
    categories = {name: 1.0 / len(CATEGORIES) for name in CATEGORIES}
    if strategy == "adaptive":
        shift = min(step / 100, 0.2)
        tactics = {"t1": 1 / 3 + shift, "t2": 1 / 3, "t3": 1 / 3 - shift}
        categories = {"cat_a": 0.5 + shift / 2, "cat_b": 0.5 - shift / 2}
    return {
        "strategy": strategy,
        "drawn": step,
        "updates": step // 2,
        "weights": {
            "categories": categories,
            "personas": {"p1": 0.5, "p2": 0.5},
            "tactics": tactics,
            "goals": {"g1": 1.0},
        },
        "instance_weights": {name: {f"{name}_topic": 1.0} for name in CATEGORIES},
        "rng": [3, [0], None],
    }


# Failure types of each round's probes, one batch per inner tuple.
ROUND_TYPES = {
    1: (("A", "B", "C", "none", "C", "B"), ("C", "none", "A", "unscored", "B", "C"),
        ("none", "C", "B", "none", "A", "none")),
    2: (("none", "none", "B", "none", "A", "none"), ("none", "C", "none", "none", "none")),
}


def build_run(run_dir: Path, *, hostile: bool = False, strategy: str = "adaptive",
              rounds: int = 2) -> RunStore:
    """Create a run store with finished rounds of several batches each, and return it."""
    store = RunStore.open(run_dir)
    for number, batches in list(ROUND_TYPES.items())[:rounds]:
        store.start_round(RoundInfo(
            round=number, seed=number, budget=sum(len(b) for b in batches), status="running",
            policy_model="hf:policy-model" if number == 1 else "runs/x/round-1/policy",
            reward_model="hf:reward-model", judge="heuristic", mentor="template",
            sampler=strategy, started_at=0.0, finished_at=None,
        ))
        idx = 0
        for batch in batches:
            probes = []
            for failure_type in batch:
                probes.append(_probe(number, idx, failure_type, hostile=hostile))
                idx += 1
            store.commit_batch(number, probes, [], _sampler_state(idx, strategy))
        store.finish_round(number)
    return store


REPAIRS: list[dict[str, Any]] = [{
    "round": 1,
    "reward": {
        "method": "bradley_terry", "steps": 84,
        "heldout_pairs": 6, "heldout_accuracy_before": 0.25, "heldout_accuracy_after": 0.875,
        "heldout_policy_pairs": 4, "heldout_policy_accuracy_before": 0.5,
        "heldout_policy_accuracy_after": 1.0,
        "general_pairs": 40, "general_accuracy_before": 0.8, "general_accuracy_after": 0.775,
        "checkpoint": "checkpoints/round-1/reward/model",
    },
    "policy": {
        "method": "grpo", "steps": 52, "mean_reward_before": -0.42, "mean_reward_after": 0.31,
        "kl": 0.0123, "checkpoint": "checkpoints/round-1/policy/model",
    },
}]


def _benchmark(name: str, repaired: bool, over_refusal: bool) -> dict[str, Any]:
    categories_original = {
        "chemical_biological": {"safety": rate(0.5, 0.3, 0.7, 20), "over_refusal": None},
        "cybercrime": {"safety": rate(0.7, 0.5, 0.85, 20, unscored=1), "over_refusal": None},
    }
    original = {
        "safety": rate(0.62, 0.51, 0.72, 80),
        "over_refusal": rate(0.1, 0.05, 0.2, 40) if over_refusal else None,
        "categories": categories_original,
    }
    results: dict[str, Any] = {"original": original}
    change: dict[str, Any] = {"safety": None, "over_refusal": None}
    if repaired:
        categories_repaired = copy.deepcopy(categories_original)
        categories_repaired["chemical_biological"]["safety"] = rate(0.8, 0.6, 0.92, 20)
        results["repaired"] = {
            "safety": rate(0.74, 0.64, 0.82, 80, unscored=2),
            "over_refusal": rate(0.15, 0.07, 0.28, 40) if over_refusal else None,
            "categories": categories_repaired,
        }
        change = {
            "safety": {"diff": 0.12, "low": 0.03, "high": 0.2, "n": 80},
            "over_refusal": ({"diff": 0.05, "low": -0.04, "high": 0.14, "n": 40}
                             if over_refusal else None),
        }
    return {
        "name": name, "kind": "harmbench", "source": "/data/benchmark.csv",
        "items": 120 if over_refusal else 80, "harmful_items": 80,
        "benign_items": 40 if over_refusal else 0, "results": results, "change": change,
    }


def evaluation(*, repaired: bool = True, benchmark_name: str = "harmbench") -> dict[str, Any]:
    """Return an `evaluation` summary with two benchmarks, capability and RM accuracy."""
    systems: dict[str, Any] = {
        "original": {"policy": "hf:policy-model", "reward_model": "hf:reward-model"},
    }
    systems_of_results = ("original", "repaired") if repaired else ("original",)
    if repaired:
        systems["repaired"] = {
            "policy": "runs/x/checkpoints/round-1/policy/model",
            "reward_model": "runs/x/checkpoints/round-1/reward/model", "after_round": 1,
        }
    capability_change = {"diff": -0.025, "low": -0.1, "high": 0.05, "n": 40}
    return {
        "systems": systems,
        "judges": ["heuristic", "llm:harm_0_5:openai:judge-model"],
        "primary_judge": "heuristic",
        "judge_threshold": 1,
        "benchmarks": [
            _benchmark(benchmark_name, repaired, over_refusal=False),
            _benchmark("xstest-mix", repaired, over_refusal=True),
        ],
        "capability": {
            "name": "ares-basic", "items": 40,
            "results": {
                system: rate(0.6 if system == "original" else 0.575, 0.45, 0.73, 40)
                for system in systems_of_results
            },
            "change": capability_change if repaired else None,
        },
        "reward_model": {
            "heldout": {"pairs": 24, **{s: rate(0.9, 0.7, 0.97, 24) for s in systems_of_results}},
            "heldout_policy": {"pairs": 10,
                               **{s: rate(0.8, 0.5, 0.95, 10) for s in systems_of_results}},
            "preferences": [{
                "name": "rewardbench-sample", "source": "/p.jsonl", "pairs": 100,
                **{s: rate(0.7, 0.6, 0.78, 100) for s in systems_of_results},
            }],
        },
        "judge_agreement": [{
            "judges": ["heuristic", "llm:harm_0_5:openai:judge-model"], "items": 120,
            "percent_agreement": 0.9, "kappa": 0.71,
        }],
    }


def full_summary(store: RunStore, run_dir: Path, *, repaired: bool = True,
                 benchmark_name: str = "harmbench") -> dict[str, Any]:
    """Return `summary.json`'s content with rounds, repairs and an evaluation."""
    summary = write_summary(store, run_dir)
    if repaired:
        summary["repairs"] = copy.deepcopy(REPAIRS)
    summary["evaluation"] = evaluation(repaired=repaired, benchmark_name=benchmark_name)
    return summary
