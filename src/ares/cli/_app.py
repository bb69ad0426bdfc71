"""The `ares` command: one subcommand per pipeline stage."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.text import Text

import ares
from ares.errors import AresError, UserError

logger = logging.getLogger(__name__)

# Exit codes: 2 for a problem the user can fix, 1 for a failure of a model or server,
# 130 after Ctrl-C. Every run store is at a batch boundary in each case.
EXIT_USER_ERROR = 2
EXIT_FAILURE = 1
EXIT_INTERRUPTED = 130

stderr = Console(stderr=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(ares.__version__, prog_name="ares")
@click.option("-v", "--verbose", count=True, help="Log more: -v for INFO, -vv for DEBUG.")
def cli(verbose: int) -> None:
    """Red-team and repair an RLHF policy and its reward model."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def main(argv: list[str] | None = None) -> None:
    """Run the command line, mapping ares errors to exit codes without a traceback."""
    # transformers prints a progress bar and a load report for every model it loads, which
    # would break up the discovery progress display. Set before transformers is imported;
    # a value the user exported wins.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    try:
        cli.main(args=argv, prog_name="ares", standalone_mode=False)
    except click.exceptions.Abort:
        stderr.print("interrupted; rerun the same command to resume")
        sys.exit(EXIT_INTERRUPTED)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USER_ERROR)
    except UserError as exc:
        stderr.print(Text.assemble((f"error{_process_label()}: ", "bold red"), str(exc)))
        sys.exit(EXIT_USER_ERROR)
    except AresError as exc:
        stderr.print(Text.assemble((f"failed{_process_label()}: ", "bold red"), str(exc)))
        sys.exit(EXIT_FAILURE)
    except KeyboardInterrupt:
        stderr.print("interrupted; rerun the same command to resume")
        sys.exit(EXIT_INTERRUPTED)


def _process_label() -> str:
    """Return ` (process R of N)` under `accelerate launch` or torchrun, else "".

    Every process prints its own error, because on several machines one process may fail
    alone. The label shows which process printed each copy.
    """
    world_size = int(os.environ.get("WORLD_SIZE", "1"))
    if world_size <= 1:
        return ""
    return f" (process {os.environ.get('RANK', '0')} of {world_size})"


def config_option(function: click.decorators.FC) -> click.decorators.FC:
    """Add `--config PATH` to a command."""
    return click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="YAML config file. Without it, the embedded default config is used.",
    )(function)


def run_dir_option(function: click.decorators.FC) -> click.decorators.FC:
    """Add the required `--run-dir DIR` to a command."""
    return click.option(
        "--run-dir",
        type=click.Path(file_okay=False, path_type=Path),
        required=True,
        help="Folder holding everything the run produces; reused to resume.",
    )(function)
