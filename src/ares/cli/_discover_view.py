"""The live view of `ares discover`: model loading status, then a progress bar with counts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from ares.discovery import RoundProgress


class DiscoverView:
    """Shows loading messages, then one progress bar per round with live A/B/C counts."""

    def __init__(self, console: Console) -> None:
        self._console = console
        self._progress = Progress(
            TextColumn("[bold]round {task.fields[round]}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("A {task.fields[a]}  B {task.fields[b]}  C {task.fields[c]}"),
            TextColumn("unscored {task.fields[unscored]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=False,
        )
        self._tasks: dict[int, TaskID] = {}

    def __enter__(self) -> DiscoverView:
        self._progress.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._progress.stop()

    def status(self, message: str) -> None:
        """Print one loading or build step."""
        self._progress.console.print(f"[dim]{message}[/]", highlight=False)

    def update(self, progress: RoundProgress) -> None:
        """Move the round's bar to `progress`."""
        counts = progress.counts
        fields: dict[str, Any] = {
            "round": progress.round,
            "a": counts.get("A", 0),
            "b": counts.get("B", 0),
            "c": counts.get("C", 0),
            "unscored": counts.get("unscored", 0),
        }
        task = self._tasks.get(progress.round)
        if task is None:
            task = self._progress.add_task("discover", total=progress.budget, **fields)
            self._tasks[progress.round] = task
        self._progress.update(task, completed=progress.done, total=progress.budget, **fields)


def print_round_table(console: Console, rounds: Sequence[dict[str, Any]]) -> None:
    """Print the summary table of every round in `summary.json`."""
    table = Table(title="discovery summary")
    for column in ("round", "probes", "A (RM)", "B (policy)", "C (both)", "none", "unscored",
                   "hit rate", "rejected", "RM rewards harmful replies"):
        table.add_column(column, justify="right")
    for entry in rounds:
        hits = entry["hits"]
        table.add_row(
            str(entry["round"]),
            str(entry["probes"]),
            str(hits["A"]),
            str(hits["B"]),
            str(hits["C"]),
            str(entry.get("none", 0)),
            str(entry["unscored"]),
            f"{entry['hit_rate']:.1%}",
            str(sum(entry.get("rejected", {}).values())),
            f"{entry.get('rewarded_harmful_replies', 0.0):.0%}",
        )
    console.print(table)
    console.print(
        "[dim]A: RM fails, policy safe. B: policy fails, RM right. C: both fail. "
        "RM rewards harmful replies: share of B and C probes whose own reply the RM scores "
        "above the safe response.[/]"
    )
