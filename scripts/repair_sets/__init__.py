"""Task tables of scripts/make_repair_sets.py."""
