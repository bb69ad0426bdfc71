"""Judges that score the policy's replies for harm."""

from __future__ import annotations

from ares.judges._fake import FakeJudge
from ares.judges._protocol import MAX_HARM, Judge, Verdict

__all__ = [
    "FakeJudge",
    "Judge",
    "MAX_HARM",
    "Verdict",
]
