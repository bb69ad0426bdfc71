"""Tests of the OpenAI-compatible mock server, talking to it over real HTTP on 127.0.0.1."""

from __future__ import annotations

import json
import threading
import time
from typing import Any

import httpx
import pytest

import ares.testing
from ares.testing import MockResponse, OpenAIMockServer, echo_last_user_message

CHAT = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hello there"}]


def _post(server: OpenAIMockServer, body: Any, **kwargs: Any) -> httpx.Response:
    return httpx.post(server.base_url + "/chat/completions", json=body, **kwargs)


def test_all_lists_public_names() -> None:
    public = {name for name in vars(ares.testing) if not name.startswith("_")}
    public.discard("annotations")
    assert sorted(ares.testing.__all__) == ares.testing.__all__
    assert set(ares.testing.__all__) == public


def test_base_url_is_local_v1() -> None:
    with OpenAIMockServer() as server:
        assert server.base_url.startswith("http://127.0.0.1:")
        assert server.base_url.endswith("/v1")


def test_completion_echoes_last_user_message() -> None:
    with OpenAIMockServer() as server:
        response = _post(server, {"model": "m", "messages": CHAT})

    assert response.status_code == 200
    data = response.json()
    assert data["object"] == "chat.completion"
    assert data["model"] == "m"
    assert data["choices"][0]["message"] == {"role": "assistant", "content": "Hello there"}
    assert data["choices"][0]["finish_reason"] == "stop"
    assert data["usage"]["total_tokens"] == 6


def test_completion_uses_reply_callable() -> None:
    seen: list[list[dict[str, Any]]] = []

    def reply(messages: list[dict[str, Any]]) -> str:
        seen.append(messages)
        return f"{len(messages)} messages"

    with OpenAIMockServer(reply=reply) as server:
        response = _post(server, {"model": "m", "messages": CHAT})

    assert response.json()["choices"][0]["message"]["content"] == "2 messages"
    assert seen == [CHAT]


def test_requests_are_recorded() -> None:
    with OpenAIMockServer() as server:
        _post(server, {"model": "m", "messages": CHAT}, headers={"Authorization": "Bearer k"})
        recorded = server.requests

    assert len(recorded) == 1
    assert recorded[0].method == "POST"
    assert recorded[0].path == "/v1/chat/completions"
    assert recorded[0].headers["authorization"] == "Bearer k"
    assert recorded[0].body == {"model": "m", "messages": CHAT}


def test_planned_responses_come_in_order() -> None:
    with OpenAIMockServer() as server:
        server.enqueue(
            MockResponse(status=429, headers={"Retry-After": "3"}),
            MockResponse(status=500),
        )
        first = _post(server, {"model": "m", "messages": CHAT})
        second = _post(server, {"model": "m", "messages": CHAT})
        third = _post(server, {"model": "m", "messages": CHAT})

    assert first.status_code == 429
    assert first.headers["Retry-After"] == "3"
    assert first.json()["error"]["code"] == 429
    assert second.status_code == 500
    assert third.status_code == 200


def test_raw_body_replaces_completion() -> None:
    with OpenAIMockServer() as server:
        server.enqueue(MockResponse(body="not json"), MockResponse(body='{"id": "x"}'))
        not_json = _post(server, {"model": "m", "messages": CHAT})
        no_choices = _post(server, {"model": "m", "messages": CHAT})

    assert not_json.status_code == 200
    assert not_json.text == "not json"
    assert no_choices.json() == {"id": "x"}


def test_default_response_applies_when_queue_empty() -> None:
    with OpenAIMockServer(default_response=MockResponse(status=503)) as server:
        server.enqueue(MockResponse())
        statuses = [_post(server, {"model": "m", "messages": CHAT}).status_code for _ in range(3)]

    assert statuses == [200, 503, 503]


def test_delay_holds_response_back() -> None:
    with OpenAIMockServer() as server:
        server.enqueue(MockResponse(delay_s=0.3))
        start = time.monotonic()
        response = _post(server, {"model": "m", "messages": CHAT})
        elapsed = time.monotonic() - start

    assert response.status_code == 200
    assert elapsed >= 0.3


def test_api_key_is_checked() -> None:
    with OpenAIMockServer(api_key="sk-test") as server:
        server.enqueue(MockResponse(status=500))
        missing = _post(server, {"model": "m", "messages": CHAT})
        wrong = _post(server, {"model": "m", "messages": CHAT}, headers={"Authorization": "x"})
        right = _post(
            server, {"model": "m", "messages": CHAT}, headers={"Authorization": "Bearer sk-test"}
        )

    assert missing.status_code == 401
    assert wrong.status_code == 401
    # A rejected key leaves the planned response for the next authorised request.
    assert right.status_code == 500


def test_unknown_path_is_404() -> None:
    with OpenAIMockServer() as server:
        response = httpx.get(server.base_url + "/models")

    assert response.status_code == 404
    assert "no route" in response.json()["error"]["message"]


def test_body_without_messages_is_400() -> None:
    with OpenAIMockServer() as server:
        response = _post(server, {"model": "m"})

    assert response.status_code == 400


def test_failing_reply_becomes_500() -> None:
    def reply(messages: list[dict[str, Any]]) -> str:
        raise ValueError("scripted failure")

    with OpenAIMockServer(reply=reply) as server:
        response = _post(server, {"model": "m", "messages": CHAT})

    assert response.status_code == 500
    assert "scripted failure" in response.json()["error"]["message"]


def test_max_concurrent_requests_counts_overlap() -> None:
    with OpenAIMockServer(default_response=MockResponse(delay_s=0.3)) as server:
        threads = [
            threading.Thread(target=_post, args=(server, {"model": "m", "messages": CHAT}))
            for _ in range(3)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        overlapping = server.max_concurrent_requests
        _post(server, {"model": "m", "messages": CHAT}, timeout=5)

    assert overlapping == 3
    assert server.max_concurrent_requests == 3


def test_close_cuts_delays_short_and_joins_threads() -> None:
    threads_before = threading.active_count()
    server = OpenAIMockServer(default_response=MockResponse(delay_s=30))
    server.start()
    with pytest.raises(httpx.ReadTimeout):
        _post(server, {"model": "m", "messages": CHAT}, timeout=0.2)

    start = time.monotonic()
    server.close()
    elapsed = time.monotonic() - start

    assert elapsed < 2.0
    assert threading.active_count() == threads_before
    with pytest.raises(RuntimeError, match="not running"):
        _ = server.base_url


def test_close_twice_is_harmless() -> None:
    server = OpenAIMockServer()
    server.start()
    server.close()
    server.close()


def test_start_twice_raises() -> None:
    with OpenAIMockServer() as server, pytest.raises(RuntimeError, match="already running"):
        server.start()


def test_echo_without_user_message_is_empty() -> None:
    assert echo_last_user_message([{"role": "system", "content": "x"}]) == ""
    assert echo_last_user_message(json.loads(json.dumps(CHAT))) == "Hello there"
