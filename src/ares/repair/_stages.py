"""Repair stages on a run directory: stage 1 (reward model) and stage 2 (policy) after a round.

Each stage reads one finished discovery round from the run store, trains from the models
that round ran against, saves its checkpoint under `DIR/checkpoints/round-N/`, and records
its result in the store's `stages` table. A finished stage is skipped when the loop resumes;
a stage that crashed starts over. Later rounds run against the newest checkpoints (see
`config_for_round`).
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from ares.config import AresConfig
from ares.errors import ConfigError, RunDirError
from ares.models import resolve_model_path
from ares.repair._data import build_policy_mix, shipped_pairs, split_findings
from ares.repair._distributed import is_main_process
from ares.repair._policy import repair_policy
from ares.repair._reward import build_reward_mix, measure_reward_repair, repair_reward_model
from ares.store import ProbeRecord, RunStore, StageInfo

logger = logging.getLogger(__name__)

Progress = Callable[[str], None]

REWARD_STAGE = "reward"
POLICY_STAGE = "policy"
STAGE_KINDS = (REWARD_STAGE, POLICY_STAGE)

# Seeds of later rounds are spaced this far apart, so that each round samples new specs and
# the mentor composes new prompts (see `round_seed`).
_ROUND_SEED_STRIDE = 7919


def stage_name(kind: str, round_number: int) -> str:
    """Return the store name of the repair stage of `kind` that follows round `round_number`."""
    return f"{kind}:{round_number}"


def checkpoint_dir(run_dir: Path, round_number: int, kind: str) -> Path:
    """Return the folder of the checkpoint a repair stage after `round_number` writes."""
    return run_dir / "checkpoints" / f"round-{round_number}" / kind


def round_seed(base_seed: int, round_number: int) -> int:
    """Return the discovery seed of a round: the config's seed for round 1, a fresh one after."""
    return base_seed + _ROUND_SEED_STRIDE * (round_number - 1)


def finished_stage(store: RunStore, kind: str, round_number: int) -> StageInfo | None:
    """Return the stage's row if it finished and its checkpoint is still on disk.

    The store keeps checkpoint paths relative to the run directory, so a run directory can be
    moved. The returned row has the absolute path.
    """
    info = store.get_stage(stage_name(kind, round_number))
    if info is None or info.status != "finished" or not info.checkpoint:
        return None
    info = replace(info, checkpoint=str((store.path.parent / info.checkpoint).resolve()))
    assert info.checkpoint is not None
    if not Path(info.checkpoint).exists():
        logger.warning(
            "stage %s finished, but its checkpoint %s is gone; it will run again",
            info.name, info.checkpoint,
        )
        return None
    return info


def config_for_round(store: RunStore, config: AresConfig, round_number: int) -> AresConfig:
    """Return `config` with the models and seed that discovery round `round_number` uses.

    The policy and the reward model are the newest checkpoints of stages that finished
    after an earlier round, or the config's own models where no such stage finished. The
    seed is `round_seed(config.discovery.seed, round_number)`.
    """
    update: dict[str, Any] = {
        "discovery": config.discovery.model_copy(
            update={"seed": round_seed(config.discovery.seed, round_number)}
        )
    }
    for earlier in range(round_number - 1, 0, -1):
        reward = finished_stage(store, REWARD_STAGE, earlier)
        if reward is not None and "reward_model" not in update:
            update["reward_model"] = config.reward_model.model_copy(
                update={"backend": "hf", "model": reward.checkpoint}
            )
        policy = finished_stage(store, POLICY_STAGE, earlier)
        if policy is not None and "policy" not in update:
            update["policy"] = config.policy.model_copy(
                update={"backend": "hf", "model": policy.checkpoint, "gguf_file": None}
            )
    return config.model_copy(update=update)


def run_reward_stage(
    store: RunStore,
    run_dir: Path,
    config: AresConfig,
    round_number: int,
    *,
    progress: Progress | None = None,
) -> StageInfo | None:
    """Repair the reward model on round `round_number`'s findings (stage 1), or skip if done.

    The findings are split by attack spec (`repair.heldout_fraction`); the training side,
    mixed with general and over-refusal pairs, trains the RM the round was scored with. The
    held-out side and the shipped eval sets measure it before and after. Under
    `accelerate launch`, every process trains and only the main one saves, measures and
    records; the others return None.

    Raises:
        RunDirError: The round has not finished.
        DataError: The training findings give no pair.
    """
    done = finished_stage(store, REWARD_STAGE, round_number)
    if done is not None:
        return done

    # 1. Findings, split by spec; the training side plus the mixes.
    probes = _finished_round_probes(store, round_number)
    repair = config.repair
    train, heldout = split_findings(probes, repair.heldout_fraction, repair.seed)
    pairs = build_reward_mix(train, repair.reward, repair.seed)
    base_config = config_for_round(store, config, round_number).reward_model
    base = resolve_model_path(base_config.model, progress)
    out_dir = checkpoint_dir(run_dir, round_number, REWARD_STAGE)

    # 2. Train, then measure before and after on what training did not see.
    name = stage_name(REWARD_STAGE, round_number)
    if is_main_process():
        store.start_stage(name, REWARD_STAGE, round_number)
    trained = repair_reward_model(
        base, pairs, out_dir, repair.reward, seed=repair.seed,
        max_length=min(repair.reward.max_length, base_config.max_length), progress=progress,
    )
    if not is_main_process():
        return None
    _report(progress, "reward model: measuring accuracy before and after")
    measuring = time.perf_counter()
    metrics = measure_reward_repair(
        base, str(out_dir), heldout, shipped_pairs("general", "eval"),
        shipped_pairs("over_refusal", "eval"), reward_config=base_config,
    )
    result: dict[str, Any] = {
        **metrics,
        "base_model": base_config.model,
        "method": repair.reward.method,
        "train_pairs": dict(Counter(pair.source for pair in pairs)),
        "train_findings": len(train),
        "heldout_findings": len(heldout),
        "steps": trained.steps,
        "loss_first": trained.loss_first,
        "loss_last": trained.loss_last,
        "train_seconds": round(trained.seconds, 1),
        "measure_seconds": round(time.perf_counter() - measuring, 1),
        "training_prompt_hashes": prompt_hashes(pair.prompt for pair in pairs),
    }
    store.finish_stage(name, _relative(out_dir, run_dir), result)
    info = finished_stage(store, REWARD_STAGE, round_number)
    assert info is not None
    return info


def run_policy_stage(
    store: RunStore,
    run_dir: Path,
    config: AresConfig,
    round_number: int,
    *,
    allow_unrepaired_reward: bool = False,
    progress: Progress | None = None,
) -> StageInfo | None:
    """Repair the policy on round `round_number`'s findings (stage 2), or skip if done.

    The reward is the RM that stage 1 repaired after the same round. Without one the stage
    refuses to run, unless `allow_unrepaired_reward` is set; it then uses the RM the round
    was scored with. Under `accelerate launch`, every process trains and only the main one
    saves and records; the others return None.

    Raises:
        RunDirError: The round has not finished, or stage 1 has not repaired the RM.
        ConfigError: The policy is not a local `hf` model that can be trained.
        DataError: The training findings give no prompt.
    """
    done = finished_stage(store, POLICY_STAGE, round_number)
    if done is not None:
        return done

    # 1. The reward model: stage 1's checkpoint, unless the user accepts the unrepaired one.
    round_config = config_for_round(store, config, round_number)
    reward = finished_stage(store, REWARD_STAGE, round_number)
    if reward is not None:
        reward_path = reward.checkpoint
    elif allow_unrepaired_reward:
        reward_path = resolve_model_path(round_config.reward_model.model, progress)
        logger.warning("stage 2 optimises against the unrepaired reward model %s", reward_path)
    else:
        raise RunDirError(
            f"the reward model has not been repaired after round {round_number} in {run_dir}, "
            "so policy repair would optimise against the RM that rewarded the failures. Run "
            f"`ares repair --run-dir {run_dir} --stage reward --round {round_number}` first, "
            "or pass --allow-unrepaired-rm to use it anyway"
        )
    assert reward_path is not None

    # 2. The policy to train and its training sets.
    if round_config.policy.backend != "hf":
        raise ConfigError(
            f"policy repair trains local weights, but policy.backend is "
            f"{round_config.policy.backend!r}. Point a config with `policy.backend: hf` and "
            "`policy.model` at the weights the server runs, and pass it with --config"
        )
    probes = _finished_round_probes(store, round_number)
    repair = config.repair
    policy_config = repair.policy
    train, _ = split_findings(probes, repair.heldout_fraction, repair.seed)
    mix = build_policy_mix(
        train, general=policy_config.mix.general, over_refusal=policy_config.mix.over_refusal,
        general_data=policy_config.mix.general_data,
        over_refusal_data=policy_config.mix.over_refusal_data,
        with_pairs=policy_config.method == "dpo", seed=repair.seed,
    )
    base = resolve_model_path(round_config.policy.model, progress)
    out_dir = checkpoint_dir(run_dir, round_number, POLICY_STAGE)

    # 3. Train.
    name = stage_name(POLICY_STAGE, round_number)
    if is_main_process():
        store.start_stage(name, POLICY_STAGE, round_number)
    trained = repair_policy(
        base, reward_path, mix.prompts, mix.warm_start, mix.dpo_pairs, out_dir, policy_config,
        seed=repair.seed, reward_config=round_config.reward_model, progress=progress,
    )
    if not is_main_process():
        return None
    used = (
        [item.prompt for item in mix.prompts]
        if policy_config.method == "grpo"
        else [pair.prompt for pair in mix.dpo_pairs]
    )
    if trained.warm_start is not None:
        used += [item.prompt for item in mix.warm_start]
    result: dict[str, Any] = {
        "method": trained.method,
        "base_model": round_config.policy.model,
        "reward_model": reward_path,
        "reward_model_repaired": reward is not None,
        "steps": trained.steps,
        "mean_reward_before": trained.mean_reward_before,
        "mean_reward_after": trained.mean_reward_after,
        "kl": trained.kl,
        "warm_start_steps": trained.warm_start.steps if trained.warm_start else 0,
        "train_prompts": dict(Counter(item.source for item in mix.prompts)),
        "seconds": round(trained.seconds, 1),
        "training_prompt_hashes": prompt_hashes(used),
    }
    store.finish_stage(name, _relative(trained.model_path, run_dir), result)
    info = finished_stage(store, POLICY_STAGE, round_number)
    assert info is not None
    return info


def prompt_hashes(prompts: Any) -> list[str]:
    """Return the sorted distinct SHA-1 hex digests of `prompts`, to count repeats later."""
    return sorted({hashlib.sha1(text.encode("utf-8")).hexdigest() for text in prompts})


def _relative(path: Path, run_dir: Path) -> str:
    """Return `path` relative to `run_dir` when it is inside it, else absolute."""
    absolute = path.resolve()
    try:
        return str(absolute.relative_to(run_dir.resolve()))
    except ValueError:
        return str(absolute)


def _finished_round_probes(store: RunStore, round_number: int) -> list[ProbeRecord]:
    info = store.get_round(round_number)
    if info is None or info.status != "finished":
        state = "has not started" if info is None else "has not finished"
        raise RunDirError(
            f"round {round_number} in {store.path.parent} {state}; repair reads a finished "
            f"round. Run `ares discover --run-dir {store.path.parent} --round {round_number}` "
            "first (it resumes an unfinished round)"
        )
    return list(store.probes(round_number))


def _report(progress: Progress | None, message: str) -> None:
    if progress is not None:
        progress(message)
