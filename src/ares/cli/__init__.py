"""The `ares` command line."""

from __future__ import annotations

from ares.cli import _commands  # noqa: F401  (registers the subcommands on `cli`)
from ares.cli._app import cli, main

__all__ = ["cli", "main"]
