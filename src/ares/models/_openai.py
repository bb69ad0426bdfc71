"""The `openai` chat backend: any server that speaks the OpenAI chat completions API.

vLLM, llama.cpp server, Ollama and hosted APIs all serve `POST {base_url}/chat/completions`.
Requests run concurrently on asyncio, bounded by a semaphore, with a deadline per request and
retries with exponential backoff that honour `Retry-After`.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import email.utils
import logging
import math
import random
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any

import httpx

from ares.config import ChatModelConfig
from ares.errors import BackendError, ConfigError
from ares.models._protocols import Message

logger = logging.getLogger(__name__)

# Characters of a reply body quoted in error messages.
_EXCERPT_CHARS = 200


class _RetryableFailure(Exception):
    """One attempt failed in a way that a later attempt may not (429, 5xx, timeout, bad reply)."""

    def __init__(self, reason: str, retry_after_s: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after_s = retry_after_s


class OpenAIChatModel:
    """A `ChatModel` that calls an OpenAI-compatible chat completions endpoint.

    `generate` is synchronous: it runs its requests on a fresh event loop with `asyncio.run`
    and a fresh `httpx.AsyncClient`, so nothing stays open between calls and there is nothing
    to close. Called from a thread whose event loop is running (a notebook, an async
    application), it runs that loop in a worker thread instead and blocks the caller until
    the batch is done.

    Args:
        config: The model section of the config; `backend` must be `openai`.
        concurrency: Maximum requests in flight at once; `config.concurrency` overrides it.
        api_key: The API key, sent as `Authorization: Bearer <key>`, or `None` to send no
            key. The caller reads it from the environment variable named in
            `config.api_key_env`. It is kept in memory only and never logged.
        backoff_base_s: Wait before the first retry, in seconds. It doubles with every
            retry and gets up to 50% random jitter.
        max_wait_s: Cap on any single wait before a retry, in seconds, including a wait
            that a `Retry-After` header requests.

    Raises:
        ConfigError: `base_url` is missing or is not an http(s) URL.
        ValueError: `concurrency`, `backoff_base_s` or `max_wait_s` is out of range.
    """

    def __init__(
        self,
        config: ChatModelConfig,
        *,
        concurrency: int,
        api_key: str | None,
        backoff_base_s: float = 0.5,
        max_wait_s: float = 60.0,
    ) -> None:
        self._config = config
        self._base_url = _check_base_url(config.base_url)
        self._url = self._base_url + "/chat/completions"
        self._display_url = _without_userinfo(self._base_url)
        self._concurrency = config.concurrency if config.concurrency is not None else concurrency
        if self._concurrency < 1:
            raise ValueError(f"concurrency must be at least 1, got {self._concurrency}")
        if backoff_base_s < 0 or max_wait_s < 0:
            raise ValueError(
                f"backoff_base_s and max_wait_s must be >= 0, got {backoff_base_s} and {max_wait_s}"
            )
        self._backoff_base_s = backoff_base_s
        self._max_wait_s = max_wait_s
        # An empty variable means no key: "Bearer " with nothing after it is never valid.
        self._api_key = api_key or None

    @property
    def identity(self) -> str:
        return f"openai:{self._config.model}@{self._display_url}"

    def __repr__(self) -> str:
        # Written out so that the API key can never show up in a repr.
        return f"OpenAIChatModel({self.identity!r}, concurrency={self._concurrency})"

    def generate(
        self,
        conversations: Sequence[Sequence[Message]],
        *,
        max_new_tokens: int | None = None,
        temperature: float | None = None,
    ) -> list[str]:
        """Return one reply per conversation, in order.

        `None` arguments take `config.max_new_tokens` and `config.temperature`.

        Raises:
            BackendError: a request was rejected (4xx other than 429), or still failed after
                `config.max_retries` retries. The other requests of the batch are cancelled.
        """
        payloads = [
            self._payload(conversation, max_new_tokens, temperature)
            for conversation in conversations
        ]
        if not payloads:
            return []
        if not _event_loop_running():
            return asyncio.run(self._generate_batch(payloads))

        # asyncio.run cannot nest inside a running loop, so the batch gets its own thread.
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            future = pool.submit(lambda: asyncio.run(self._generate_batch(payloads)))
            return future.result()

    def _payload(
        self,
        conversation: Sequence[Message],
        max_new_tokens: int | None,
        temperature: float | None,
    ) -> dict[str, Any]:
        messages: list[dict[str, str]] = []
        if self._config.system_prompt:
            messages.append({"role": "system", "content": self._config.system_prompt})
        messages.extend({"role": m["role"], "content": m["content"]} for m in conversation)
        if max_new_tokens is None:
            max_new_tokens = self._config.max_new_tokens
        if temperature is None:
            temperature = self._config.temperature
        return {
            "model": self._config.model,
            "messages": messages,
            "max_tokens": max_new_tokens,
            "temperature": temperature,
            "top_p": self._config.top_p,
        }

    async def _generate_batch(self, payloads: list[dict[str, Any]]) -> list[str]:
        headers = {"Authorization": f"Bearer {self._api_key}"} if self._api_key else {}
        # The semaphore bounds requests in flight. The pool has as many connections as the
        # semaphore has slots, so a request never waits for a connection inside its deadline.
        limits = httpx.Limits(
            max_connections=self._concurrency, max_keepalive_connections=self._concurrency
        )
        semaphore = asyncio.Semaphore(self._concurrency)
        async with httpx.AsyncClient(
            headers=headers, limits=limits, timeout=self._config.timeout_s
        ) as client:
            tasks = [
                asyncio.create_task(self._request_with_retries(client, semaphore, index, payload))
                for index, payload in enumerate(payloads)
            ]
            try:
                return await asyncio.gather(*tasks)
            except BaseException:
                # One request failed for good: stop the rest before the client closes.
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
                raise

    async def _request_with_retries(
        self,
        client: httpx.AsyncClient,
        semaphore: asyncio.Semaphore,
        index: int,
        payload: dict[str, Any],
    ) -> str:
        attempts = self._config.max_retries + 1
        for attempt in range(1, attempts + 1):
            try:
                # The slot is held for the request only, so a waiting retry frees it.
                async with semaphore:
                    return await self._attempt(client, payload)
            except _RetryableFailure as failure:
                if attempt == attempts:
                    raise BackendError(
                        f"{self.identity}: conversation {index} failed after {attempts} "
                        f"attempts ({self._config.max_retries} retries); last error: "
                        f"{failure.reason}. Check that the server at {self._display_url} is up "
                        "and healthy, or raise max_retries or timeout_s."
                    ) from None
                wait_s = self._wait_before_retry(attempt, failure.retry_after_s)
                logger.warning(
                    "%s: conversation %d: attempt %d of %d failed (%s); retrying in %.2f s",
                    self.identity, index, attempt, attempts, failure.reason, wait_s,
                )
                await asyncio.sleep(wait_s)
        raise AssertionError("unreachable: the last attempt returns or raises")

    async def _attempt(self, client: httpx.AsyncClient, payload: dict[str, Any]) -> str:
        timeout_s = self._config.timeout_s

        # 1. Send. httpx's timeout bounds each phase, and wait_for bounds the whole request.
        try:
            response = await asyncio.wait_for(client.post(self._url, json=payload), timeout_s)
        except (asyncio.TimeoutError, httpx.TimeoutException):
            raise _RetryableFailure(f"timed out after {timeout_s:g} s") from None
        except httpx.RequestError as exc:
            reason = self._redact(f"{type(exc).__name__}: {exc}")
            raise _RetryableFailure(f"request failed ({reason})") from None

        # 2. Sort the status into retry, reject or read.
        status = response.status_code
        if status == 429 or status >= 500:
            retry_after_s = parse_retry_after(response.headers.get("Retry-After"))
            raise _RetryableFailure(f"HTTP {status}", retry_after_s)
        if not response.is_success:
            raise BackendError(self._rejection_message(status, response.text))

        # 3. Read the reply text.
        content = _reply_content(response)
        if content is None:
            raise _RetryableFailure(
                f"malformed reply from {self._display_url} (not JSON, or no "
                f"choices[0].message.content); body starts: {self._excerpt(response.text)!r}"
            )
        return content

    def _rejection_message(self, status: int, body: str) -> str:
        where = f"{self.identity}: the server at {self._display_url} rejected the request"
        detail = f"(HTTP {status}: {self._excerpt(body)!r})"
        if status in (401, 403):
            return f"{where} {detail}. {self._key_hint()}"
        if status == 404:
            return (
                f"{where} {detail}. Check that model {self._config.model!r} is served there "
                "and that base_url ends with the API prefix, usually /v1."
            )
        return (
            f"{where} {detail}. Check model, max_new_tokens, temperature and top_p against "
            "what the server accepts."
        )

    def _key_hint(self) -> str:
        env = self._config.api_key_env
        if self._api_key is None and env is None:
            return (
                "No API key was sent: set api_key_env to the name of the environment variable "
                "that contains the key."
            )
        if self._api_key is None:
            return f"No API key was sent because the environment variable {env} is unset or empty."
        if env is None:
            return "Check that the API key passed to the model is valid for this server."
        return f"Check that the environment variable {env} contains a valid key for this server."

    def _wait_before_retry(self, attempt: int, retry_after_s: float | None) -> float:
        backoff_s = self._backoff_base_s * 2.0 ** (attempt - 1) * random.uniform(1.0, 1.5)
        # Retry-After is the minimum wait the server requests, so the longer of the two wins.
        wait_s = max(backoff_s, retry_after_s or 0.0)
        return min(wait_s, self._max_wait_s)

    def _excerpt(self, text: str) -> str:
        text = self._redact(text)
        if len(text) <= _EXCERPT_CHARS:
            return text
        return text[:_EXCERPT_CHARS] + "..."

    def _redact(self, text: str) -> str:
        # Some servers echo a rejected key, and the key must not reach a log or an error.
        if self._api_key:
            return text.replace(self._api_key, "[api key redacted]")
        return text


def parse_retry_after(value: str | None) -> float | None:
    """Return the wait that a `Retry-After` header requests, in seconds, or `None`.

    The header is either a number of seconds or an HTTP date (RFC 9110, section 10.2.3).
    A date in the past gives 0. A value that is neither gives `None`.
    """
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        seconds = (when - datetime.now(timezone.utc)).total_seconds()
    if not math.isfinite(seconds):
        return None
    return max(0.0, seconds)


def _reply_content(response: httpx.Response) -> str | None:
    try:
        data = response.json()
    except ValueError:
        return None
    try:
        content = data["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError):
        return None
    return content if isinstance(content, str) else None


def _event_loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def _check_base_url(base_url: str | None) -> str:
    if not base_url:
        raise ConfigError(
            "base_url is missing: the `openai` backend needs the server address, "
            "for example base_url: http://127.0.0.1:8000/v1"
        )
    if not base_url.startswith(("http://", "https://")):
        raise ConfigError(
            f"base_url {_without_userinfo(base_url)!r} is not an http(s) URL; write it as "
            "http://HOST:PORT/v1 or https://HOST/v1"
        )
    return base_url.rstrip("/")


def _without_userinfo(url: str) -> str:
    # A base_url may carry credentials, as in http://user:password@host. Identities and logs
    # must not show them.
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        return "<invalid URL>"
    if not parsed.userinfo:
        return url
    return str(parsed.copy_with(username=None, password=None))
