"""Tests of the `openai` chat backend against the mock server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import email.utils
import logging
import threading
import time
from typing import Any

import pytest

from ares.config import ChatModelConfig
from ares.errors import BackendError, ConfigError
from ares.models import ChatModel, Message
from ares.models._openai import OpenAIChatModel, parse_retry_after
from ares.testing import MockResponse, OpenAIMockServer

API_KEY = "sk-test-do-not-log-7f3a"


def _model(
    server: OpenAIMockServer | str,
    *,
    concurrency: int = 4,
    api_key: str | None = None,
    max_wait_s: float = 60.0,
    **config: Any,
) -> OpenAIChatModel:
    base_url = server if isinstance(server, str) else server.base_url
    settings: dict[str, Any] = {"timeout_s": 2.0, "max_retries": 2, **config}
    return OpenAIChatModel(
        ChatModelConfig(backend="openai", model="mock-model", base_url=base_url, **settings),
        concurrency=concurrency,
        api_key=api_key,
        backoff_base_s=0.01,
        max_wait_s=max_wait_s,
    )


def _ask(text: str) -> list[Message]:
    return [{"role": "user", "content": text}]


def test_model_matches_chat_protocol() -> None:
    with OpenAIMockServer() as server:
        assert isinstance(_model(server), ChatModel)


def test_identity_names_model_and_url() -> None:
    model = _model("http://127.0.0.1:8000/v1/")
    assert model.identity == "openai:mock-model@http://127.0.0.1:8000/v1"


def test_identity_drops_url_credentials() -> None:
    model = _model("http://user:secret@127.0.0.1:8000/v1")
    assert "secret" not in model.identity
    assert model.identity == "openai:mock-model@http://127.0.0.1:8000/v1"


def test_repr_hides_api_key() -> None:
    model = _model("http://127.0.0.1:8000/v1", api_key=API_KEY)
    assert API_KEY not in repr(model)


def test_base_url_without_scheme_is_config_error() -> None:
    with pytest.raises(ConfigError, match="not an http"):
        _model("127.0.0.1:8000/v1")


def test_batch_returns_replies_in_input_order() -> None:
    def reply(messages: list[dict[str, Any]]) -> str:
        index = int(messages[-1]["content"])
        # Earlier conversations get their reply later, so completion order reverses input order.
        time.sleep((8 - index) * 0.02)
        return f"reply {index}"

    with OpenAIMockServer(reply=reply) as server:
        replies = _model(server, concurrency=8).generate([_ask(str(i)) for i in range(8)])

    assert replies == [f"reply {i}" for i in range(8)]


def test_empty_batch_sends_nothing() -> None:
    with OpenAIMockServer() as server:
        assert _model(server).generate([]) == []
        assert server.requests == []


def test_concurrency_bounds_requests_in_flight() -> None:
    with OpenAIMockServer(default_response=MockResponse(delay_s=0.2)) as server:
        replies = _model(server, concurrency=3).generate([_ask(str(i)) for i in range(9)])

    assert replies == [str(i) for i in range(9)]
    assert server.max_concurrent_requests == 3


def test_config_concurrency_overrides_argument() -> None:
    with OpenAIMockServer(default_response=MockResponse(delay_s=0.2)) as server:
        config = ChatModelConfig(
            backend="openai", model="mock-model", base_url=server.base_url, concurrency=2
        )
        model = OpenAIChatModel(config, concurrency=8, api_key=None)
        model.generate([_ask(str(i)) for i in range(6)])

    assert server.max_concurrent_requests == 2


def test_payload_carries_settings_and_system_prompt() -> None:
    with OpenAIMockServer() as server:
        model = _model(
            server, system_prompt="You are careful.", max_new_tokens=64, temperature=0.3, top_p=0.9
        )
        model.generate([_ask("hi")])
        model.generate([_ask("again")], max_new_tokens=7, temperature=1.1)
        first, second = (request.body for request in server.requests)

    assert first["model"] == "mock-model"
    assert first["messages"] == [
        {"role": "system", "content": "You are careful."},
        {"role": "user", "content": "hi"},
    ]
    assert first["max_tokens"] == 64
    assert first["temperature"] == 0.3
    assert first["top_p"] == 0.9
    assert second["max_tokens"] == 7
    assert second["temperature"] == 1.1


def test_no_system_prompt_sends_conversation_only() -> None:
    with OpenAIMockServer() as server:
        _model(server).generate([_ask("hi")])
        body = server.requests[0].body

    assert body["messages"] == [{"role": "user", "content": "hi"}]


def test_api_key_sent_as_bearer_and_never_logged(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with OpenAIMockServer(api_key=API_KEY) as server:
        server.enqueue(MockResponse(status=500))
        replies = _model(server, api_key=API_KEY, api_key_env="MOCK_KEY").generate([_ask("hi")])
        requests = server.requests

    assert replies == ["hi"]
    assert [r.headers["authorization"] for r in requests] == [f"Bearer {API_KEY}"] * 2
    assert "attempt 1 of 3" in caplog.text
    assert API_KEY not in caplog.text


def test_no_api_key_sends_no_authorization() -> None:
    with OpenAIMockServer() as server:
        _model(server, api_key="").generate([_ask("hi")])
        headers = server.requests[0].headers

    assert "authorization" not in headers


def test_401_fails_at_once_naming_env_var() -> None:
    with OpenAIMockServer(api_key="the-right-key") as server:
        model = _model(server, api_key="a-wrong-key", api_key_env="MOCK_API_KEY", max_retries=5)
        with pytest.raises(BackendError, match="MOCK_API_KEY") as caught:
            model.generate([_ask("hi")])
        request_count = len(server.requests)

    assert request_count == 1
    assert "HTTP 401" in str(caught.value)
    assert "a-wrong-key" not in str(caught.value)


def test_401_unset_env_var_no_key_sent() -> None:
    with OpenAIMockServer(api_key="the-right-key") as server:
        model = _model(server, api_key=None, api_key_env="MOCK_API_KEY")
        with pytest.raises(BackendError, match="MOCK_API_KEY is unset or empty"):
            model.generate([_ask("hi")])


def test_echoed_key_is_redacted_from_errors() -> None:
    echoed = '{"error": {"message": "Incorrect API key provided: ' + API_KEY + '"}}'
    with OpenAIMockServer() as server:
        server.enqueue(MockResponse(status=401, body=echoed))
        with pytest.raises(BackendError) as caught:
            _model(server, api_key=API_KEY, api_key_env="MOCK_KEY").generate([_ask("hi")])

    assert API_KEY not in str(caught.value)
    assert "[api key redacted]" in str(caught.value)


def test_404_names_model_and_base_url() -> None:
    with OpenAIMockServer() as server:
        server.enqueue(MockResponse(status=404))
        with pytest.raises(BackendError, match="'mock-model'") as caught:
            _model(server).generate([_ask("hi")])
        request_count = len(server.requests)
        base_url = server.base_url

    assert request_count == 1
    assert base_url in str(caught.value)
    assert "ends with the API prefix" in str(caught.value)


def test_400_fails_at_once() -> None:
    with OpenAIMockServer() as server:
        server.enqueue(MockResponse(status=400))
        with pytest.raises(BackendError, match="HTTP 400"):
            _model(server).generate([_ask("hi")])
        request_count = len(server.requests)

    assert request_count == 1


def test_429_waits_for_retry_after(caplog: pytest.LogCaptureFixture) -> None:
    with OpenAIMockServer() as server:
        server.enqueue(MockResponse(status=429, headers={"Retry-After": "1"}))
        replies = _model(server).generate([_ask("hi")])
        first, second = server.requests

    assert replies == ["hi"]
    assert second.received_at - first.received_at >= 0.95
    assert "attempt 1 of 3 failed (HTTP 429)" in caplog.text


def test_retry_after_is_capped_by_max_wait() -> None:
    with OpenAIMockServer() as server:
        server.enqueue(MockResponse(status=429, headers={"Retry-After": "120"}))
        start = time.monotonic()
        replies = _model(server, max_wait_s=0.1).generate([_ask("hi")])
        elapsed = time.monotonic() - start

    assert replies == ["hi"]
    assert elapsed < 2.0


def test_500_then_success() -> None:
    with OpenAIMockServer() as server:
        server.enqueue(MockResponse(status=500), MockResponse(status=502))
        replies = _model(server).generate([_ask("hi")])
        request_count = len(server.requests)

    assert replies == ["hi"]
    assert request_count == 3


def test_500_forever_fails_after_retries(caplog: pytest.LogCaptureFixture) -> None:
    with OpenAIMockServer(default_response=MockResponse(status=500)) as server:
        with pytest.raises(BackendError, match="after 3 attempts") as caught:
            _model(server, max_retries=2).generate([_ask("hi")])
        request_count = len(server.requests)

    assert request_count == 3
    assert "HTTP 500" in str(caught.value)
    assert "attempt 2 of 3" in caplog.text


def test_zero_retries_makes_one_attempt() -> None:
    with OpenAIMockServer(default_response=MockResponse(status=503)) as server:
        with pytest.raises(BackendError, match="after 1 attempts"):
            _model(server, max_retries=0).generate([_ask("hi")])
        request_count = len(server.requests)

    assert request_count == 1


def test_timeout_then_success() -> None:
    with OpenAIMockServer() as server:
        server.enqueue(MockResponse(delay_s=2.0))
        start = time.monotonic()
        replies = _model(server, timeout_s=0.3).generate([_ask("hi")])
        elapsed = time.monotonic() - start
        request_count = len(server.requests)

    assert replies == ["hi"]
    assert request_count == 2
    assert elapsed < 1.5


def test_timeout_forever_fails_after_retries() -> None:
    with OpenAIMockServer(default_response=MockResponse(delay_s=2.0)) as server:
        with pytest.raises(BackendError, match=r"timed out after 0\.2 s"):
            _model(server, timeout_s=0.2, max_retries=1).generate([_ask("hi")])
        request_count = len(server.requests)

    assert request_count == 2


def test_malformed_reply_then_success() -> None:
    with OpenAIMockServer() as server:
        server.enqueue(MockResponse(body="<html>Bad gateway</html>"), MockResponse(body="{}"))
        replies = _model(server).generate([_ask("hi")])

    assert replies == ["hi"]


@pytest.mark.parametrize(
    "body",
    [
        "not json at all",
        '{"id": "chatcmpl-1", "object": "chat.completion"}',
        '{"choices": []}',
        '{"choices": [{"message": {"role": "assistant", "content": null}}]}',
    ],
)
def test_malformed_reply_forever_fails(body: str) -> None:
    with OpenAIMockServer(default_response=MockResponse(body=body)) as server:
        with pytest.raises(BackendError, match="malformed reply") as caught:
            _model(server, max_retries=1).generate([_ask("hi")])
        request_count = len(server.requests)
        base_url = server.base_url

    assert request_count == 2
    assert base_url in str(caught.value)
    assert body[:10] in str(caught.value)


def test_malformed_excerpt_is_truncated() -> None:
    body = "x" * 5000
    with (
        OpenAIMockServer(default_response=MockResponse(body=body)) as server,
        pytest.raises(BackendError) as caught,
    ):
        _model(server, max_retries=0).generate([_ask("hi")])

    assert "x" * 200 + "..." in str(caught.value)
    assert len(str(caught.value)) < 1000


def test_connection_refused_fails_after_retries() -> None:
    with OpenAIMockServer() as server:
        closed_url = server.base_url  # the port is free again once the server closes

    with pytest.raises(BackendError, match="ConnectError"):
        _model(closed_url, max_retries=1).generate([_ask("hi")])


def test_failure_cancels_rest_of_batch() -> None:
    def reply(messages: list[dict[str, Any]]) -> str:
        return "ok"

    with OpenAIMockServer(reply=reply, default_response=MockResponse(delay_s=1.0)) as server:
        server.enqueue(MockResponse(status=401))
        start = time.monotonic()
        with pytest.raises(BackendError, match="HTTP 401"):
            _model(server, concurrency=1).generate([_ask(str(i)) for i in range(5)])
        elapsed = time.monotonic() - start

    # The 401 comes first; the four remaining requests are cancelled, not sent one by one.
    assert elapsed < 2.0


def test_generate_works_inside_running_event_loop() -> None:
    async def main(model: OpenAIChatModel) -> list[str]:
        return model.generate([_ask("from a loop")])

    with OpenAIMockServer() as server:
        replies = asyncio.run(main(_model(server)))

    assert replies == ["from a loop"]


def test_generate_leaves_no_threads_behind() -> None:
    threads_before = threading.active_count()
    with OpenAIMockServer() as server:
        _model(server).generate([_ask(str(i)) for i in range(4)])

    assert threading.active_count() == threads_before


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, None),
        ("1", 1.0),
        (" 2.5 ", 2.5),
        ("-3", 0.0),
        ("soon", None),
        ("inf", None),
        ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),
    ],
)
def test_parse_retry_after(header: str | None, expected: float | None) -> None:
    assert parse_retry_after(header) == expected


def test_parse_retry_after_future_http_date() -> None:
    header = email.utils.formatdate(time.time() + 30, usegmt=True)
    seconds = parse_retry_after(header)
    assert seconds is not None
    assert 28 <= seconds <= 30
