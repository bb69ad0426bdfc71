"""The subcommands that measure and show a run: evaluate, report."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from ares.cli._app import cli, config_option, run_dir_option
from ares.cli._run_config import given_config, run_config
from ares.config import AresConfig
from ares.store import RunStore, write_summary

console = Console(soft_wrap=True)

# Store meta key of the `--benchmark` and `--preferences` files given on earlier commands.
_GIVEN_FILES = "evaluation_files"


def benchmark_option(function: click.decorators.FC) -> click.decorators.FC:
    """Add the repeatable `--benchmark NAME=PATH` to a command."""
    return click.option(
        "--benchmark", "benchmarks", multiple=True, metavar="NAME=PATH",
        help="Benchmark file to evaluate (HarmBench, StrongREJECT, AdvBench, JailbreakBench, "
        "XSTest or a generic CSV/JSONL); repeatable. The run directory remembers it.",
    )(function)


def limit_option(function: click.decorators.FC) -> click.decorators.FC:
    """Add `--limit N` to a command."""
    return click.option(
        "--limit", type=click.IntRange(min=1), default=None,
        help="At most N prompts per benchmark (overrides evaluation.limit).",
    )(function)


@cli.command()
@config_option
@run_dir_option
@benchmark_option
@click.option("--preferences", multiple=True, metavar="NAME=PATH",
              help="Preference file (prompt, chosen, rejected) for RM accuracy; repeatable.")
@limit_option
def evaluate(
    config_path: Path | None, run_dir: Path, benchmarks: tuple[str, ...],
    preferences: tuple[str, ...], limit: int | None,
) -> None:
    """Evaluate the original and the repaired system with the same judge and prompts.

    Measures safety on the benchmarks and the held-out findings, over-refusal, capability
    and RM accuracy, and writes them to DIR/summary.json under `evaluation`. Rerun the same
    command to resume.
    """
    given = given_config(config_path, {})
    with RunStore.open(run_dir, create=False) as store:
        config = run_config(store, run_dir, given, {})
        summary = evaluate_run(store, run_dir, config, benchmarks, preferences, limit)
    print_evaluation(console, summary)
    console.print(f"summary: {run_dir / 'summary.json'}")


@cli.command()
@run_dir_option
@click.option("--redact", is_flag=True,
              help="Replace harmful model text with [redacted] instead of folding it away.")
def report(run_dir: Path, redact: bool) -> None:
    """Write DIR/report/index.html (one self-contained page) and DIR/report/summary.md."""
    paths = write_run_report(run_dir, redact=redact)
    console.print(f"report: {paths.html}")


def evaluate_run(
    store: RunStore, run_dir: Path, config: AresConfig, benchmarks: Sequence[str],
    preferences: Sequence[str], limit: int | None,
) -> dict[str, Any]:
    """Plan and run the evaluation of a run directory with a live status line."""
    from ares.evaluation import parse_benchmark_spec, plan_evaluation, run_evaluation

    # 1. Every file is read and checked before a model loads.
    given = {
        "benchmarks": [_absolute(parse_benchmark_spec(spec)) for spec in benchmarks],
        "preferences": [_absolute(parse_benchmark_spec(spec)) for spec in preferences],
    }
    files = _remembered_files(store, given)
    plan = plan_evaluation(
        store, run_dir, config, benchmarks=files["benchmarks"],
        preferences=files["preferences"], limit=limit,
    )
    store.set_meta(_GIVEN_FILES, {key: [list(pair) for pair in value]
                                  for key, value in files.items()})

    # 2. Generate replies, judge them and score the pairs, then record the summary.
    with console.status("evaluating") as status:
        def progress(message: str) -> None:
            status.update(f"evaluating: {message}")

        result = run_evaluation(store, run_dir, config, plan, progress=progress)
    write_summary(store, run_dir)
    return result


def check_benchmarks(config: AresConfig, benchmarks: Sequence[str]) -> None:
    """Load every benchmark file now, so that a bad one fails before hours of discovery."""
    from ares.evaluation import parse_benchmark_spec, user_benchmarks

    user_benchmarks(config, [parse_benchmark_spec(spec) for spec in benchmarks], limit=None)


def write_run_report(run_dir: Path, *, redact: bool = False) -> Any:
    """Write the report of `run_dir` from its store and a freshly written summary.json."""
    from ares.report import write_report

    with RunStore.open(run_dir, create=False) as store:
        summary = write_summary(store, run_dir)
        return write_report(store, run_dir, summary, redact=redact)


def _absolute(pair: tuple[str, str]) -> tuple[str, str]:
    name, path = pair
    local = Path(path)
    return (name, str(local.resolve())) if local.exists() else (name, path)


def _remembered_files(
    store: RunStore, given: dict[str, list[tuple[str, str]]]
) -> dict[str, list[tuple[str, str]]]:
    """Merge files given now into those given on earlier commands; a name given now wins."""
    stored = store.get_meta(_GIVEN_FILES) or {}
    merged: dict[str, list[tuple[str, str]]] = {}
    for key, new in given.items():
        by_name = {name: path for name, path in stored.get(key, [])}
        by_name.update(dict(new))
        merged[key] = list(by_name.items())
    return merged


def print_evaluation(console: Console, evaluation: dict[str, Any]) -> None:
    """Print the before/after table of an evaluation summary.

    The change column is shown once there is a repaired system to compare with.
    """
    systems = list(evaluation.get("systems", {}))
    compared = len(systems) > 1
    table = Table("benchmark", "measure", *systems, *(["change"] if compared else []),
                  title="evaluation")

    def add(name: str, measure: str, rates: list[str], change: Any) -> None:
        table.add_row(name, measure, *rates, *([_diff(change)] if compared else []))

    for entry in evaluation.get("benchmarks", []):
        for measure in ("safety", "over_refusal"):
            cells = [_rate(entry["results"].get(s, {}).get(measure)) for s in systems]
            if all(cell == "" for cell in cells):
                continue
            add(entry["name"], measure.replace("_", "-"), cells,
                (entry.get("change") or {}).get(measure))
    capability = evaluation.get("capability", {})
    if "results" in capability:
        add(capability["name"], "accuracy",
            [_rate(capability["results"].get(s)) for s in systems], capability.get("change"))
    for name, entry in evaluation.get("reward_model", {}).items():
        rows = entry if name == "preferences" else [{"name": name, **entry}]
        for row in rows:
            if row.get("pairs"):
                add(f"RM {row['name']}", "pairwise accuracy",
                    [_rate(row.get(s)) for s in systems], None)
    console.print(table)


def _rate(value: dict[str, Any] | None) -> str:
    if not value or value.get("value") is None:
        return ""
    text = f"{value['value']:.2f} [{value['low']:.2f}, {value['high']:.2f}] n={value['n']}"
    return text + (f", {value['unscored']} unscored" if value.get("unscored") else "")


def _diff(value: dict[str, Any] | None) -> str:
    if not value or value.get("diff") is None:
        return ""
    return f"{value['diff']:+.2f} [{value['low']:+.2f}, {value['high']:+.2f}]"
