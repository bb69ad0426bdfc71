"""The `ares` command line."""

from __future__ import annotations

from ares.cli import _commands, _loop_commands  # noqa: F401  (register the subcommands)
from ares.cli._app import cli, main

__all__ = ["cli", "main"]
