"""Judges that score the policy's replies for harm."""

from __future__ import annotations

from ares.judges._protocol import MAX_HARM, Judge, Verdict

__all__ = ["MAX_HARM", "Judge", "Verdict"]
