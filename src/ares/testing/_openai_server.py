"""A local OpenAI-compatible chat server for tests, with scripted faults.

The server is real HTTP on 127.0.0.1, so a test exercises the same client code, timeouts and
retries as a run against vLLM or a hosted API, without a network or a model.
"""

from __future__ import annotations

import itertools
import json
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, cast

logger = logging.getLogger(__name__)

Reply = Callable[[list[dict[str, Any]]], str]

_COMPLETIONS_PATH = "/v1/chat/completions"


@dataclass(frozen=True)
class MockResponse:
    """A planned response of `OpenAIMockServer`.

    With the defaults it is a normal completion whose text comes from the server's `reply`.
    A status other than 200 gives an OpenAI-style error body. `body` replaces the body
    outright, for example with text that is not JSON.

    Attributes:
        status: HTTP status code.
        headers: Extra response headers, for example `{"Retry-After": "1"}`.
        body: Raw response body; `None` builds the body from `status` and the request.
        delay_s: Seconds to wait before responding. A delay longer than the client's timeout
            simulates a request that times out.
    """

    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)
    body: str | None = None
    delay_s: float = 0.0


@dataclass(frozen=True)
class RecordedRequest:
    """A request that `OpenAIMockServer` received.

    Attributes:
        method: HTTP method, such as `POST`.
        path: Request path, such as `/v1/chat/completions`.
        headers: Request headers with lower-cased names.
        body: The JSON body, or `None` when the body was empty or not JSON.
        received_at: `time.monotonic()` when the request arrived.
    """

    method: str
    path: str
    headers: dict[str, str]
    body: Any
    received_at: float


def echo_last_user_message(messages: list[dict[str, Any]]) -> str:
    """Return the content of the last user message, or an empty string if there is none."""
    for message in reversed(messages):
        if message.get("role") == "user":
            return str(message.get("content", ""))
    return ""


class OpenAIMockServer:
    """An OpenAI-compatible chat completions server on 127.0.0.1, for tests.

    It serves `POST /v1/chat/completions` on an ephemeral port. Each request takes the next
    response planned with `enqueue`, or `default_response` once the queue is empty. Use it as
    a context manager, which starts the server and stops it with all its threads:

        with OpenAIMockServer(reply=lambda messages: "I can't help with that.") as server:
            server.enqueue(MockResponse(status=429, headers={"Retry-After": "1"}))
            config = ChatModelConfig(backend="openai", model="mock", base_url=server.base_url)
            ...
            assert server.requests[0].body["model"] == "mock"

    Args:
        reply: Text of a normal completion, from the request's `messages`. The default
            echoes the last user message.
        api_key: If set, a request without `Authorization: Bearer <api_key>` gets HTTP 401.
        default_response: The response once the queue is empty; the default is a normal
            completion. `MockResponse(status=500)` makes every unplanned request fail.
    """

    def __init__(
        self,
        reply: Reply | None = None,
        *,
        api_key: str | None = None,
        default_response: MockResponse | None = None,
    ) -> None:
        self.reply: Reply = reply or echo_last_user_message
        self.default_response = default_response or MockResponse()
        self._api_key = api_key
        self._planned: deque[MockResponse] = deque()
        self._requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._in_flight = 0
        self._max_in_flight = 0
        self._completion_ids = itertools.count(1)
        # Set on close, so that delayed responses stop waiting and handler threads can end.
        self._stopping = threading.Event()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> OpenAIMockServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def base_url(self) -> str:
        """The address to put in a config's `base_url`: `http://127.0.0.1:PORT/v1`."""
        if self._httpd is None:
            raise RuntimeError(
                "the mock server is not running; start it with `with OpenAIMockServer() as "
                "server:` or server.start()"
            )
        port = self._httpd.server_address[1]
        return f"http://127.0.0.1:{port}/v1"

    @property
    def requests(self) -> list[RecordedRequest]:
        """A copy of the requests received so far, in arrival order."""
        with self._lock:
            return list(self._requests)

    @property
    def max_concurrent_requests(self) -> int:
        """The largest number of requests that were being handled at the same time."""
        with self._lock:
            return self._max_in_flight

    def enqueue(self, *responses: MockResponse) -> None:
        """Plan the responses to the next requests, in order."""
        with self._lock:
            self._planned.extend(responses)

    def start(self) -> None:
        """Bind an ephemeral port on 127.0.0.1 and serve in a background thread."""
        if self._httpd is not None:
            raise RuntimeError("the mock server is already running")
        self._stopping.clear()
        self._httpd = _HTTPServer(self)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"OpenAIMockServer:{self._httpd.server_address[1]}",
        )
        self._thread.start()

    def close(self) -> None:
        """Stop serving, close the port and wait for every handler thread to end."""
        if self._httpd is None:
            return
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()  # joins the handler threads
        if self._thread is not None:
            self._thread.join()
        self._httpd = None
        self._thread = None

    # The methods below run on handler threads.

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    @contextmanager
    def _track_in_flight(self) -> Iterator[None]:
        with self._lock:
            self._in_flight += 1
            self._max_in_flight = max(self._max_in_flight, self._in_flight)
        try:
            yield
        finally:
            with self._lock:
                self._in_flight -= 1

    def _respond(self, request: RecordedRequest) -> tuple[MockResponse, bytes]:
        # 1. Requests the server never serves.
        if request.method != "POST" or request.path != _COMPLETIONS_PATH:
            return _error(404, f"no route for {request.method} {request.path}")
        if self._api_key is not None:
            expected = f"Bearer {self._api_key}"
            if request.headers.get("authorization") != expected:
                return _error(401, "invalid or missing API key")

        # 2. The planned response, if any.
        with self._lock:
            planned = self._planned.popleft() if self._planned else self.default_response
        if planned.body is not None:
            return planned, planned.body.encode("utf-8")
        if planned.status != 200:
            return planned, _error(planned.status, f"planned error (HTTP {planned.status})")[1]

        # 3. A normal completion.
        body = request.body
        if not isinstance(body, dict) or not isinstance(body.get("messages"), list):
            return _error(400, "the body must be a JSON object with a `messages` list")
        return planned, self._completion(body)

    def _completion(self, request_body: dict[str, Any]) -> bytes:
        text = self.reply(request_body["messages"])
        prompt_words = sum(
            len(str(m.get("content", "")).split())
            for m in request_body["messages"]
            if isinstance(m, dict)
        )
        completion_words = len(text.split())
        data = {
            "id": f"chatcmpl-mock-{next(self._completion_ids)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": request_body.get("model", "mock"),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": text},
                    "finish_reason": "stop",
                }
            ],
            # Whitespace-separated words stand in for tokens.
            "usage": {
                "prompt_tokens": prompt_words,
                "completion_tokens": completion_words,
                "total_tokens": prompt_words + completion_words,
            },
        }
        return json.dumps(data).encode("utf-8")


def _error(status: int, message: str) -> tuple[MockResponse, bytes]:
    kind = "server_error" if status >= 500 else "invalid_request_error"
    body = {"error": {"message": message, "type": kind, "code": status}}
    return MockResponse(status=status), json.dumps(body).encode("utf-8")


class _HTTPServer(ThreadingHTTPServer):
    # Handler threads are joined on close (ThreadingHTTPServer makes them daemons by default),
    # so no thread outlives the server.
    daemon_threads = False
    block_on_close = True

    def __init__(self, mock: OpenAIMockServer) -> None:
        self.mock = mock
        super().__init__(("127.0.0.1", 0), _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # The default prints a traceback to stderr. A client that gave up on a delayed
        # response and closed its socket is expected here, so it is only logged.
        logger.debug("mock server: error while handling a request", exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    # HTTP/1.0 closes the connection after each response, so no handler thread waits on an
    # idle keep-alive connection when the server closes.
    protocol_version = "HTTP/1.0"
    # Seconds a handler waits for a slow client before giving up on the request.
    timeout = 10

    def do_POST(self) -> None:
        self._handle()

    def do_GET(self) -> None:
        self._handle()

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("mock server: " + format, *args)

    def _handle(self) -> None:
        mock = cast(_HTTPServer, self.server).mock
        request = self._read_request()
        mock._record(request)
        with mock._track_in_flight():
            try:
                response, body = mock._respond(request)
            except Exception as exc:  # a failing `reply` callable becomes a 500, as on a server
                logger.warning("mock server: reply failed on %s", request.path, exc_info=True)
                response, body = _error(500, f"reply raised {type(exc).__name__}: {exc}")
            if response.delay_s > 0:
                mock._stopping.wait(response.delay_s)
            self._send(response, body)

    def _read_request(self) -> RecordedRequest:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length > 0 else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        return RecordedRequest(
            method=self.command,
            path=self.path,
            headers={name.lower(): value for name, value in self.headers.items()},
            body=body,
            received_at=time.monotonic(),
        )

    def _send(self, response: MockResponse, body: bytes) -> None:
        try:
            self.send_response(response.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            for name, value in response.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            # The client timed out and closed the connection first.
            logger.debug("mock server: the client closed the connection before the response")
