"""The `ares` command line."""

from __future__ import annotations

from ares.cli import (  # noqa: F401  (register the subcommands)
    _commands,
    _evaluate_commands,
    _loop_commands,
)
from ares.cli._app import cli, main

__all__ = ["cli", "main"]
