"""The Safety Mentor: composes prompts and reference responses from attack specs."""

from __future__ import annotations

from ares.mentor._fake import FakeMentor
from ares.mentor._llm import LLMMentor
from ares.mentor._protocol import Mentor, MentorOutput
from ares.mentor._template import TemplateMentor

__all__ = [
    "FakeMentor",
    "LLMMentor",
    "Mentor",
    "MentorOutput",
    "TemplateMentor",
]
