"""The loop of `ares run`: N discovery rounds with a reward and a policy repair between them.

Every step records its progress in the run store, so rerunning the loop on the same run
directory resumes it. Finished rounds and stages are skipped, and an unfinished round
continues at its last committed batch. A repair stage that crashed starts over.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ares.config import AresConfig
from ares.discovery import RoundProgress, RoundTimings
from ares.errors import ConfigError
from ares.repair import config_for_round, run_policy_stage, run_reward_stage
from ares.repair._distributed import world_size
from ares.store import RunStore, StageInfo, write_summary

logger = logging.getLogger(__name__)


def _ignore(*_: object) -> None:
    return None


@dataclass
class LoopCallbacks:
    """Optional callbacks through which the loop reports its progress.

    `status` gets one-line messages, such as model loading and training steps.
    `round_progress` gets the counts after each committed batch. `stage_started` and
    `stage_finished` bracket each repair stage, with its kind (`reward` or `policy`) and the
    round it follows. `stage_finished` gets None in the helper processes of a multi-process
    launch.
    """

    status: Callable[[str], None] = field(default=_ignore)
    round_progress: Callable[[RoundProgress], None] = field(default=_ignore)
    round_started: Callable[[int], None] = field(default=_ignore)
    round_finished: Callable[[int], None] = field(default=_ignore)
    stage_started: Callable[[str, int], None] = field(default=_ignore)
    stage_finished: Callable[[StageInfo | None], None] = field(default=_ignore)


def discover_round(
    store: RunStore,
    config: AresConfig,
    round_number: int,
    *,
    callbacks: LoopCallbacks | None = None,
) -> RoundTimings | None:
    """Run or resume discovery round `round_number` against the system as repaired so far.

    The models and the seed come from `config_for_round`; a `config` whose seed was set for
    this round explicitly should be passed through it first. Returns None when the round
    had already finished.
    """
    from ares.discovery import build_pipeline, run_round

    callbacks = callbacks or LoopCallbacks()
    info = store.get_round(round_number)
    if info is not None and info.status == "finished" and info.budget >= config.discovery.budget:
        return None
    callbacks.round_started(round_number)
    pipeline = build_pipeline(config, progress=callbacks.status)
    try:
        return run_round(
            store, pipeline, round_number=round_number, discovery=config.discovery,
            sampler_config=config.sampler, progress=callbacks.round_progress,
        )
    finally:
        del pipeline
        gc.collect()  # free the models before training loads its own
        callbacks.round_finished(round_number)


def run_loop(
    store: RunStore,
    run_dir: Path,
    config: AresConfig,
    *,
    rounds: int,
    callbacks: LoopCallbacks | None = None,
) -> None:
    """Run `rounds` discovery rounds, repairing the RM and then the policy after each but the last.

    Round 1 runs against the config's models with its seed. Each later round runs against the
    checkpoints of the repair before it, with a fresh seed (see `ares.repair.round_seed`),
    and the same budget. `summary.json` is rewritten after every step.
    """
    if world_size() > 1:
        raise ConfigError(
            "ares run was started in several processes (WORLD_SIZE > 1); each would run the "
            "discovery rounds again. Launch only `ares repair` with accelerate, and run "
            "discovery with `ares discover`"
        )
    callbacks = callbacks or LoopCallbacks()
    for round_number in range(1, rounds + 1):
        try:
            discover_round(
                store, config_for_round(store, config, round_number), round_number,
                callbacks=callbacks,
            )
        finally:
            write_summary(store, run_dir)
        if round_number == rounds:
            break
        for kind, stage in (("reward", run_reward_stage), ("policy", run_policy_stage)):
            callbacks.stage_started(kind, round_number)
            try:
                info = stage(store, run_dir, config, round_number, progress=callbacks.status)
            finally:
                write_summary(store, run_dir)
            callbacks.stage_finished(info)
            gc.collect()

