"""The subcommands that repair and loop: repair, run."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

from ares.cli._app import cli, config_option, run_dir_option
from ares.cli._commands import discovery_overrides
from ares.cli._discover_view import print_round_table
from ares.cli._evaluate_commands import (
    benchmark_option,
    check_benchmarks,
    evaluate_run,
    limit_option,
    print_evaluation,
    write_run_report,
)
from ares.cli._run_config import given_config, run_config
from ares.cli._run_view import RunView
from ares.store import RunStore, write_summary

console = Console(soft_wrap=True)


@cli.command()
@config_option
@run_dir_option
@click.option("--stage", type=click.Choice(["reward", "policy", "all"]), default="all",
              show_default=True, help="reward: stage 1 only; policy: stage 2 only; all: both.")
@click.option("--round", "round_number", type=int, default=None,
              help="Repair on the findings of this round (default: the newest finished round).")
@click.option("--allow-unrepaired-rm", is_flag=True,
              help="Let stage 2 optimise against a reward model that stage 1 has not repaired "
              "after this round.")
def repair(
    config_path: Path | None, run_dir: Path, stage: str, round_number: int | None,
    allow_unrepaired_rm: bool,
) -> None:
    """Repair the reward model, then the policy, on a finished round's findings.

    Checkpoints go to DIR/checkpoints/round-N/{reward,policy}; a finished stage is not run
    again. The next `ares discover --round N+1` runs against them.
    """
    from ares.repair import run_policy_stage, run_reward_stage
    from ares.repair._distributed import is_main_process, wait_for_everyone, world_size

    given = given_config(config_path, {})
    # Under `accelerate launch`, only the main process prints.
    console.quiet = not is_main_process()
    if world_size() > 1:
        console.print(f"training in {world_size()} processes")
    with RunStore.open(run_dir, create=False) as store:
        config = run_config(store, run_dir, given, {})
        if round_number is None:
            finished = [info.round for info in store.rounds() if info.status == "finished"]
            if not finished:
                raise click.UsageError(
                    f"{run_dir} has no finished discovery round to repair on; run "
                    f"`ares discover --run-dir {run_dir}` first"
                )
            round_number = max(finished)

        with RunView(console) as view:
            if stage in ("reward", "all"):
                view.stage_started("reward", round_number)
                try:
                    info = run_reward_stage(
                        store, run_dir, config, round_number, progress=view.status
                    )
                finally:
                    if is_main_process():
                        write_summary(store, run_dir)
                view.stage_finished(info)
                # The other processes read the stage record that the main one just wrote.
                wait_for_everyone()
            if stage in ("policy", "all"):
                view.stage_started("policy", round_number)
                try:
                    info = run_policy_stage(
                        store, run_dir, config, round_number,
                        allow_unrepaired_reward=allow_unrepaired_rm, progress=view.status,
                    )
                finally:
                    if is_main_process():
                        write_summary(store, run_dir)
                view.stage_finished(info)
    console.print(f"summary: {run_dir / 'summary.json'}")


@cli.command()
@config_option
@run_dir_option
@click.option("--rounds", type=click.IntRange(min=1), default=2, show_default=True,
              help="Discovery rounds; the RM and the policy are repaired between rounds.")
@click.option("--budget", type=click.IntRange(min=1), default=None,
              help="Probes per round (overrides config).")
@click.option("--seed", type=int, default=None,
              help="Seed of round 1; later rounds derive fresh seeds from it (overrides config).")
@benchmark_option
@limit_option
@click.option("--skip-evaluation", is_flag=True,
              help="Stop after the last round: no evaluation and no report.")
def run(
    config_path: Path | None, run_dir: Path, rounds: int, budget: int | None, seed: int | None,
    benchmarks: tuple[str, ...], limit: int | None, skip_evaluation: bool,
) -> None:
    """Discover, repair the RM, repair the policy, discover again, evaluate, report.

    Rerun the same command to resume after a crash: finished rounds and stages are kept,
    an unfinished round continues, an interrupted training stage starts over, and the
    evaluation skips what it has stored.
    """
    from ares.loop import run_loop

    overrides = discovery_overrides(budget, seed)
    given = given_config(config_path, overrides)
    with RunStore.open(run_dir) as store:
        config = run_config(store, run_dir, given, overrides)
        if not skip_evaluation:
            check_benchmarks(config, benchmarks)
        with RunView(console) as view:
            run_loop(store, run_dir, config, rounds=rounds, callbacks=view.callbacks())
        summary = write_summary(store, run_dir)
        print_round_table(console, summary["rounds"])
        if not skip_evaluation:
            print_evaluation(
                console, evaluate_run(store, run_dir, config, benchmarks, (), limit)
            )
    console.print(f"summary: {run_dir / 'summary.json'}")
    if not skip_evaluation:
        console.print(f"report: {write_run_report(run_dir).html}")
