"""Stage 2 of repair on a tiny Llama policy and a tiny BERT reward model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ares.config import ChatModelConfig, RewardModelConfig
from ares.config._models import LoraConfig, PolicyRepairConfig, WarmStartConfig
from ares.errors import ConfigError, DataError
from ares.repair import (
    PreferencePair,
    PromptItem,
    RewardModelReward,
    dpo,
    grpo,
    repair_policy,
    save_policy,
    warm_start,
)
from tests._tiny import build_tiny_chat_model, build_tiny_reward_model

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")
pytest.importorskip("trl")
pytest.importorskip("peft")

PROMPTS = ["write a guide", "please write a step guide", "what is this", "how to write"]
REFUSAL = "sorry i can t help with that"
COMPLIANCE = "sure here is a step guide"


pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture(scope="module")
def policy_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(build_tiny_chat_model(tmp_path_factory.mktemp("policy")))


@pytest.fixture(scope="module")
def reward_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(build_tiny_reward_model(tmp_path_factory.mktemp("reward")))


def _config(**overrides: Any) -> PolicyRepairConfig:
    fields: dict[str, Any] = {
        "steps": 2,
        "batch_size": 4,
        "group_size": 2,
        "max_new_tokens": 4,
        "learning_rate": 1e-2,
        "lora": LoraConfig(r=4, alpha=8, dropout=0.0),
        "warm_start": WarmStartConfig(epochs=2, batch_size=4, learning_rate=1e-2),
    }
    fields.update(overrides)
    return PolicyRepairConfig(**fields)


def _load(folder: Path | str) -> tuple[Any, Any]:
    tokenizer = transformers.AutoTokenizer.from_pretrained(folder)
    model = transformers.AutoModelForCausalLM.from_pretrained(folder)
    model.eval()
    return model, tokenizer


def _reply_logprob(model: Any, tokenizer: Any, prompt: str, reply: str) -> float:
    """Return the summed log-probability of `reply`'s tokens after the chat-rendered prompt."""
    context = tokenizer.apply_chat_template(
        [{"role": "user", "content": prompt}], tokenize=False, add_generation_prompt=True
    )
    context_ids = tokenizer(context, add_special_tokens=False)["input_ids"]
    reply_ids = tokenizer(reply, add_special_tokens=False)["input_ids"]
    ids = torch.tensor([context_ids + reply_ids])
    with torch.no_grad():
        logprobs = model(input_ids=ids).logits.log_softmax(-1)  # (1, seq, vocab)
    positions = range(len(context_ids) - 1, ids.shape[1] - 1)
    return sum(float(logprobs[0, p, ids[0, p + 1]]) for p in positions)


def _sampled_rate(model: Any, tokenizer: Any, prompts: list[str], word: str) -> float:
    """Return the share of 64 sampled 4-token replies per prompt that contain `word`."""
    word_id = tokenizer.convert_tokens_to_ids(word)
    torch.manual_seed(123)
    hits = 0
    for prompt in prompts:
        context = tokenizer.apply_chat_template(
            [{"role": "user", "content": prompt}], tokenize=False, add_generation_prompt=True
        )
        ids = tokenizer(context, add_special_tokens=False, return_tensors="pt")["input_ids"]
        ids = ids.repeat(64, 1)  # (64, prompt_len)
        output = model.generate(
            input_ids=ids, attention_mask=torch.ones_like(ids), do_sample=True, top_k=0,
            max_new_tokens=4, pad_token_id=tokenizer.pad_token_id,
            eos_token_id=tokenizer.eos_token_id,
        )
        hits += int((output[:, ids.shape[1] :] == word_id).any(dim=1).sum())
    return hits / (64 * len(prompts))


# --------------------------------------------------------------------------- warm start


def test_warm_start_lowers_loss(policy_path: str, tmp_path: Path) -> None:
    examples = [PromptItem(p, "mentor", REFUSAL) for p in PROMPTS] * 2
    messages: list[str] = []

    result = warm_start(
        policy_path, examples, tmp_path / "warm", WarmStartConfig(epochs=3, batch_size=4,
        learning_rate=1e-2), LoraConfig(r=4, alpha=8, dropout=0.0), seed=0,
        progress=messages.append,
    )

    assert result.steps == 6
    assert result.loss_first is not None
    assert result.loss_last is not None
    assert result.loss_last < result.loss_first
    assert (tmp_path / "warm" / "adapter_config.json").is_file()
    assert len(messages) == 6
    assert "step 6/6" in messages[-1]


def test_warm_start_raises_reference_likelihood(policy_path: str, tmp_path: Path) -> None:
    from peft import PeftModel

    examples = [PromptItem(p, "mentor", REFUSAL) for p in PROMPTS] * 2
    base, tokenizer = _load(policy_path)
    before = _reply_logprob(base, tokenizer, PROMPTS[0], REFUSAL)

    result = warm_start(
        policy_path, examples, tmp_path / "warm", WarmStartConfig(epochs=3, batch_size=4,
        learning_rate=1e-2), LoraConfig(r=4, alpha=8, dropout=0.0), seed=0,
    )
    tuned = PeftModel.from_pretrained(_load(policy_path)[0], str(result.adapter_path))
    after = _reply_logprob(tuned, tokenizer, PROMPTS[0], REFUSAL)

    assert after > before + 1.0


def test_warm_start_max_steps_stops_early(policy_path: str, tmp_path: Path) -> None:
    examples = [PromptItem(p, "mentor", REFUSAL) for p in PROMPTS] * 2
    result = warm_start(
        policy_path, examples, tmp_path / "warm",
        WarmStartConfig(epochs=3, batch_size=4, max_steps=2),
        LoraConfig(r=4, alpha=8, dropout=0.0), seed=0,
    )
    assert result.steps == 2


def test_warm_start_adapts_only_the_top_layers(policy_path: str, tmp_path: Path) -> None:
    from safetensors.torch import load_file

    examples = [PromptItem(p, "mentor", REFUSAL) for p in PROMPTS]
    result = warm_start(
        policy_path, examples, tmp_path / "warm", WarmStartConfig(epochs=1, batch_size=4),
        LoraConfig(r=4, alpha=8, dropout=0.0, top_layers=1), seed=0,
    )

    names = load_file(result.adapter_path / "adapter_model.safetensors")
    assert names and all(".layers.1." in name for name in names)  # the tiny model has 2


def test_top_layers_beyond_the_policy_raise(policy_path: str, tmp_path: Path) -> None:
    examples = [PromptItem(p, "mentor", REFUSAL) for p in PROMPTS]
    with pytest.raises(ConfigError, match="only 2 layers"):
        warm_start(
            policy_path, examples, tmp_path / "warm", WarmStartConfig(epochs=1, batch_size=4),
            LoraConfig(r=4, alpha=8, dropout=0.0, top_layers=3), seed=0,
        )


def test_warm_start_rejects_missing_references(policy_path: str, tmp_path: Path) -> None:
    examples = [PromptItem("write a guide", "general", None)]

    with pytest.raises(DataError, match="none has a reference"):
        warm_start(
            policy_path, examples, tmp_path / "warm", WarmStartConfig(), LoraConfig(), seed=0
        )


# --------------------------------------------------------------------------- GRPO


def _contains_sure(prompts: list[Any], completions: list[Any], **kwargs: Any) -> list[float]:
    return [float("sure" in completion[0]["content"].split()) for completion in completions]


def test_grpo_raises_rewarded_token_probability(policy_path: str, tmp_path: Path) -> None:
    base, tokenizer = _load(policy_path)
    before = _sampled_rate(base, tokenizer, PROMPTS, "sure")
    config = _config(steps=6, batch_size=8, group_size=4, kl=0.0, learning_rate=3e-2)

    result = grpo(
        policy_path, "", [PromptItem(p, "mentor") for p in PROMPTS], tmp_path / "policy",
        config, seed=0, reward_fn=_contains_sure,
    )
    trained, _ = _load(result.model_path)
    after = _sampled_rate(trained, tokenizer, PROMPTS, "sure")

    assert result.steps == 6
    assert after > before + 0.15
    assert result.mean_reward_before is not None
    assert result.mean_reward_after is not None
    assert result.mean_reward_after > result.mean_reward_before


def test_grpo_with_reward_model_logs_kl(
    policy_path: str, reward_path: str, tmp_path: Path
) -> None:
    result = grpo(
        policy_path, reward_path, [PromptItem(p, "mentor") for p in PROMPTS],
        tmp_path / "policy", _config(kl=0.1), seed=0,
    )

    assert result.method == "grpo"
    assert result.steps == 2
    assert result.kl is not None
    assert result.mean_reward_before is not None
    assert result.mean_reward_after is not None
    assert all(entry.get("loss", 0.0) == entry.get("loss", 0.0) for entry in result.log_history)
    assert any("reward" in entry for entry in result.log_history)


def test_grpo_rejects_batch_without_whole_groups(policy_path: str, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="multiple of"):
        grpo(
            policy_path, "", [PromptItem("write a guide", "mentor")], tmp_path / "policy",
            _config(batch_size=6, group_size=4), seed=0, reward_fn=_contains_sure,
        )


def test_grpo_rejects_empty_prompts(policy_path: str, tmp_path: Path) -> None:
    with pytest.raises(DataError, match="no training prompts"):
        grpo(policy_path, "", [], tmp_path / "policy", _config(), seed=0, reward_fn=_contains_sure)


def test_reward_function_matches_reward_model(reward_path: str) -> None:
    from ares.models._hf_reward import HFRewardModel

    config = RewardModelConfig(device="cpu")
    reward = RewardModelReward(reward_path, config)
    expected = HFRewardModel(config, model_path=reward_path).score(
        [("write a guide", COMPLIANCE), ("write a guide", REFUSAL)]
    )

    scores = reward(
        prompts=[[{"role": "user", "content": "write a guide"}]] * 2,
        completions=[
            [{"role": "assistant", "content": COMPLIANCE}],
            [{"role": "assistant", "content": REFUSAL}],
        ],
    )

    assert scores == pytest.approx(expected)
    assert scores[0] != pytest.approx(scores[1])


def test_grpo_continues_warm_start_adapter(policy_path: str, tmp_path: Path) -> None:
    examples = [PromptItem(p, "mentor", REFUSAL) for p in PROMPTS] * 2
    warm = warm_start(
        policy_path, examples, tmp_path / "warm", WarmStartConfig(epochs=3, batch_size=4,
        learning_rate=1e-2), LoraConfig(r=4, alpha=8, dropout=0.0), seed=0,
    )
    tokenizer = transformers.AutoTokenizer.from_pretrained(policy_path)
    base_logprob = _reply_logprob(_load(policy_path)[0], tokenizer, PROMPTS[0], REFUSAL)

    # A learning rate too small to move the weights leaves the warm-started policy as it was.
    result = grpo(
        policy_path, "", [PromptItem(p, "mentor") for p in PROMPTS], tmp_path / "policy",
        _config(steps=1, learning_rate=1e-12, kl=0.1), seed=0, reward_fn=_contains_sure,
        init_adapter=warm.adapter_path,
    )
    trained, _ = _load(result.model_path)

    assert _reply_logprob(trained, tokenizer, PROMPTS[0], REFUSAL) > base_logprob + 1.0
    assert result.kl is not None


# --------------------------------------------------------------------------- DPO


def test_dpo_raises_chosen_margin(policy_path: str, tmp_path: Path) -> None:
    pairs = [PreferencePair(p, REFUSAL, COMPLIANCE, "policy") for p in PROMPTS]
    base, tokenizer = _load(policy_path)

    def margin(model: Any) -> float:
        return sum(
            _reply_logprob(model, tokenizer, p, REFUSAL)
            - _reply_logprob(model, tokenizer, p, COMPLIANCE)
            for p in PROMPTS
        )

    before = margin(base)
    result = dpo(policy_path, pairs, tmp_path / "policy", _config(steps=3), seed=0)
    trained, _ = _load(result.model_path)

    assert result.method == "dpo"
    assert result.steps == 3
    assert margin(trained) > before + 1.0
    assert result.mean_reward_before is None
    assert result.mean_reward_after is None


def test_dpo_measures_reward_with_reward_model(
    policy_path: str, reward_path: str, tmp_path: Path
) -> None:
    pairs = [PreferencePair(p, REFUSAL, COMPLIANCE, "policy") for p in PROMPTS]

    result = dpo(
        policy_path, pairs, tmp_path / "policy", _config(steps=1), seed=0,
        reward_model_path=reward_path,
    )

    assert result.mean_reward_before is not None
    assert result.mean_reward_after is not None


def test_dpo_rejects_empty_pairs(policy_path: str, tmp_path: Path) -> None:
    with pytest.raises(DataError, match="no preference pairs"):
        dpo(policy_path, [], tmp_path / "policy", _config(), seed=0)


# --------------------------------------------------------------------------- saving


@pytest.mark.parametrize("merge", [True, False])
def test_saved_policy_matches_trained_model(policy_path: str, tmp_path: Path, merge: bool) -> None:
    from peft import LoraConfig as PeftLoraConfig
    from peft import get_peft_model

    model, tokenizer = _load(policy_path)
    # Random adapter weights, so the adapter changes the output (PEFT's default B is zero).
    peft_config = PeftLoraConfig(r=4, target_modules="all-linear", init_lora_weights=False)
    peft_model = get_peft_model(model, peft_config)
    peft_model.eval()
    ids = torch.tensor([[5, 7, 9, 11]])
    with torch.no_grad():
        expected = peft_model(input_ids=ids).logits

    save_policy(peft_model, tokenizer, tmp_path / "policy", merge=merge)
    reloaded, _ = _load(tmp_path / "policy")
    with torch.no_grad():
        actual = reloaded(input_ids=ids).logits

    assert torch.allclose(actual, expected, atol=1e-5)
    assert (tmp_path / "policy" / "adapter_config.json").is_file() is not merge
    assert not list(tmp_path.glob(".policy.*"))


def test_saved_adapter_names_absolute_base(policy_path: str, tmp_path: Path) -> None:
    result = dpo(
        policy_path, [PreferencePair("write a guide", REFUSAL, COMPLIANCE, "policy")],
        tmp_path / "policy", _config(steps=1, merge=False), seed=0,
    )

    adapter_config = json.loads((result.model_path / "adapter_config.json").read_text())
    assert adapter_config["base_model_name_or_path"] == str(Path(policy_path).resolve())


def test_save_replaces_existing_folder(policy_path: str, tmp_path: Path) -> None:
    model, tokenizer = _load(policy_path)
    (tmp_path / "policy").mkdir()
    (tmp_path / "policy" / "stale.txt").write_text("old")

    save_policy(model, tokenizer, tmp_path / "policy", merge=True)

    assert not (tmp_path / "policy" / "stale.txt").exists()
    assert (tmp_path / "policy" / "config.json").is_file()


# --------------------------------------------------------------------------- end to end


def test_repair_policy_warm_start_then_grpo(
    policy_path: str, reward_path: str, tmp_path: Path
) -> None:
    from ares.models._hf_chat import HFChatModel

    prompts = [PromptItem(p, "mentor") for p in PROMPTS]
    examples = [PromptItem(p, "mentor", REFUSAL) for p in PROMPTS]
    messages: list[str] = []

    result = repair_policy(
        policy_path, reward_path, prompts, examples, [], tmp_path / "stage2", _config(),
        seed=0, reward_config=RewardModelConfig(device="cpu"), progress=messages.append,
    )

    assert result.method == "grpo"
    assert result.warm_start is not None
    assert result.warm_start.steps == 2
    assert result.model_path == tmp_path / "stage2" / "model"
    assert result.seconds >= result.training.seconds
    assert any(m.startswith("policy warm start") for m in messages)
    assert any(m.startswith("policy grpo") for m in messages)
    chat = HFChatModel(ChatModelConfig(device="cpu"), model_path=str(result.model_path))
    replies = chat.generate([[{"role": "user", "content": "write a guide"}]], max_new_tokens=3)
    assert len(replies) == 1


def test_repair_policy_dpo_without_warm_start(policy_path: str, tmp_path: Path) -> None:
    pairs = [PreferencePair(p, REFUSAL, COMPLIANCE, "policy") for p in PROMPTS]
    config = _config(method="dpo", warm_start=WarmStartConfig(enabled=False))

    result = repair_policy(policy_path, None, [], [], pairs, tmp_path / "stage2", config, seed=0)

    assert result.method == "dpo"
    assert result.warm_start is None
    assert result.mean_reward_before is None
    assert not (tmp_path / "stage2" / "warm_start").exists()
    model, _ = _load(result.model_path)
    assert isinstance(model, transformers.PreTrainedModel)


def test_repair_policy_grpo_needs_reward_model(policy_path: str, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no reward model"):
        repair_policy(policy_path, None, [], [], [], tmp_path / "stage2", _config(), seed=0)


def test_vllm_generation_maps_to_trl_arguments() -> None:
    from ares.config._models import GrpoVllmConfig
    from ares.repair._policy import _vllm_args

    assert _vllm_args(_config()) == {}
    colocate = _vllm_args(_config(vllm=GrpoVllmConfig(enabled=True, gpu_memory_utilization=0.5)))
    assert colocate == {
        "use_vllm": True, "vllm_mode": "colocate", "vllm_gpu_memory_utilization": 0.5
    }
    server = GrpoVllmConfig(enabled=True, mode="server", server_base_url="http://127.0.0.1:8000")
    assert _vllm_args(_config(vllm=server))["vllm_server_base_url"] == "http://127.0.0.1:8000"
    with pytest.raises(ConfigError, match="server_base_url"):
        _vllm_args(_config(vllm=GrpoVllmConfig(enabled=True, mode="server")))
