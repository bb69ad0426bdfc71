"""Workarounds for the versions of transformers, PEFT and TRL that ares is tested with."""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator


@contextlib.contextmanager
def ignore_checkpointing_deprecation() -> Iterator[None]:
    """Hide the deprecation warning of `is_gradient_checkpointing` inside the block.

    PEFT 0.21 (when it wraps a model) and TRL 1.16 read `model.is_gradient_checkpointing`,
    which transformers 5.25 deprecates in favour of `is_activation_checkpointing`. The
    warning is harmless because they only read the flag. Remove this once both read the
    new name.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message="`is_gradient_checkpointing` is deprecated", category=FutureWarning
        )
        yield
