"""The Safety Mentor: composes prompts and reference responses from attack specs."""

from __future__ import annotations

from ares.mentor._protocol import Mentor, MentorOutput

__all__ = ["Mentor", "MentorOutput"]
