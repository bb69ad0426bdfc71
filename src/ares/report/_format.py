"""Formatting of numbers, rates and confidence intervals for the report's cells."""

from __future__ import annotations

from typing import Any

NA = "n/a"


def number(value: Any, digits: int = 2) -> str:
    """Format a number with `digits` decimals, and anything else as n/a."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{float(value):.{digits}f}"
    return NA


def count(value: Any) -> str:
    """Format an integer count, or n/a."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return NA


def rate(entry: Any) -> str:
    """Format a rate entry `{"value", "low", "high", ...}` as "0.62 [0.51, 0.72]"."""
    if not isinstance(entry, dict) or not isinstance(entry.get("value"), (int, float)):
        return NA
    value = float(entry["value"])
    low, high = entry.get("low"), entry.get("high")
    if isinstance(low, (int, float)) and isinstance(high, (int, float)):
        return f"{value:.2f} [{float(low):.2f}, {float(high):.2f}]"
    return f"{value:.2f}"


def rate_value(entry: Any) -> float | None:
    """Return the point estimate of a rate entry, or None."""
    if isinstance(entry, dict) and isinstance(entry.get("value"), (int, float)):
        return float(entry["value"])
    return None


def change(entry: Any) -> str:
    """Format a change entry `{"diff", "low", "high", "n"}` as "+0.12 [+0.03, +0.20]"."""
    if not isinstance(entry, dict) or not isinstance(entry.get("diff"), (int, float)):
        return NA
    diff = float(entry["diff"])
    low, high = entry.get("low"), entry.get("high")
    if isinstance(low, (int, float)) and isinstance(high, (int, float)):
        return f"{diff:+.2f} [{float(low):+.2f}, {float(high):+.2f}]"
    return f"{diff:+.2f}"


def field(entry: Any, key: str) -> Any:
    """Return `entry[key]` when `entry` is a dict, else None."""
    return entry.get(key) if isinstance(entry, dict) else None


def mapping(entry: Any, key: str) -> dict[str, Any]:
    """Return `entry[key]` when it is a dict, else an empty dict."""
    value = field(entry, key)
    return value if isinstance(value, dict) else {}
