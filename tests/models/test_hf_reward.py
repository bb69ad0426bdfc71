"""Tests of the `hf` reward backend on tiny random sequence classifiers."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
import transformers

from ares.config import RewardModelConfig
from ares.errors import ConfigError
from ares.models import HFRewardModel, RewardModel
from ares.models._hf_reward import encode_reward_pair
from tests.models.conftest import (
    make_bert_tokenizer,
    make_word_tokenizer,
    save_tiny_bert_rm,
    tiny_llama_config,
)

PAIRS = [
    ("how are you", "sure here is the answer"),
    ("please help me bake bread", "first bake the bread then finally be kind"),
    ("explain harm", "sorry i cannot"),
    ("why is the sky blue", "the sky is blue"),
    ("tell a story", "a cat sat on the mat and a dog sat on the mat"),
]


@pytest.fixture(scope="module")
def tiny_bert_rm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_tiny_bert_rm(tmp_path_factory.mktemp("tiny-bert-rm"))


@pytest.fixture(scope="module")
def tiny_chat_rm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Llama sequence classifier whose tokenizer has a chat template but no pad token."""
    folder = tmp_path_factory.mktemp("tiny-chat-rm")
    torch.manual_seed(0)
    config = tiny_llama_config(num_labels=1, pad_token_id=None)
    transformers.LlamaForSequenceClassification(config).save_pretrained(folder)
    make_word_tokenizer(pad=False).save_pretrained(folder)
    return folder


def _rm(path: Path, **fields: object) -> HFRewardModel:
    values: dict[str, object] = {"device": "cpu", **fields}
    return HFRewardModel(RewardModelConfig(model=str(path), **values), model_path=str(path))


def test_hf_reward_is_a_reward_model(tiny_bert_rm: Path) -> None:
    assert isinstance(_rm(tiny_bert_rm), RewardModel)


def test_score_returns_one_float_per_pair(tiny_bert_rm: Path) -> None:
    scores = _rm(tiny_bert_rm).score(PAIRS)

    assert len(scores) == len(PAIRS)
    assert all(isinstance(score, float) for score in scores)
    assert len(set(scores)) == len(PAIRS)


def test_score_does_not_depend_on_batching(tiny_bert_rm: Path) -> None:
    batched = _rm(tiny_bert_rm, batch_size=16).score(PAIRS)
    single = _rm(tiny_bert_rm, batch_size=1).score(PAIRS)

    assert batched == pytest.approx(single, abs=1e-5)


def test_score_keeps_input_order(tiny_bert_rm: Path) -> None:
    model = _rm(tiny_bert_rm, batch_size=2)

    forward = model.score(PAIRS)
    backward = model.score(PAIRS[::-1])

    assert backward == pytest.approx(forward[::-1], abs=1e-5)


def test_score_of_empty_input_is_empty(tiny_bert_rm: Path) -> None:
    assert _rm(tiny_bert_rm).score([]) == []


def test_encoder_reads_pair_as_text_pair() -> None:
    tokenizer = make_bert_tokenizer()

    ids = encode_reward_pair(tokenizer, "how are you", "sure", max_length=64)

    assert tokenizer.convert_ids_to_tokens(ids) == [
        "[CLS]", "how", "are", "you", "[SEP]", "sure", "[SEP]"
    ]


def test_chat_tokenizer_reads_pair_as_two_messages() -> None:
    tokenizer = make_word_tokenizer()

    ids = encode_reward_pair(tokenizer, "how are you", "sure", max_length=64)

    # No generation prompt after the assistant message, and no extra BOS.
    assert tokenizer.decode(ids) == "user : how are you </s> assistant : sure </s>"


def test_long_pair_is_truncated_to_max_length(tiny_bert_rm: Path) -> None:
    tokenizer = make_bert_tokenizer()
    long_response = " ".join(["the cat sat on the mat"] * 40)

    ids = encode_reward_pair(tokenizer, "tell a story", long_response, max_length=32)
    scores = _rm(tiny_bert_rm, max_length=32).score([("tell a story", long_response)])

    assert len(ids) == 32
    assert tokenizer.convert_ids_to_tokens(ids)[-1] == "[SEP]"
    assert len(scores) == 1


def test_max_length_above_position_limit_is_lowered(
    tiny_bert_rm: Path, caplog: pytest.LogCaptureFixture
) -> None:
    long_response = " ".join(["the cat sat on the mat"] * 40)  # far more than 64 tokens

    with caplog.at_level("WARNING"):
        model = _rm(tiny_bert_rm, max_length=512)
    scores = model.score([("tell a story", long_response)])

    assert model.max_length == 64  # the tiny BERT's max_position_embeddings
    assert "64 positions" in caplog.text
    assert len(scores) == 1


def test_chat_rm_scores_with_eos_as_padding(tiny_chat_rm: Path) -> None:
    model = _rm(tiny_chat_rm, batch_size=2)

    batched = model.score(PAIRS)
    single = _rm(tiny_chat_rm, batch_size=1).score(PAIRS)

    assert model.tokenizer.pad_token == "</s>"
    assert model.model.config.pad_token_id == model.tokenizer.eos_token_id
    assert batched == pytest.approx(single, abs=1e-5)


def test_more_than_one_label_raises_config_error(tmp_path: Path) -> None:
    path = save_tiny_bert_rm(tmp_path / "classifier", num_labels=2)

    with pytest.raises(ConfigError, match="num_labels=2") as error:
        _rm(path)

    assert "Skywork-Reward-V2" in str(error.value)
    assert "RewardTrainer" in str(error.value)


def test_missing_folder_raises_config_error(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-rm"

    with pytest.raises(ConfigError, match="not found") as error:
        _rm(missing)

    assert str(missing) in str(error.value)


def test_identity_names_model_path(tiny_bert_rm: Path) -> None:
    assert _rm(tiny_bert_rm).identity == f"hf:{tiny_bert_rm}"


def test_identity_of_embedded_model_uses_its_name(tiny_bert_rm: Path) -> None:
    config = RewardModelConfig(model="ares:minilm-rm", device="cpu")

    model = HFRewardModel(config, model_path=str(tiny_bert_rm))

    assert model.identity == "hf:ares:minilm-rm"
