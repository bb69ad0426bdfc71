from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ares.config import AresConfig, default_config_text, load_config, starter_config_text
from ares.errors import ConfigError


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "ares.yaml"
    path.write_text(text, "utf-8")
    return path


def test_default_config_is_the_embedded_default() -> None:
    config = load_config()
    assert config.policy.model == "ares:smollm2-135m-instruct"
    assert config.reward_model.model == "ares:minilm-rm"
    assert config.judge.backend == "heuristic"
    assert config.mentor.backend == "template"
    assert config.discovery.budget == 200


def test_partial_file_keeps_other_defaults(tmp_path: Path) -> None:
    path = _write(tmp_path, "discovery:\n  budget: 12\nsampler:\n  alpha: 0.5\n")
    config = load_config(path)
    assert config.discovery.budget == 12
    assert config.discovery.seed == 0
    assert config.sampler.alpha == 0.5
    assert config.sampler.beta == 0.2
    assert config.policy.model == "ares:smollm2-135m-instruct"


def test_overrides_win_over_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "discovery:\n  budget: 12\n")
    config = load_config(path, {"discovery": {"budget": 40, "seed": 9}})
    assert config.discovery.budget == 40
    assert config.discovery.seed == 9


def test_invalid_value_names_field_value_and_help(tmp_path: Path) -> None:
    path = _write(tmp_path, "discovery:\n  budget: -5\n")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    message = str(error.value)
    assert str(path) in message
    assert "discovery.budget = -5" in message
    assert "greater than or equal to 1" in message
    assert "Probes per round" in message


def test_unknown_key_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "sampler:\n  alpah: 0.3\n")
    with pytest.raises(ConfigError, match=r"sampler\.alpah: unknown key"):
        load_config(path)


def test_secret_in_config_is_rejected_with_hint(tmp_path: Path) -> None:
    path = _write(tmp_path, "policy:\n  api_key: sk-not-a-real-key\n")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert "api_key_env" in str(error.value)
    assert "sk-not-a-real-key" not in str(error.value)


def test_openai_backend_needs_base_url(tmp_path: Path) -> None:
    path = _write(tmp_path, "policy:\n  backend: openai\n  model: m\n")
    with pytest.raises(ConfigError, match="base_url is missing"):
        load_config(path)


def test_llm_judge_needs_model(tmp_path: Path) -> None:
    path = _write(tmp_path, "judge:\n  backend: llm\n")
    with pytest.raises(ConfigError, match="model is missing"):
        load_config(path)


def test_bad_enum_lists_choices(tmp_path: Path) -> None:
    path = _write(tmp_path, "sampler:\n  strategy: greedy\n")
    with pytest.raises(ConfigError, match="'adaptive' or 'uniform'"):
        load_config(path)


def test_invalid_yaml(tmp_path: Path) -> None:
    path = _write(tmp_path, "discovery: [budget: 1\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(path)


def test_not_a_mapping(tmp_path: Path) -> None:
    path = _write(tmp_path, "- policy\n- judge\n")
    with pytest.raises(ConfigError, match="must contain a mapping"):
        load_config(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="ares init"):
        load_config(tmp_path / "absent.yaml")


def test_empty_file_is_the_default(tmp_path: Path) -> None:
    assert load_config(_write(tmp_path, "")) == load_config()


def test_component_files_resolve_against_config_folder(tmp_path: Path) -> None:
    path = _write(tmp_path, "components:\n  files: [mine.yaml]\n")
    assert load_config(path).components.files == [tmp_path / "mine.yaml"]


def test_starter_config_parses_to_defaults() -> None:
    data = yaml.safe_load(starter_config_text())
    assert AresConfig.model_validate(data) == AresConfig()


def test_starter_config_documents_every_section() -> None:
    text = starter_config_text()
    for section in AresConfig.model_fields:
        assert f"\n{section}:\n" in text
    assert "# model:" in text  # the optional judge model is shown commented out


def test_default_yaml_only_sets_known_keys() -> None:
    data = yaml.safe_load(default_config_text())
    AresConfig.model_validate(data)


def test_shipped_examples_are_valid_configs() -> None:
    examples = Path(__file__).parents[2] / "examples"
    config = load_config(examples / "reference.yaml")
    assert config.policy.model == "Qwen/Qwen3-1.7B"
    assert config.repair.accelerate_config is not None
    assert Path(config.repair.accelerate_config).is_file()
    assert config.repair.policy.vllm.enabled
