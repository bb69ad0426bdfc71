"""Allow `python -m ares`."""

from ares.cli import main

main()
