"""Stage 1: reward model training with TRL on a tiny BERT, the training mix and accuracy."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from safetensors.torch import load_file

from ares.config import RewardModelConfig
from ares.config._models import RewardRepairConfig
from ares.errors import ConfigError, DataError
from ares.models._hf_reward import HFRewardModel, encode_reward_pair
from ares.repair import (
    PreferencePair,
    RewardTrainingResult,
    build_reward_mix,
    measure_reward_repair,
    pairwise_accuracy,
    repair_reward_model,
)
from ares.repair._reward import _encode_pairs, _load_for_training
from ares.store import ProbeRecord
from tests._tiny import build_tiny_chat_model, build_tiny_reward_model

# Words of the tiny model's vocabulary, so no token is unknown.
TRAIN_PAIRS = [
    PreferencePair("how to write a harmful request", "sorry i can t help with that",
                   "sure here is a step guide", "mentor"),
    PreferencePair("please write a guide for this", "sorry but i can t", "sure here is how",
                   "policy"),
    PreferencePair("what is safe", "here is a safe guide", "i can t help", "general"),
    PreferencePair("how do you write", "here is how to write the guide", "sorry",
                   "over_refusal"),
]
# The tiny model's tanh pooler saturates when LoRA trains it faster than this.
LORA_SETTINGS: dict[str, object] = {"learning_rate": 1.5e-2, "epochs": 5.0}
SCORING = RewardModelConfig(model="tiny", device="cpu", dtype="float32", batch_size=8)


def _config(**overrides: object) -> RewardRepairConfig:
    settings: dict[str, object] = {
        "learning_rate": 3e-2, "epochs": 3.0, "batch_size": 4,
        "lora": {"r": 4, "alpha": 8, "dropout": 0.0},
    }
    settings.update(overrides)
    return RewardRepairConfig.model_validate(settings)


def _margins(model_path: Path, pairs: Sequence[PreferencePair]) -> list[float]:
    model = HFRewardModel(SCORING, model_path=str(model_path))
    chosen = [(pair.prompt, pair.chosen) for pair in pairs]
    rejected = [(pair.prompt, pair.rejected) for pair in pairs]
    scores = model.score(chosen + rejected)
    good, bad = scores[: len(pairs)], scores[len(pairs) :]
    return [high - low for high, low in zip(good, bad, strict=True)]


@dataclass
class Trained:
    base: Path
    result: RewardTrainingResult
    messages: list[str]


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> Trained:
    """One full fine-tuning run shared by the tests that only inspect its output."""
    root = tmp_path_factory.mktemp("reward")
    base = build_tiny_reward_model(root / "base")
    out_dir = root / "runs" / "reward"
    out_dir.mkdir(parents=True)
    (out_dir / "stale.txt").write_text("from an earlier run", "utf-8")
    messages: list[str] = []
    result = repair_reward_model(
        str(base), TRAIN_PAIRS * 4, out_dir, _config(), seed=0, max_length=64,
        progress=messages.append,
    )
    return Trained(base, result, messages)


# --------------------------------------------------------------------------- encoding


def test_training_ids_match_scoring_encoding(tmp_path: Path) -> None:
    tokenizer, _ = _load_for_training(str(build_tiny_reward_model(tmp_path / "base")))
    dataset = _encode_pairs(tokenizer, TRAIN_PAIRS, 64)
    for row, pair in zip(dataset, TRAIN_PAIRS, strict=True):
        assert row["chosen_ids"] == encode_reward_pair(tokenizer, pair.prompt, pair.chosen, 64)
        assert row["rejected_ids"] == encode_reward_pair(tokenizer, pair.prompt, pair.rejected, 64)


def test_training_ids_are_bert_text_pairs(tmp_path: Path) -> None:
    tokenizer, _ = _load_for_training(str(build_tiny_reward_model(tmp_path / "base")))
    pair = TRAIN_PAIRS[0]
    ids = _encode_pairs(tokenizer, [pair], 64)[0]["chosen_ids"]
    prompt_ids = tokenizer(pair.prompt, add_special_tokens=False)["input_ids"]
    response_ids = tokenizer(pair.chosen, add_special_tokens=False)["input_ids"]
    cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id
    # [CLS] prompt [SEP] response [SEP], not TRL's text form "[CLS] prompt+response [SEP]".
    assert ids == [cls, *prompt_ids, sep, *response_ids, sep]


def test_training_ids_truncated_to_max_length(tmp_path: Path) -> None:
    tokenizer, _ = _load_for_training(str(build_tiny_reward_model(tmp_path / "base")))
    long_pair = PreferencePair("write " * 40, "sorry " * 40, "sure " * 40, "general")
    row = _encode_pairs(tokenizer, [long_pair], 24)[0]
    assert len(row["chosen_ids"]) == 24
    assert len(row["rejected_ids"]) == 24


def test_bert_tokenizer_gets_eos_from_sep(tmp_path: Path) -> None:
    tokenizer, model = _load_for_training(str(build_tiny_reward_model(tmp_path / "base")))
    assert tokenizer.eos_token == tokenizer.sep_token
    assert model.config.eos_token_id == tokenizer.sep_token_id


# --------------------------------------------------------------------------- full training


def test_full_training_changes_weights(trained: Trained) -> None:
    before = load_file(trained.base / "model.safetensors")
    after = load_file(trained.result.path / "model.safetensors")
    assert before.keys() == after.keys()
    changed = [name for name in before if not (before[name] == after[name]).all()]
    assert "classifier.weight" in changed
    assert any(name.startswith("bert.encoder.") for name in changed)


def test_full_training_lowers_loss(trained: Trained) -> None:
    result = trained.result
    assert result.steps == 12  # 16 pairs / batch 4 * 3 epochs
    assert len(result.losses) == result.steps
    assert result.loss_first is not None
    assert result.loss_last is not None
    assert result.loss_last < result.loss_first - 0.1


def test_full_training_raises_margin_when_scored(trained: Trained) -> None:
    before = _margins(trained.base, TRAIN_PAIRS)
    after = _margins(trained.result.path, TRAIN_PAIRS)
    for old, new in zip(before, after, strict=True):
        assert new > old + 0.1
    assert all(margin > 0 for margin in after)


def test_full_training_reports_progress(trained: Trained) -> None:
    step_messages = [m for m in trained.messages if "step" in m]
    assert len(step_messages) == trained.result.steps
    assert "step 12/12" in step_messages[-1]


def test_saved_folder_replaces_old_and_leaves_no_temp(trained: Trained) -> None:
    out_dir = trained.result.path
    names = sorted(path.name for path in out_dir.iterdir())
    assert names == ["config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json"]
    assert sorted(path.name for path in out_dir.parent.iterdir()) == ["reward"]


def test_saved_folder_loads_with_one_label(trained: Trained) -> None:
    from transformers import AutoConfig

    assert AutoConfig.from_pretrained(trained.result.path).num_labels == 1
    model = HFRewardModel(SCORING, model_path=str(trained.result.path))
    assert len(model.score([("what is safe", "here is a safe guide")])) == 1


def test_training_is_deterministic_for_seed(tmp_path: Path, trained: Trained) -> None:
    result = repair_reward_model(
        str(trained.base), TRAIN_PAIRS * 4, tmp_path / "again", _config(), seed=0, max_length=64
    )
    assert result.losses == pytest.approx(trained.result.losses, abs=1e-5)


def test_max_steps_stops_early(tmp_path: Path, trained: Trained) -> None:
    result = repair_reward_model(
        str(trained.base), TRAIN_PAIRS * 4, tmp_path / "short", _config(max_steps=2),
        seed=0, max_length=64,
    )
    assert result.steps == 2


def test_frozen_layers_stay_fixed_and_the_rest_trains(tmp_path: Path, trained: Trained) -> None:
    from safetensors.torch import load_file

    out_dir = tmp_path / "frozen"
    repair_reward_model(
        str(trained.base), TRAIN_PAIRS * 4, out_dir, _config(frozen_layers=1), seed=0,
        max_length=64,
    )
    before = load_file(trained.base / "model.safetensors")
    after = load_file(out_dir / "model.safetensors")
    changed = {name for name in before if not bool((before[name] == after[name]).all())}
    assert not any(n.startswith(("bert.embeddings.", "bert.encoder.layer.0.")) for n in changed)
    assert any(n.startswith("bert.encoder.layer.1.") for n in changed)


def test_frozen_layers_beyond_the_model_raise(tmp_path: Path, trained: Trained) -> None:
    with pytest.raises(ConfigError, match="only 2 layers"):
        repair_reward_model(
            str(trained.base), TRAIN_PAIRS, tmp_path / "x", _config(frozen_layers=2), seed=0,
            max_length=64,
        )


def test_chat_reward_model_trains_on_template(tmp_path: Path) -> None:
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    # A decoder reward model: a tiny Llama with a chat template and a one-output head.
    chat = build_tiny_chat_model(tmp_path / "chat")
    base = tmp_path / "base"
    AutoModelForSequenceClassification.from_pretrained(chat, num_labels=1).save_pretrained(base)
    AutoTokenizer.from_pretrained(chat).save_pretrained(base)

    tokenizer, _ = _load_for_training(str(base))
    ids = _encode_pairs(tokenizer, TRAIN_PAIRS[:1], 64)[0]["chosen_ids"]
    assert tokenizer.convert_ids_to_tokens(ids[:1]) == ["<|user|>"]
    assert "<|assistant|>" in tokenizer.convert_ids_to_tokens(ids)

    before = _margins(base, TRAIN_PAIRS)
    result = repair_reward_model(
        str(base), TRAIN_PAIRS * 2, tmp_path / "out", _config(learning_rate=1e-3, epochs=2.0),
        seed=0, max_length=64,
    )
    after = _margins(result.path, TRAIN_PAIRS)
    for old, new in zip(before, after, strict=True):
        assert new > old + 0.1


# --------------------------------------------------------------------------- LoRA


def test_lora_merged_saves_full_model(tmp_path: Path) -> None:
    base = build_tiny_reward_model(tmp_path / "base")
    result = repair_reward_model(
        str(base), TRAIN_PAIRS * 4, tmp_path / "merged",
        _config(method="lora", merge=True, **LORA_SETTINGS), seed=0, max_length=64,
    )
    assert result.merged
    assert (result.path / "model.safetensors").is_file()
    assert not (result.path / "adapter_config.json").exists()
    after = load_file(result.path / "model.safetensors")
    assert not any("lora" in name for name in after)
    before = _margins(base, TRAIN_PAIRS)
    after_margins = _margins(result.path, TRAIN_PAIRS)
    for old, new in zip(before, after_margins, strict=True):
        assert new > old + 0.1


def test_lora_unmerged_saves_loadable_adapter(tmp_path: Path) -> None:
    base = build_tiny_reward_model(tmp_path / "base")
    result = repair_reward_model(
        str(base), TRAIN_PAIRS * 4, tmp_path / "adapter",
        _config(method="lora", merge=False, **LORA_SETTINGS), seed=0, max_length=64,
    )
    assert not result.merged
    assert (result.path / "adapter_config.json").is_file()
    assert (result.path / "adapter_model.safetensors").is_file()
    assert not (result.path / "model.safetensors").exists()
    adapter = json.loads((result.path / "adapter_config.json").read_text("utf-8"))
    assert adapter["base_model_name_or_path"] == str(base.resolve())
    # HFRewardModel loads the base with the adapter attached and scores as trained.
    before = _margins(base, TRAIN_PAIRS)
    after = _margins(result.path, TRAIN_PAIRS)
    for old, new in zip(before, after, strict=True):
        assert new > old + 0.1


def test_lora_unmerged_on_adapter_raises(tmp_path: Path) -> None:
    adapter = tmp_path / "adapter"
    adapter.mkdir()
    (adapter / "adapter_config.json").write_text("{}", "utf-8")
    with pytest.raises(ConfigError, match="merge: true"):
        repair_reward_model(
            str(adapter), TRAIN_PAIRS, tmp_path / "out", _config(method="lora", merge=False),
            seed=0, max_length=64,
        )


# --------------------------------------------------------------------------- input errors


def test_empty_training_set_raises(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="no training pairs"):
        repair_reward_model(str(tmp_path), [], tmp_path / "out", _config(), seed=0, max_length=64)


def test_two_label_model_raises(tmp_path: Path) -> None:
    from transformers import AutoConfig, BertForSequenceClassification

    base = build_tiny_reward_model(tmp_path / "base")
    config = AutoConfig.from_pretrained(base)
    config.num_labels = 2
    BertForSequenceClassification(config).save_pretrained(base)
    with pytest.raises(ConfigError, match="num_labels=2"):
        repair_reward_model(str(base), TRAIN_PAIRS, tmp_path / "out", _config(), seed=0,
                            max_length=64)
    assert not (tmp_path / "out").exists()


def test_missing_model_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        repair_reward_model(str(tmp_path / "absent"), TRAIN_PAIRS, tmp_path / "out", _config(),
                            seed=0, max_length=64)


# --------------------------------------------------------------------------- accuracy


class CountingRewardModel:
    """A reward model that scores by a table and counts its `score` calls."""

    def __init__(self, table: dict[str, float]) -> None:
        self.table = table
        self.calls = 0

    @property
    def identity(self) -> str:
        return "test:counting"

    def score(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
        self.calls += 1
        return [self.table[response] for _, response in pairs]


def test_pairwise_accuracy_counts_ties_as_wrong() -> None:
    model = CountingRewardModel({"good": 1.0, "bad": 0.0, "same": 0.5})
    pairs = [
        PreferencePair("p", "good", "bad", "general"),
        PreferencePair("p", "bad", "good", "general"),
        PreferencePair("p", "same", "same", "general"),
        PreferencePair("q", "good", "same", "general"),
    ]
    assert pairwise_accuracy(model, pairs) == 0.5
    assert model.calls == 1


def test_pairwise_accuracy_of_no_pairs_raises() -> None:
    with pytest.raises(ValueError, match="at least one pair"):
        pairwise_accuracy(CountingRewardModel({}), [])


def _probe(failure_type: str, index: int, *, topic: str = "t") -> ProbeRecord:
    return ProbeRecord(
        round=1, idx=index, seed=0, topic_category="c", topic=topic, persona="p", tactic="k",
        goal=f"g{index}", prompt=f"prompt {index}", harmful_response=f"harmful {index}",
        safe_response=f"safe {index}", policy_response=f"policy {index}", judge_score=3,
        judge_raw="", rm_harmful=1.0, rm_safe=0.0, rm_policy=1.0, failure_type=failure_type,
        sampled_uniform=False, seconds_mentor=0.0, seconds_policy=0.0, seconds_judge=0.0,
        seconds_reward=0.0,
    )


def test_measure_reward_repair_keys_and_values(trained: Trained) -> None:
    heldout = [
        replace(
            _probe("C", 0), prompt="how to write a harmful request",
            safe_response="sorry i can t help with that",
            harmful_response="sure here is a step guide", policy_response="sure here is how",
        ),
    ]
    general = [TRAIN_PAIRS[2]]
    metrics = measure_reward_repair(
        str(trained.base), str(trained.result.path), heldout, general, [],
        reward_config=SCORING,
    )
    assert set(metrics) == {
        "heldout_accuracy_before", "heldout_accuracy_after",
        "heldout_policy_accuracy_before", "heldout_policy_accuracy_after",
        "general_accuracy_before", "general_accuracy_after",
        "over_refusal_accuracy_before", "over_refusal_accuracy_after",
        "heldout_pairs", "heldout_policy_pairs", "general_pairs", "over_refusal_pairs",
    }
    assert metrics["heldout_pairs"] == 1
    assert metrics["heldout_policy_pairs"] == 1
    assert metrics["general_pairs"] == 1
    assert metrics["over_refusal_pairs"] == 0
    assert metrics["over_refusal_accuracy_before"] is None
    assert metrics["over_refusal_accuracy_after"] is None
    assert metrics["heldout_accuracy_after"] == 1.0
    assert metrics["heldout_policy_accuracy_after"] == 1.0
    assert metrics["general_accuracy_after"] == 1.0


# --------------------------------------------------------------------------- mix


def _findings(count: int) -> list[ProbeRecord]:
    # A gives one pair, B one, C two: 4 pairs per cycle of three probes.
    return [_probe("ABC"[i % 3], i) for i in range(count)]


def test_mix_ratios_follow_config() -> None:
    config = _config(mix={"general": 1.0, "over_refusal": 0.5})
    mix = build_reward_mix(_findings(30), config, seed=1)
    counts = Counter(pair.source for pair in mix)
    assert counts["mentor"] + counts["policy"] == 40
    assert counts["general"] == 40
    assert counts["over_refusal"] == 20


def test_mix_draws_distinct_rows_when_enough() -> None:
    mix = build_reward_mix(_findings(30), _config(mix={"general": 1.0}), seed=1)
    general = [pair for pair in mix if pair.source == "general"]
    assert len(set(general)) == len(general)


def test_mix_is_shuffled_and_deterministic() -> None:
    config = _config()
    first = build_reward_mix(_findings(30), config, seed=3)
    assert first == build_reward_mix(_findings(30), config, seed=3)
    assert first != build_reward_mix(_findings(30), config, seed=4)
    sources = [pair.source for pair in first]
    # Shuffled: the finding pairs are not all at the front.
    assert set(sources[:20]) != {"mentor", "policy"}


def test_mix_zero_ratios_keep_only_findings() -> None:
    mix = build_reward_mix(_findings(6), _config(mix={"general": 0, "over_refusal": 0}), seed=0)
    assert {pair.source for pair in mix} == {"mentor", "policy"}


def test_mix_without_findings_is_empty() -> None:
    assert build_reward_mix([_probe("none", 0), _probe("unscored", 1)], _config(), seed=0) == []


def test_mix_user_file_replaces_shipped_set(tmp_path: Path) -> None:
    path = tmp_path / "mine.jsonl"
    rows = [{"prompt": f"q{i}", "chosen": f"good {i}", "rejected": f"bad {i}"} for i in range(3)]
    path.write_text("\n".join(json.dumps(row) for row in rows), "utf-8")
    config = _config(mix={"general": 2.0, "over_refusal": 0.0, "general_data": str(path)})
    mix = build_reward_mix(_findings(3), config, seed=0)  # 4 finding pairs -> 8 general
    general = [pair for pair in mix if pair.source == "general"]
    assert len(general) == 8
    # Every row is drawn once before any row repeats.
    assert {pair.prompt for pair in general} == {"q0", "q1", "q2"}
