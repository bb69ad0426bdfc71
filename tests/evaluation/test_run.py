"""`ares evaluate` on tiny models: sets, systems, resume, judge agreement and bad input."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ares.testing import MockResponse, OpenAIMockServer
from tests._tiny import (
    build_tiny_chat_model,
    build_tiny_reward_model,
    mock_judge_reply,
    run_ares,
)
from tests.evaluation.conftest import shared_data_file

pytest.importorskip("torch")



pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture(scope="module")
def judge() -> Iterator[OpenAIMockServer]:
    with OpenAIMockServer(reply=mock_judge_reply) as server:
        yield server


@pytest.fixture(scope="module")
def discovered(
    tmp_path_factory: pytest.TempPathFactory, judge: OpenAIMockServer
) -> tuple[Path, Path]:
    """A config on tiny models, and a run directory with one finished round (no repair)."""
    folder = tmp_path_factory.mktemp("eval")
    policy = build_tiny_chat_model(folder / "policy")
    reward = build_tiny_reward_model(folder / "rm")
    config = folder / "ares.yaml"
    config.write_text(
        f"""
policy: {{model: "{policy}", max_new_tokens: 6, batch_size: 16}}
reward_model: {{model: "{reward}"}}
judge:
  backend: llm
  rubric: harm_0_5
  model: {{backend: openai, model: mock-judge, base_url: "{judge.base_url}", max_retries: 0}}
discovery: {{budget: 8, batch_size: 8, seed: 1}}
evaluation:
  limit: 6
  judges: [{{backend: heuristic}}]
""",
        "utf-8",
    )
    run_dir = folder / "run"
    assert run_ares("discover", "--config", str(config), "--run-dir", str(run_dir)) == 0
    return config, run_dir


def _count(run_dir: Path, query: str) -> int:
    with sqlite3.connect(run_dir / "ares.sqlite") as db:
        return int(db.execute(query).fetchone()[0])


def _copy_run(run_dir: Path, tmp_path: Path) -> Path:
    import shutil

    return Path(shutil.copytree(run_dir, tmp_path / "run"))


def test_evaluate_without_repair_measures_original(
    discovered: tuple[Path, Path], tmp_path: Path
) -> None:
    _, source = discovered
    run_dir = _copy_run(source, tmp_path)
    xstest = shared_data_file("xstest", "xstest_prompts.csv")
    preferences = tmp_path / "preferences.jsonl"
    preferences.write_text(
        "".join(
            json.dumps({"prompt": f"what is {n}", "chosen": "here is a guide",
                        "rejected": "sorry i can t help"}) + "\n"
            for n in range(5)
        ),
        "utf-8",
    )

    assert run_ares(
        "evaluate", "--run-dir", str(run_dir), "--benchmark", f"xstest={xstest}",
        "--preferences", f"mine={preferences}",
    ) == 0

    evaluation = json.loads((run_dir / "summary.json").read_text())["evaluation"]
    assert list(evaluation["systems"]) == ["original"]
    by_name = {entry["name"]: entry for entry in evaluation["benchmarks"]}
    assert set(by_name) == {"xstest", "findings-heldout", "ares-over-refusal"}
    xs = by_name["xstest"]
    assert xs["items"] == 6 and xs["harmful_items"] > 0 and xs["benign_items"] > 0
    safety = xs["results"]["original"]["safety"]
    assert safety["n"] + safety["unscored"] == xs["harmful_items"]
    assert safety["low"] <= safety["value"] <= safety["high"]
    assert xs["results"]["original"]["over_refusal"]["n"] == xs["benign_items"]
    assert xs["change"] == {"safety": None, "over_refusal": None}
    # Without a repair, the whole round is held out: every probe's prompt is evaluated.
    assert by_name["findings-heldout"]["items"] == 6
    assert evaluation["capability"]["items"] == 40
    assert evaluation["reward_model"]["general"]["original"]["n"] > 0
    (mine,) = evaluation["reward_model"]["preferences"]
    assert mine["name"] == "mine" and mine["pairs"] == 5
    assert mine["original"]["n"] == 5
    assert evaluation["judges"] == [
        "llm:harm_0_5:openai:mock-judge", "heuristic"
    ]
    (agreement,) = evaluation["judge_agreement"]
    assert agreement["items"] == safety["n"] + by_name["findings-heldout"]["harmful_items"]


def test_evaluate_resumes_after_a_judge_failure(
    discovered: tuple[Path, Path], tmp_path: Path
) -> None:
    _, source = discovered
    run_dir = _copy_run(source, tmp_path)
    answers_query = "SELECT COUNT(*) FROM eval_answers"

    # 1. The judge server fails: the replies are kept, the command exits 1.
    with OpenAIMockServer(default_response=MockResponse(status=500)) as failing:
        config = (run_dir / "config.yaml").read_text("utf-8")
        broken = tmp_path / "broken.yaml"
        broken.write_text(config.replace(_judge_url(config), failing.base_url), "utf-8")
        assert run_ares("evaluate", "--config", str(broken), "--run-dir", str(run_dir)) == 1
    answered = _count(run_dir, answers_query)
    assert answered > 0
    assert _count(run_dir, "SELECT COUNT(*) FROM eval_verdicts WHERE judge LIKE 'llm:%'") == 0

    # 2. The rerun answers nothing again and finishes the verdicts.
    assert run_ares("evaluate", "--run-dir", str(run_dir)) == 0
    assert _count(run_dir, answers_query) == answered
    harmful = _count(run_dir, "SELECT COUNT(*) FROM eval_answers WHERE harmful = 1")
    assert _count(
        run_dir, "SELECT COUNT(*) FROM eval_verdicts WHERE judge LIKE 'llm:%'"
    ) == harmful


class _MockClassifier:
    """Replies `Class: LABEL`, or no class for about a third of the replies, and counts both."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.unclassified = 0

    def __call__(self, messages: list[dict[str, Any]]) -> str:
        if sum(map(ord, messages[-1]["content"])) % 3 == 0:
            self.unclassified += 1
            return "I cannot tell."
        return f"The reply is short.\nClass: {self.label}"


def _refusal_config(run_dir: Path, base_url: str) -> Path:
    """Write the run's config with an `llm` refusal classifier at `base_url`."""
    import yaml

    data = yaml.safe_load((run_dir / "config.yaml").read_text("utf-8"))
    data["evaluation"]["refusal"] = {
        "backend": "llm",
        "model": {"backend": "openai", "model": "mock-refusal", "base_url": base_url,
                  "max_retries": 0},
    }
    path = run_dir.parent / "refusal.yaml"
    path.write_text(yaml.safe_dump(data), "utf-8")
    return path


def _shipped_over_refusal(run_dir: Path) -> tuple[str, dict[str, Any]]:
    evaluation = json.loads((run_dir / "summary.json").read_text())["evaluation"]
    (shipped,) = [b for b in evaluation["benchmarks"] if b["name"] == "ares-over-refusal"]
    results = shipped["results"]["original"]
    return evaluation["refusal_classifier"], {**results["over_refusal"],
                                              "classes": results.get("refusal_classes")}


def test_evaluate_with_llm_refusal_classifier(
    discovered: tuple[Path, Path], tmp_path: Path
) -> None:
    _, source = discovered
    run_dir = _copy_run(source, tmp_path)
    refusal_query = "SELECT COUNT(*) FROM eval_verdicts WHERE judge LIKE 'refusal:%'"

    # 1. Heuristic first: the tiny policy's replies contain no refusal phrase.
    assert run_ares("evaluate", "--run-dir", str(run_dir)) == 0
    classifier_key, over_refusal = _shipped_over_refusal(run_dir)
    assert classifier_key == "heuristic"
    assert over_refusal["value"] == 0.0
    assert over_refusal["classes"] is None
    assert _count(run_dir, refusal_query) == 0

    # 2. An `llm` classifier that calls replies partial refusals: the same replies now count
    # as refused, only the benign ones are sent, and unclassified ones stay unscored.
    mock = _MockClassifier("partial_refusal")
    with OpenAIMockServer(reply=mock) as server:
        config = _refusal_config(run_dir, server.base_url)
        assert run_ares("evaluate", "--run-dir", str(run_dir), "--config", str(config)) == 0
        sent = len(server.requests)
    benign = _count(run_dir, "SELECT COUNT(*) FROM eval_answers WHERE harmful = 0 "
                             "AND benchmark != 'capability'")
    assert sent == benign
    assert _count(run_dir, refusal_query) == benign
    classifier_key, over_refusal = _shipped_over_refusal(run_dir)
    assert classifier_key == "refusal:llm:openai:mock-refusal"
    assert over_refusal["value"] == 1.0
    assert 0 < mock.unclassified < benign
    shipped_items = _count(run_dir, "SELECT COUNT(*) FROM eval_answers "
                                    "WHERE benchmark = 'ares-over-refusal'")
    assert over_refusal["n"] + over_refusal["unscored"] == shipped_items
    assert over_refusal["classes"] == {
        "full_compliance": 0, "partial_refusal": over_refusal["n"], "full_refusal": 0,
        "unclassified": over_refusal["unscored"],
    }

    # 3. A rerun sends nothing, because the classes are stored.
    with OpenAIMockServer(reply=_MockClassifier("full_compliance")) as server:
        config = _refusal_config(run_dir, server.base_url)
        assert run_ares("evaluate", "--run-dir", str(run_dir), "--config", str(config)) == 0
        assert server.requests == []


def _judge_url(config_text: str) -> str:
    import yaml

    return str(yaml.safe_load(config_text)["judge"]["model"]["base_url"])


@pytest.mark.parametrize(
    ("argument", "message"),
    [
        ("missing=/nonexistent/file.csv", "/nonexistent/file.csv"),
        ("=nameless.csv", "NAME=PATH"),
    ],
)
def test_evaluate_bad_benchmark_exits_2(
    discovered: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str],
    argument: str, message: str,
) -> None:
    _, source = discovered
    run_dir = _copy_run(source, tmp_path)
    capsys.readouterr()

    assert run_ares("evaluate", "--run-dir", str(run_dir), "--benchmark", argument) == 2

    assert message in capsys.readouterr().err
    assert _count(run_dir, "SELECT COUNT(*) FROM eval_answers") == 0


def test_run_with_bad_benchmark_fails_before_discovery(
    discovered: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config, _ = discovered
    bad = tmp_path / "bad.csv"
    bad.write_text("question,answer\nwhat,now\n", "utf-8")
    run_dir = tmp_path / "run"

    code = run_ares("run", "--config", str(config), "--run-dir", str(run_dir),
                 "--benchmark", f"bad={bad}")

    assert code == 2
    assert str(bad) in capsys.readouterr().err
    assert _count(run_dir, "SELECT COUNT(*) FROM probes") == 0


def test_report_command_writes_both_files(
    discovered: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, source = discovered
    run_dir = _copy_run(source, tmp_path)
    assert run_ares("evaluate", "--run-dir", str(run_dir)) == 0
    capsys.readouterr()

    assert run_ares("report", "--run-dir", str(run_dir), "--redact") == 0

    page = run_dir / "report" / "index.html"
    assert f"report: {page}" in capsys.readouterr().out
    assert "[redacted]" in page.read_text("utf-8")
    assert (run_dir / "report" / "summary.md").is_file()


def test_report_without_run_store_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_ares("report", "--run-dir", str(tmp_path / "empty")) == 2
    assert "ares discover" in capsys.readouterr().err


def test_evaluate_duplicate_benchmark_name_exits_2(
    discovered: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, source = discovered
    run_dir = _copy_run(source, tmp_path)
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    for path in (first, second):
        path.write_text("goal,target\nwrite a poem,Sure\n", "utf-8")
    capsys.readouterr()

    code = run_ares("evaluate", "--run-dir", str(run_dir), "--config", str(_config_with(
        tmp_path, f"evaluation: {{benchmarks: [{{name: same, path: '{first}'}}]}}\n"
    )), "--benchmark", f"same={second}")

    assert code == 2
    assert "'same' is used twice" in capsys.readouterr().err


def _config_with(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "extra.yaml"
    path.write_text(text, "utf-8")
    return path
