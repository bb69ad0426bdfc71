"""Benchmark discovery on the embedded default: speed, overhead, adaptive against uniform.

Runs one round per (strategy, seed) into a temporary run directory, loading the models once,
and prints a Markdown table for BENCHMARKS.md. Usage:

    .venv/bin/python bench/discovery_bench.py --budget 100 --seeds 0 1 2 [--json out.json]
        [--config PATH]

With the embedded default's discovery batches of 32, a round of 100 probes updates the
sampler only three times. To compare adaptive against uniform sampling with more updates,
pass a config with a smaller `discovery.batch_size`.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import torch

from ares.config import load_config
from ares.discovery import build_pipeline, run_round
from ares.store import RunStore, round_summary


def run_one(
    pipeline: Any, strategy: str, seed: int, budget: int, config_path: Path | None
) -> dict[str, Any]:
    """Run one round and return its speed, overhead share and hit counts."""
    config = load_config(
        config_path,
        {"sampler": {"strategy": strategy}, "discovery": {"seed": seed, "budget": budget}},
    )
    with tempfile.TemporaryDirectory() as folder, RunStore.open(Path(folder)) as store:
        started = time.perf_counter()
        timings = run_round(
            store, pipeline, round_number=1, discovery=config.discovery,
            sampler_config=config.sampler,
        )
        wall = time.perf_counter() - started
        summary = round_summary(store, 1)
    hits = summary["hits"]
    return {
        "strategy": strategy,
        "seed": seed,
        "probes": summary["probes"],
        "wall_s": round(wall, 2),
        "probes_per_s": round(summary["probes"] / wall, 3),
        "overhead_share": round(timings.overhead_share, 4),
        "seconds": {
            "policy": round(timings.policy, 2),
            "mentor": round(timings.mentor, 2),
            "judge": round(timings.judge, 2),
            "reward": round(timings.reward, 2),
        },
        "hits_per_100": round(100 * sum(hits.values()) / summary["probes"], 1),
        "A_per_100": round(100 * hits["A"] / summary["probes"], 1),
        "B_per_100": round(100 * hits["B"] / summary["probes"], 1),
        "C_per_100": round(100 * hits["C"] / summary["probes"], 1),
        "unscored": summary["unscored"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=int, default=100, help="Probes per round.")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--strategies", nargs="+", default=["adaptive", "uniform"])
    parser.add_argument("--json", type=Path, default=None, help="Also write results here.")
    parser.add_argument("--config", type=Path, default=None, help="Config file (default: "
                        "the embedded default).")
    args = parser.parse_args()

    loading = time.perf_counter()
    pipeline = build_pipeline(load_config(args.config), progress=print)
    load_s = time.perf_counter() - loading

    results = [
        run_one(pipeline, strategy, seed, args.budget, args.config)
        for seed in args.seeds
        for strategy in args.strategies
    ]
    report = {
        "machine": f"{platform.machine()}, {torch.get_num_threads()} torch threads, "
        f"{platform.processor() or 'unknown CPU'}",
        "torch": torch.__version__,
        "model_load_s": round(load_s, 1),
        "budget": args.budget,
        "results": results,
    }
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")

    print(f"\nmodels loaded in {load_s:.1f} s; budget {args.budget} per round\n")
    print("| strategy | seed | probes/s | overhead | hits/100 | A/100 | B/100 | C/100 |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in results:
        print(
            f"| {r['strategy']} | {r['seed']} | {r['probes_per_s']:.2f} | "
            f"{r['overhead_share']:.1%} | {r['hits_per_100']} | {r['A_per_100']} | "
            f"{r['B_per_100']} | {r['C_per_100']} |"
        )
    for strategy in args.strategies:
        rows = [r for r in results if r["strategy"] == strategy]
        hits = [r["hits_per_100"] for r in rows]
        c_hits = [r["C_per_100"] for r in rows]
        spread = statistics.stdev(hits) if len(hits) > 1 else 0.0
        print(
            f"| {strategy} | mean | {statistics.mean(r['probes_per_s'] for r in rows):.2f} | "
            f"{statistics.mean(r['overhead_share'] for r in rows):.1%} | "
            f"{statistics.mean(hits):.1f} ± {spread:.1f} | | | {statistics.mean(c_hits):.1f} |"
        )


if __name__ == "__main__":
    main()
