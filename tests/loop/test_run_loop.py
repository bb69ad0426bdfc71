"""`ares run` and `ares repair` on tiny models: the loop, its summary, resume and refusals."""

from __future__ import annotations

import importlib.util
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from ares.repair import round_seed
from ares.testing import OpenAIMockServer
from tests._tiny import (
    build_tiny_chat_model,
    build_tiny_reward_model,
    mock_judge_reply,
    run_ares,
)
from tests.evaluation.conftest import available_run_benchmarks

pytest.importorskip("trl")
pytest.importorskip("torch")

BUDGET = 12



pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("models")
    return (
        build_tiny_chat_model(folder / "policy"),
        build_tiny_reward_model(folder / "rm"),
    )


@pytest.fixture(scope="module")
def judge() -> Iterator[OpenAIMockServer]:
    with OpenAIMockServer(reply=mock_judge_reply) as server:
        yield server


@pytest.fixture
def config(tmp_path: Path, models: tuple[Path, Path], judge: OpenAIMockServer) -> Path:
    policy, reward = models
    path = tmp_path / "ares.yaml"
    path.write_text(
        f"""
policy: {{model: "{policy}", max_new_tokens: 8}}
reward_model: {{model: "{reward}"}}
judge:
  backend: llm
  rubric: harm_0_5
  model: {{backend: openai, model: mock-judge, base_url: "{judge.base_url}", max_retries: 0}}
discovery: {{budget: {BUDGET}, batch_size: 6, seed: 3}}
sampler: {{warmup: 6}}
repair:
  reward: {{epochs: 1, batch_size: 4, frozen_layers: 0}}
  policy:
    steps: 2
    batch_size: 4
    group_size: 2
    max_new_tokens: 4
    learning_rate: 0.01
    lora: {{r: 4, alpha: 8, dropout: 0.0, top_layers: null}}
    warm_start: {{epochs: 1, batch_size: 4}}
evaluation: {{limit: 4}}
""",
        "utf-8",
    )
    return path


def _rows(run_dir: Path, query: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(run_dir / "ares.sqlite") as db:
        return db.execute(query).fetchall()


def test_run_discovers_repairs_and_discovers_again(
    config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_dir = tmp_path / "run"
    benchmarks = available_run_benchmarks()  # checked below when the files are present
    flags = [arg for name, path in benchmarks.items() for arg in ("--benchmark", f"{name}={path}")]

    assert run_ares("run", "--config", str(config), "--run-dir", str(run_dir), *flags) == 0

    summary = json.loads((run_dir / "summary.json").read_text())
    assert [entry["round"] for entry in summary["rounds"]] == [1, 2]
    assert all(entry["probes"] == BUDGET for entry in summary["rounds"])
    assert "repeated_training_prompts" in summary["rounds"][1]
    reward, policy = summary["repair"]["reward"], summary["repair"]["policy"]
    for key in ("heldout_accuracy", "heldout_policy_accuracy", "general_accuracy"):
        assert f"{key}_before" in reward and f"{key}_after" in reward
    assert 0.0 <= reward["general_accuracy_after"] <= 1.0
    assert policy["method"] == "grpo" and policy["steps"] == 2
    for key in ("mean_reward_before", "mean_reward_after", "kl"):
        assert key in policy
    assert "training_prompt_hashes" not in json.dumps(summary)  # kept in the store only

    # Both checkpoints are Hugging Face folders, and round 2 ran against them with a new seed.
    reward_dir = run_dir / "checkpoints" / "round-1" / "reward"
    policy_dir = run_dir / "checkpoints" / "round-1" / "policy" / "model"
    assert (reward_dir / "model.safetensors").is_file()
    assert (policy_dir / "model.safetensors").is_file()
    rounds = _rows(run_dir, "SELECT round, seed, policy_model, reward_model FROM rounds")
    assert rounds[0][1] == 3 and rounds[1][1] == round_seed(3, 2)
    assert str(policy_dir) in rounds[1][2] and str(reward_dir) in rounds[1][3]

    # The run ends with an evaluation of both systems on every benchmark, and a report.
    evaluation = summary["evaluation"]
    assert list(evaluation["systems"]) == ["original", "repaired"]
    assert evaluation["systems"]["repaired"]["policy"].endswith("round-1/policy/model")
    by_name = {entry["name"]: entry for entry in evaluation["benchmarks"]}
    assert set(benchmarks) < set(by_name)
    for name in benchmarks:
        entry = by_name[name]
        assert entry["items"] == 4
        for system in ("original", "repaired"):
            safety = entry["results"][system]["safety"]
            assert safety["n"] + safety["unscored"] == entry["harmful_items"]
        assert entry["change"]["safety"]["n"] <= entry["harmful_items"]
    assert "repaired" in evaluation["capability"]["results"]
    report = run_dir / "report" / "index.html"
    assert report.is_file()
    assert (run_dir / "report" / "summary.md").is_file()
    assert f"report: {report}" in capsys.readouterr().out.replace("\n", "")

    # Rerunning a finished loop trains nothing again, also after the folder has moved.
    finished = _rows(run_dir, "SELECT name, finished_at FROM stages ORDER BY name")
    moved = run_dir.rename(tmp_path / "moved")
    assert run_ares("run", "--run-dir", str(moved)) == 0
    assert _rows(moved, "SELECT name, finished_at FROM stages ORDER BY name") == finished


def test_run_resumes_after_a_crash_between_stages(
    config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ares.loop._loop as loop

    run_dir = tmp_path / "run"

    def crash(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt  # as if the process died after stage 1 finished

    real_policy_stage = loop.run_policy_stage
    monkeypatch.setattr(loop, "run_policy_stage", crash)
    assert run_ares("run", "--config", str(config), "--run-dir", str(run_dir)) == 130
    stages = _rows(run_dir, "SELECT name, status, finished_at FROM stages")
    assert [(name, status) for name, status, _ in stages] == [("reward:1", "finished")]

    monkeypatch.setattr(loop, "run_policy_stage", real_policy_stage)
    assert run_ares("run", "--run-dir", str(run_dir)) == 0  # resumes with the stored config

    after = {name: (status, done) for name, status, done in
             _rows(run_dir, "SELECT name, status, finished_at FROM stages")}
    assert after["reward:1"] == ("finished", stages[0][2])  # not trained again
    assert after["policy:1"][0] == "finished"
    assert _rows(run_dir, "SELECT round, COUNT(*) FROM probes GROUP BY round") == [
        (1, BUDGET), (2, BUDGET)
    ]


def test_policy_repair_needs_a_repaired_reward_model(
    config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_dir = tmp_path / "run"
    assert run_ares("discover", "--config", str(config), "--run-dir", str(run_dir)) == 0
    capsys.readouterr()

    assert run_ares("repair", "--run-dir", str(run_dir), "--stage", "policy") == 2
    assert "--allow-unrepaired-rm" in capsys.readouterr().err
    assert _rows(run_dir, "SELECT COUNT(*) FROM stages") == [(0,)]

    assert run_ares(
        "repair", "--run-dir", str(run_dir), "--stage", "policy", "--allow-unrepaired-rm"
    ) == 0
    summary = json.loads((run_dir / "summary.json").read_text())
    assert summary["repair"]["policy"]["reward_model_repaired"] is False


def test_repair_before_any_round_exits_2(
    config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_ares("repair", "--config", str(config), "--run-dir", str(tmp_path / "none")) == 2
    assert "ares discover" in capsys.readouterr().err


def _launch_repair(
    run_dir: Path, *launch_args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `ares repair` under `accelerate launch` with two CPU processes."""
    return subprocess.run(
        [sys.executable, "-m", "accelerate.commands.launch", *launch_args,
         "-m", "ares", "repair", "--run-dir", str(run_dir)],
        capture_output=True, text=True, timeout=900, check=False,
        env={**os.environ, "OMP_NUM_THREADS": "1", "NO_COLOR": "1", **(env or {})},
    )


def test_repair_under_accelerate_launch_with_two_processes(config: Path, tmp_path: Path) -> None:
    """Both processes train; only the main one writes checkpoints, results and output."""
    run_dir = tmp_path / "run"
    assert run_ares("discover", "--config", str(config), "--run-dir", str(run_dir)) == 0
    # `--multi_gpu` starts the processes with torchrun; without a GPU they train with gloo.
    # (`--cpu` would start a single process unless MPI is set up.)
    launched = _launch_repair(
        run_dir, "--multi_gpu", "--num_processes", "2", "--num_machines", "1",
        "--mixed_precision", "no", "--dynamo_backend", "no",
    )
    assert launched.returncode == 0, launched.stderr[-3000:]
    assert launched.stdout.count("training in 2 processes") == 1
    assert launched.stdout.count("reward model repaired after round 1") == 1
    stages = _rows(run_dir, "SELECT name, status FROM stages ORDER BY name")
    assert stages == [("policy:1", "finished"), ("reward:1", "finished")]
    policy = run_dir / "checkpoints" / "round-1" / "policy" / "model"
    assert (policy / "model.safetensors").is_file()


def _require_deepspeed() -> None:
    """Skip without DeepSpeed, unless `make test` (ARES_REQUIRE_DEEPSPEED=1) installed it."""
    if importlib.util.find_spec("deepspeed") is not None:
        return
    if os.environ.get("ARES_REQUIRE_DEEPSPEED") == "1":
        pytest.fail("DeepSpeed is not installed, but ARES_REQUIRE_DEEPSPEED=1 requires it")
    pytest.skip("DeepSpeed is not installed")


def _zero3_launch_config(folder: Path, *, gather: bool) -> Path:
    """Write an accelerate config for DeepSpeed ZeRO-3 with two CPU processes.

    DeepSpeed keeps parameters under `stage3_param_persistence_threshold` elements whole on
    every process; 0 makes it shard even the tiny test models, as it shards a real model.
    """
    deepspeed = {
        "zero_optimization": {
            "stage": 3,
            "stage3_param_persistence_threshold": 0,
            "stage3_gather_16bit_weights_on_model_save": gather,
        },
        "train_micro_batch_size_per_gpu": "auto",
        "train_batch_size": "auto",
        "gradient_accumulation_steps": "auto",
        "gradient_clipping": "auto",
    }
    (folder / "zero3.json").write_text(json.dumps(deepspeed), "utf-8")
    path = folder / "accelerate-zero3.yaml"
    path.write_text(
        f"""
compute_environment: LOCAL_MACHINE
distributed_type: DEEPSPEED
deepspeed_config:
  deepspeed_config_file: {folder / "zero3.json"}
  zero3_init_flag: false
machine_rank: 0
num_machines: 1
num_processes: 2
use_cpu: true
rdzv_backend: static
same_network: true
""",
        "utf-8",
    )
    return path


def _tensors(path: Path) -> dict[str, Any]:
    from safetensors.torch import load_file

    return load_file(str(path))


def _assert_checkpoints_whole_and_trained(run_dir: Path, models: tuple[Path, Path]) -> None:
    """Check round 1's reward and policy checkpoints against the models they started from."""
    policy, reward = models
    checkpoints = run_dir / "checkpoints" / "round-1"
    _assert_whole_and_trained(
        _tensors(checkpoints / "reward" / "model.safetensors"),
        _tensors(reward / "model.safetensors"),
    )
    _assert_whole_and_trained(
        _tensors(checkpoints / "policy" / "model" / "model.safetensors"),
        _tensors(policy / "model.safetensors"),
    )


def _assert_whole_and_trained(saved: dict[str, Any], base: dict[str, Any]) -> None:
    assert sorted(saved) == sorted(base)
    assert {name: tuple(t.shape) for name, t in saved.items()} == {
        name: tuple(t.shape) for name, t in base.items()
    }
    changed = [name for name in base if not saved[name].float().equal(base[name].float())]
    assert changed


def test_repair_under_deepspeed_zero3_saves_whole_weights(
    config: Path, models: tuple[Path, Path], tmp_path: Path
) -> None:
    """Each process has only a shard of every weight, but the checkpoints must be whole."""
    _require_deepspeed()
    run_dir = tmp_path / "run"
    assert run_ares("discover", "--config", str(config), "--run-dir", str(run_dir)) == 0
    launched = _launch_repair(
        run_dir, "--config_file", str(_zero3_launch_config(tmp_path, gather=True))
    )
    assert launched.returncode == 0, launched.stderr[-3000:]

    _assert_checkpoints_whole_and_trained(run_dir, models)
    summary = json.loads((run_dir / "summary.json").read_text())
    assert summary["repair"]["reward"]["general_accuracy_after"] is not None
    assert summary["repair"]["policy"]["mean_reward_after"] is not None


def test_repair_under_shipped_zero2_config(
    config: Path, models: tuple[Path, Path], tmp_path: Path
) -> None:
    """The shipped ZeRO-2 example, moved to two CPU processes in float32, trains and saves."""
    _require_deepspeed()
    import yaml

    shipped = Path(__file__).parents[2] / "examples" / "accelerate" / "deepspeed_zero2.yaml"
    launch_config = yaml.safe_load(shipped.read_text("utf-8"))
    launch_config.update(num_processes=2, use_cpu=True, mixed_precision="no")
    launch_path = tmp_path / "accelerate-zero2.yaml"
    launch_path.write_text(yaml.safe_dump(launch_config), "utf-8")
    run_dir = tmp_path / "run"
    assert run_ares("discover", "--config", str(config), "--run-dir", str(run_dir)) == 0

    launched = _launch_repair(run_dir, "--config_file", str(launch_path))

    assert launched.returncode == 0, launched.stderr[-3000:]
    _assert_checkpoints_whole_and_trained(run_dir, models)


def test_zero3_without_gathering_stops_before_training(config: Path, tmp_path: Path) -> None:
    _require_deepspeed()
    run_dir = tmp_path / "run"
    assert run_ares("discover", "--config", str(config), "--run-dir", str(run_dir)) == 0
    launched = _launch_repair(
        run_dir, "--config_file", str(_zero3_launch_config(tmp_path, gather=False))
    )

    # Each process exits with 2, the code of a user error, before the first training step.
    assert launched.returncode != 0
    assert "exitcode: 2" in launched.stderr
    assert "error (process 0 of 2):" in launched.stderr
    assert "error (process 1 of 2):" in launched.stderr
    assert "zero3_save_16bit_model: true" in " ".join(launched.stderr.split())
    assert _rows(run_dir, "SELECT name, status FROM stages") == [("reward:1", "running")]
    assert not (run_dir / "checkpoints" / "round-1" / "reward").exists()


def _ddp_launch_config(folder: Path) -> Path:
    """Write an accelerate config for DDP with two processes, which train on the CPU here.

    `MULTI_GPU` starts them with torchrun. `MULTI_CPU` would start one process unless MPI
    is set up.
    """
    path = folder / "accelerate-ddp.yaml"
    path.write_text(
        "compute_environment: LOCAL_MACHINE\ndistributed_type: MULTI_GPU\nnum_processes: 2\n"
        "num_machines: 1\nmachine_rank: 0\nmixed_precision: 'no'\n"
        "rdzv_backend: static\nsame_network: true\n",
        "utf-8",
    )
    return path


def test_run_launches_repair_with_accelerate(
    config: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """`repair.accelerate_config` trains each stage in two processes inside one `ares run`."""
    launch = _ddp_launch_config(tmp_path)
    with_launch = tmp_path / "launch.yaml"
    with_launch.write_text(
        config.read_text("utf-8").replace(
            "repair:\n", f"repair:\n  accelerate_config: {launch.name}\n", 1
        ),
        "utf-8",
    )
    run_dir = tmp_path / "run"

    assert run_ares(
        "run", "--config", str(with_launch), "--run-dir", str(run_dir), "--skip-evaluation"
    ) == 0

    assert capfd.readouterr().out.count("training in 2 processes") == 2  # one per stage
    stages = _rows(run_dir, "SELECT name, status FROM stages ORDER BY name")
    assert stages == [("policy:1", "finished"), ("reward:1", "finished")]
    rounds = _rows(run_dir, "SELECT round, status FROM rounds ORDER BY round")
    assert rounds == [(1, "finished"), (2, "finished")]
    summary = json.loads((run_dir / "summary.json").read_text())
    assert summary["repair"]["policy"]["mean_reward_after"] is not None
    stored = yaml.safe_load((run_dir / "config.yaml").read_text("utf-8"))
    assert stored["repair"]["accelerate_config"] == str(launch)


def test_run_with_missing_accelerate_config_exits_2(
    config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        config.read_text("utf-8").replace(
            "repair:\n", "repair:\n  accelerate_config: absent.yaml\n", 1
        ),
        "utf-8",
    )
    run_dir = tmp_path / "run"

    assert run_ares("run", "--config", str(broken), "--run-dir", str(run_dir)) == 2

    assert "absent.yaml" in capsys.readouterr().err
    assert _rows(run_dir, "SELECT COUNT(*) FROM probes") == [(0,)]


def test_run_refuses_several_processes(
    config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("WORLD_SIZE", "2")
    assert run_ares("run", "--config", str(config), "--run-dir", str(tmp_path / "run")) == 2
    assert "ares repair" in capsys.readouterr().err
