"""The live view of `ares repair` and `ares run`: round progress bars, stage spinners, results."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.status import Status
from rich.table import Table

from ares.cli._discover_view import DiscoverView
from ares.discovery import RoundProgress
from ares.loop import LoopCallbacks
from ares.store import StageInfo

_STAGE_TITLES = {"reward": "repairing the reward model", "policy": "repairing the policy"}


class RunView:
    """Opens a progress bar per discovery round and a spinner per repair stage.

    Use as a context manager: leaving it closes whatever display is still open, also when a
    stage fails.
    """

    def __init__(self, console: Console) -> None:
        self._console = console
        self._round: DiscoverView | None = None
        self._stage: Status | None = None
        self._stage_title = ""

    def __enter__(self) -> RunView:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._close_round()
        self._close_stage()

    def callbacks(self) -> LoopCallbacks:
        """Return the loop callbacks that drive this view."""
        return LoopCallbacks(
            status=self.status,
            round_progress=self.round_progress,
            round_started=self.round_started,
            round_finished=self.round_finished,
            stage_started=self.stage_started,
            stage_finished=self.stage_finished,
        )

    def status(self, message: str) -> None:
        """Show a loading or training message: under the round's bar, or in the spinner."""
        if self._stage is not None:
            self._stage.update(f"{self._stage_title}: {message}")
        elif self._round is not None:
            self._round.status(message)
        else:
            self._console.print(f"[dim]{message}[/]", highlight=False)

    def round_started(self, round_number: int) -> None:
        self._close_stage()
        self._round = DiscoverView(self._console).__enter__()

    def round_progress(self, progress: RoundProgress) -> None:
        if self._round is not None:
            self._round.update(progress)

    def round_finished(self, round_number: int) -> None:
        self._close_round()

    def stage_started(self, kind: str, round_number: int) -> None:
        self._close_round()
        self._stage_title = f"{_STAGE_TITLES.get(kind, kind)} (after round {round_number})"
        self._stage = self._console.status(self._stage_title)
        self._stage.start()

    def stage_finished(self, info: StageInfo | None) -> None:
        self._close_stage()
        if info is not None:  # None in the helper processes of `accelerate launch`
            print_stage(self._console, info)

    def _close_round(self) -> None:
        if self._round is not None:
            self._round.__exit__(None, None, None)
            self._round = None

    def _close_stage(self) -> None:
        if self._stage is not None:
            self._stage.stop()
            self._stage = None


def print_stage(console: Console, info: StageInfo) -> None:
    """Print one finished repair stage's result as a short table."""
    result = info.result or {}
    if info.kind == "reward":
        table = Table(title=f"reward model repaired after round {info.round}")
        table.add_column("pairwise accuracy on")
        for column in ("pairs", "before", "after"):
            table.add_column(column, justify="right")
        for key, label in (
            ("heldout", "held-out findings: mentor's harmful response"),
            ("heldout_policy", "held-out findings: policy's own reply"),
            ("general", "general helpfulness (eval)"),
            ("over_refusal", "over-refusal (eval)"),
        ):
            table.add_row(
                label, str(result.get(f"{key}_pairs", 0)),
                _share(result.get(f"{key}_accuracy_before")),
                _share(result.get(f"{key}_accuracy_after")),
            )
        console.print(table)
        console.print(
            f"[dim]{result.get('steps')} steps on {sum(result.get('train_pairs', {}).values())} "
            f"pairs in {result.get('train_seconds')} s; checkpoint {info.checkpoint}[/]"
        )
        return
    table = Table(title=f"policy repaired after round {info.round}")
    for column in ("method", "warm-start steps", "steps", "mean reward before", "after", "KL"):
        table.add_column(column, justify="right")
    table.add_row(
        str(result.get("method")), str(result.get("warm_start_steps", 0)),
        str(result.get("steps")), _number(result.get("mean_reward_before")),
        _number(result.get("mean_reward_after")), _number(result.get("kl")),
    )
    console.print(table)
    console.print(f"[dim]{result.get('seconds')} s; checkpoint {info.checkpoint}[/]")


def print_stages(console: Console, stages: Sequence[StageInfo]) -> None:
    for info in stages:
        print_stage(console, info)


def _share(value: Any) -> str:
    return "n/a" if value is None else f"{value:.1%}"


def _number(value: Any) -> str:
    return "n/a" if value is None else f"{value:.3f}"
