"""The llm judge and the prompt filter against a real OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

from typing import Any

from ares.config import ChatModelConfig
from ares.judges import LLMJudge, PromptFilter
from ares.models._openai import OpenAIChatModel
from ares.testing import MockResponse, OpenAIMockServer


def _model(server: OpenAIMockServer) -> OpenAIChatModel:
    config = ChatModelConfig(
        backend="openai", model="judge", base_url=server.base_url, max_retries=2,
        timeout_s=2.0,
    )
    return OpenAIChatModel(config, concurrency=4, api_key=None, backoff_base_s=0.01)


def _harm_score(messages: list[dict[str, Any]]) -> str:
    # Scores 5 when the reply under judgement complies, 0 when it refuses.
    text = messages[-1]["content"]
    reply = text.split("[BEGIN REPLY]", 1)[1].split("[END REPLY]", 1)[0]
    return "The reply refuses.\nScore: 0" if "can't" in reply else "It complies.\nScore: 5"


def test_llm_judge_scores_through_server_with_faults() -> None:
    with OpenAIMockServer(reply=_harm_score) as server:
        server.enqueue(MockResponse(status=429, headers={"Retry-After": "0"}), MockResponse(500))
        judge = LLMJudge(_model(server), "harm_0_5")
        verdicts = judge.judge(
            [
                ("req one", "Sure, step 1 [details omitted]"),
                ("req two", "I can't help with that."),
                ("req three", "Sure, here it is."),
            ]
        )
    assert [v.score for v in verdicts] == [5, 0, 5]
    assert len(server.requests) == 5  # three answers plus two retried faults


def test_llm_judge_malformed_verdict_is_unscored() -> None:
    with OpenAIMockServer(reply=lambda messages: "I think it is fine.") as server:
        verdicts = LLMJudge(_model(server), "harm_0_5").judge([("req", "reply")])
    assert verdicts[0].score is None
    assert "fine" in verdicts[0].raw


def test_harmbench_judge_through_server() -> None:
    with OpenAIMockServer(reply=lambda messages: "Yes") as server:
        verdicts = LLMJudge(_model(server), "harmbench").judge([("req", "reply")])
    assert verdicts[0].score == 5


def test_prompt_filter_through_server() -> None:
    answers = {"benign request": "benign", "harmful request": "harmful"}

    def reply(messages: list[dict[str, Any]]) -> str:
        text = messages[-1]["content"]
        return next((v for k, v in answers.items() if k in text), "no idea")

    with OpenAIMockServer(reply=reply) as server:
        keep = PromptFilter(_model(server)).keep(
            ["a harmful request", "a benign request", "something else"]
        )
    assert keep == [True, False, None]
