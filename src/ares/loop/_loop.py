"""The loop of `ares run`: N discovery rounds with a reward and a policy repair between them.

Every step records its progress in the run store, so rerunning the loop on the same run
directory resumes it. Finished rounds and stages are skipped, and an unfinished round
continues at its last committed batch. A repair stage that crashed starts over.
"""

from __future__ import annotations

import gc
import logging
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ares.config import AresConfig
from ares.discovery import RoundProgress, RoundTimings
from ares.errors import BackendError, ConfigError
from ares.repair import (
    config_for_round,
    finished_stage,
    run_policy_stage,
    run_reward_stage,
)
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
    and the same budget. `summary.json` is rewritten after every step. With
    `repair.accelerate_config`, each repair stage runs in its own `accelerate launch`.

    Raises:
        ConfigError: The loop runs in several processes, or `repair.accelerate_config` is
            not a file.
        BackendError: A launched repair stage failed.
    """
    if world_size() > 1:
        raise ConfigError(
            "ares run was started in several processes (WORLD_SIZE > 1); each would run the "
            "discovery rounds again. Launch only `ares repair` with accelerate, and run "
            "discovery with `ares discover`"
        )
    launch_config = config.repair.accelerate_config
    if launch_config is not None and not Path(launch_config).is_file():
        raise ConfigError(
            f"repair.accelerate_config is {launch_config!r}, which is not a file. Point it at "
            "an accelerate config (see examples/accelerate/), or unset it to train in this "
            "process"
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
            if launch_config is not None:
                _launch_stage(store, run_dir, kind, round_number, launch_config, callbacks)
                continue
            callbacks.stage_started(kind, round_number)
            try:
                info = stage(store, run_dir, config, round_number, progress=callbacks.status)
            finally:
                write_summary(store, run_dir)
            callbacks.stage_finished(info)
            gc.collect()



def _launch_stage(
    store: RunStore,
    run_dir: Path,
    kind: str,
    round_number: int,
    launch_config: str,
    callbacks: LoopCallbacks,
) -> None:
    """Run one repair stage as `ares repair` under `accelerate launch`, unless it is done.

    The launched processes read the run's stored config and print their own progress and
    results. The store is read again afterwards for the stage record.

    Raises:
        BackendError: The launch exited with an error, or recorded no finished stage.
    """
    if finished_stage(store, kind, round_number) is not None:
        return
    _release_gpu_cache()
    command = [
        sys.executable, "-m", "accelerate.commands.launch", "--config_file", launch_config,
        "-m", "ares", "repair", "--run-dir", str(run_dir), "--stage", kind,
        "--round", str(round_number),
    ]
    callbacks.status(f"{kind} repair after round {round_number}: accelerate launch "
                     f"--config_file {launch_config}")
    logger.info("launching %s", " ".join(command))
    completed = subprocess.run(command, check=False)
    write_summary(store, run_dir)
    if completed.returncode != 0:
        raise BackendError(
            f"the {kind} repair stage after round {round_number} failed under accelerate launch "
            f"--config_file {launch_config} (exit code {completed.returncode}); the output of "
            "its processes is above. Fix the cause and rerun the same command: finished rounds "
            "and stages are kept"
        )
    if finished_stage(store, kind, round_number) is None:
        raise BackendError(
            f"accelerate launch --config_file {launch_config} exited without error, but the "
            f"{kind} repair stage after round {round_number} is not recorded as finished in "
            f"{run_dir}. Check that the config launches `ares repair` in one or more processes"
        )


def _release_gpu_cache() -> None:
    """Hand the GPU memory that discovery's models left cached back to the driver.

    The launched training processes need it. This process keeps only its CUDA context.
    """
    torch = sys.modules.get("torch")
    if torch is not None and torch.cuda.is_available():
        torch.cuda.empty_cache()
