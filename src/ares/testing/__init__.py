"""Test helpers that ship with ares, so that users can check their own configs offline."""

from __future__ import annotations

from ares.testing._openai_server import (
    MockResponse,
    OpenAIMockServer,
    RecordedRequest,
    echo_last_user_message,
)

__all__ = [
    "MockResponse",
    "OpenAIMockServer",
    "RecordedRequest",
    "echo_last_user_message",
]
