"""ares: red-team and repair RLHF policy-reward systems."""

from __future__ import annotations

from ares.errors import (
    AresError,
    BackendError,
    ConfigError,
    DataError,
    ModelOutputError,
    RunDirError,
    UserError,
)

__version__ = "0.1.0"

__all__ = [
    "AresError",
    "BackendError",
    "ConfigError",
    "DataError",
    "ModelOutputError",
    "RunDirError",
    "UserError",
    "__version__",
]
