"""Process roles when `accelerate launch` runs a repair stage in several processes.

Every process trains, because TRL and accelerate share the work between them. Only the main
process writes checkpoints, measures and records results. The others wait for it wherever
they read what it wrote.
"""

from __future__ import annotations

import os


def world_size() -> int:
    """Return the number of processes `accelerate launch` (or torchrun) started, else 1."""
    return int(os.environ.get("WORLD_SIZE", "1"))


def is_main_process() -> bool:
    """Return whether this is the process that writes (global rank 0, or a lone process)."""
    return int(os.environ.get("RANK", "0")) == 0


def wait_for_everyone() -> None:
    """Block until every process gets here; a no-op in a single process."""
    if world_size() <= 1:
        return
    import torch.distributed

    if torch.distributed.is_available() and torch.distributed.is_initialized():
        torch.distributed.barrier()
