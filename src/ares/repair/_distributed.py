"""Process roles and saving when `accelerate launch` runs a repair stage in several processes.

Every process trains, because TRL and accelerate share the work between them. Only the main
process writes checkpoints, measures and records results. The others wait for it wherever
they read what it wrote.

Under DeepSpeed ZeRO-3 each process holds only a shard of the weights. Every process therefore
calls `Trainer.save_model`, which gathers the shards, and the main process builds the final
folder from the saved files. ares loads each model whole, and DeepSpeed shards it when
training starts.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ares.errors import BackendError, ConfigError

if TYPE_CHECKING:
    import torch

# The pickled TrainingArguments that `Trainer.save_model` adds; checkpoints leave it out.
_TRAINING_ARGS_FILE = "training_args.bin"
_WEIGHT_FILES = (
    "model.safetensors",
    "model.safetensors.index.json",
    "adapter_model.safetensors",
    "pytorch_model.bin",
    "adapter_model.bin",
)


def world_size() -> int:
    """Return the number of processes `accelerate launch` (or torchrun) started, else 1."""
    return int(os.environ.get("WORLD_SIZE", "1"))


def is_main_process() -> bool:
    """Return whether this is the process that writes (global rank 0, or a lone process)."""
    return int(os.environ.get("RANK", "0")) == 0


def training_device() -> torch.device:
    """Return the device this process trains on: its own GPU under accelerate, else the CPU."""
    from ares.models._hf_chat import resolve_device

    return resolve_device("auto")


def wait_for_everyone() -> None:
    """Block until every process gets here; a no-op in a single process."""
    if world_size() <= 1:
        return
    import torch.distributed

    if torch.distributed.is_available() and torch.distributed.is_initialized():
        torch.distributed.barrier()


@contextlib.contextmanager
def full_weights() -> Iterator[None]:
    """Load models whole inside the block, even after a ZeRO-3 trainer ran in this process.

    Once a trainer has set up DeepSpeed ZeRO-3, transformers creates every model under
    `deepspeed.zero.Init`, which shards its weights between the processes as it loads them.
    A model that ares loads for itself (the reward function, a measurement, a merge) must be
    whole, and the main process often loads one alone, where sharding would wait for the
    others forever. The setting is restored on exit, so trainers created later see it.
    """
    try:
        from transformers.integrations import deepspeed as hf_deepspeed
    except ImportError:  # transformers without its DeepSpeed integration
        yield
        return
    saved = getattr(hf_deepspeed, "_hf_deepspeed_config_weak_ref", None)
    hf_deepspeed.unset_hf_deepspeed_config()  # type: ignore[no-untyped-call]
    try:
        yield
    finally:
        hf_deepspeed._hf_deepspeed_config_weak_ref = saved


def check_saving(trainer: Any) -> None:
    """Raise before training if the trainer could not save whole weights at the end.

    DeepSpeed ZeRO-3 gathers the shards into one set of 16-bit weights on save only with
    `stage3_gather_16bit_weights_on_model_save`. Without it, `save_model` writes DeepSpeed's
    own sharded checkpoint, which transformers cannot load.

    Raises:
        ConfigError: ZeRO-3 is on and that setting is off.
    """
    if not getattr(trainer, "is_deepspeed_enabled", False):
        return
    plugin = trainer.accelerator.state.deepspeed_plugin
    zero = plugin.deepspeed_config.get("zero_optimization", {})
    # DeepSpeed reads the setting by truth value, so this check does too.
    if zero.get("stage") == 3 and not zero.get("stage3_gather_16bit_weights_on_model_save"):
        raise ConfigError(
            "DeepSpeed ZeRO-3 is on, but stage3_gather_16bit_weights_on_model_save is not, so "
            "the trained weights would be saved as DeepSpeed shards that transformers cannot "
            "load. Set `zero3_save_16bit_model: true` under deepspeed_config in the accelerate "
            "config, or `stage3_gather_16bit_weights_on_model_save: true` under "
            "zero_optimization in the DeepSpeed JSON file"
        )


def save_trained(trainer: Any, folder: Path) -> None:
    """Write the trainer's model (or PEFT adapter) and tokenizer to `folder`.

    Every process must call this: under ZeRO-3 `Trainer.save_model` gathers the shards from
    all of them, and the main process writes. The call returns on every process once the
    folder is complete. An existing `folder` is replaced.

    Raises:
        BackendError: The main process finds no weights in `folder` after saving.
    """
    if is_main_process():
        shutil.rmtree(folder, ignore_errors=True)
    trainer.save_model(str(folder))
    wait_for_everyone()
    if not is_main_process():
        return
    (folder / _TRAINING_ARGS_FILE).unlink(missing_ok=True)
    if not any((folder / name).is_file() for name in _WEIGHT_FILES):
        raise BackendError(
            f"the trainer saved no weights to {folder}. Under DeepSpeed ZeRO-3 set "
            "`zero3_save_16bit_model: true` in the accelerate config"
        )
