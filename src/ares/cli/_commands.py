"""The subcommands: init, components, discover, export."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import click
from rich.console import Console
from rich.table import Table

from ares.cli._app import cli, config_option, run_dir_option
from ares.cli._discover_view import DiscoverView, print_round_table
from ares.cli._run_config import given_config, run_config
from ares.config import load_config, starter_config_text
from ares.errors import RunDirError
from ares.store import (
    EXPORT_FORMATS,
    ExportFormat,
    RunStore,
    export_rows,
    write_jsonl,
    write_summary,
)

console = Console(soft_wrap=True)


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path), default="ares.yaml")
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
def init(path: Path, force: bool) -> None:
    """Write a commented starter config to PATH (default: ares.yaml)."""
    if path.exists() and not force:
        raise RunDirError(f"{path} exists; pass --force to overwrite it or choose another PATH")
    path.write_text(starter_config_text(), "utf-8")
    console.print(f"wrote {path}; edit it, then run: ares discover --config {path} --run-dir DIR")


@cli.group()
def components() -> None:
    """List or validate component libraries."""


@components.command("list")
@config_option
@click.option(
    "--kind",
    type=click.Choice(["topics", "personas", "tactics", "goals"]),
    default=None,
    help="Show only this kind of component.",
)
def components_list(config_path: Path | None, kind: str | None) -> None:
    """List the components of the library the config uses."""
    from ares.discovery import build_library

    library = build_library(load_config(config_path))
    rows: list[tuple[str, str, str, str]] = []
    if kind in (None, "topics"):
        for category in library.categories.values():
            for topic in category.instances:
                rows.append(("topic", f"{category.id}/{topic.id}", topic.name, topic.description))
    for name, items in (
        ("persona", library.personas),
        ("tactic", library.tactics),
        ("goal", library.goals),
    ):
        if kind in (None, name + "s"):
            rows += [(name, item.id, item.name, item.description) for item in items.values()]
    table = Table("kind", "id", "name", "description", title="component library")
    for row in rows:
        table.add_row(*row)
    console.print(table)
    counts = library.counts()
    console.print(
        f"{counts['categories']} topic categories, {counts['topics']} topics, "
        f"{counts['personas']} personas, {counts['tactics']} tactics, {counts['goals']} goals"
    )


@components.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--no-builtin", is_flag=True, help="Validate FILES alone, not merged into the built-in library."
)
def components_validate(files: tuple[Path, ...], no_builtin: bool) -> None:
    """Check component FILES; exit with 2 and name each problem if one is invalid."""
    from ares.components import load_library

    library = load_library(files, builtin=not no_builtin)
    counts = library.counts()
    console.print(
        f"valid: {', '.join(str(f) for f in files)} "
        f"(library now has {counts['topics']} topics, {counts['personas']} personas, "
        f"{counts['tactics']} tactics, {counts['goals']} goals)"
    )


@cli.command()
@config_option
@run_dir_option
@click.option("--budget", type=int, default=None, help="Probes in the round (overrides config).")
@click.option("--seed", type=int, default=None, help="Seed of the round (overrides config).")
@click.option("--round", "round_number", type=int, default=1, show_default=True,
              help="Round number to run or resume.")
def discover(
    config_path: Path | None, run_dir: Path, budget: int | None, seed: int | None,
    round_number: int,
) -> None:
    """Run or resume one discovery round; write DIR/summary.json.

    Round 1 runs against the config's models. A later round runs against the checkpoints
    that `ares repair` wrote after the rounds before it, with a fresh seed unless --seed is
    given. Without --config, a run directory keeps the config it was started with.
    """
    from ares.loop import LoopCallbacks, discover_round
    from ares.repair import config_for_round

    # 1. Validate everything the user wrote before any model loads.
    if round_number < 1:
        raise click.BadParameter(f"{round_number}; rounds count from 1", param_hint="--round")
    # --seed sets the run's base seed in round 1, and only that round's seed in a later one.
    overrides = discovery_overrides(budget, seed if round_number == 1 else None)
    given = given_config(config_path, overrides)

    # 2. Open the run store and record the resolved config (API keys are never in it).
    with RunStore.open(run_dir) as store:
        config = config_for_round(
            store, run_config(store, run_dir, given, overrides), round_number
        )
        if seed is not None and round_number > 1:
            config = config.model_copy(
                update={"discovery": config.discovery.model_copy(update={"seed": seed})}
            )

        # 3. Load the models, then run the round with a live view.
        with DiscoverView(console) as view:
            callbacks = LoopCallbacks(status=view.status, round_progress=view.update)
            try:
                discover_round(store, config, round_number, callbacks=callbacks)
            finally:
                summary = write_summary(store, run_dir)
    print_round_table(console, summary["rounds"])
    console.print(f"summary: {run_dir / 'summary.json'}")


def discovery_overrides(budget: int | None, seed: int | None) -> dict[str, Any]:
    """Return the config overrides of --budget and --seed."""
    section: dict[str, int] = {}
    if budget is not None:
        section["budget"] = budget
    if seed is not None:
        section["seed"] = seed
    return {"discovery": section} if section else {}


@cli.command()
@run_dir_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="jsonl",
              show_default=True, help="jsonl: every probe; trl-reward: prompt/chosen/rejected "
              "for A and C probes; trl-prompts: prompt for B and C probes.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Output file (JSON lines).")
@click.option("--round", "round_number", type=int, default=None,
              help="Export only this round (default: all rounds).")
def export(run_dir: Path, fmt: str, out: Path, round_number: int | None) -> None:
    """Export a run's probes as JSON lines."""
    with RunStore.open(run_dir, create=False) as store:
        count = write_jsonl(export_rows(store, cast(ExportFormat, fmt), round_number), out)
    console.print(f"wrote {count} rows to {out}")
