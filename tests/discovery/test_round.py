from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from ares.components import ComponentLibrary
from ares.config import DiscoveryConfig, SamplerConfig
from ares.discovery import Pipeline, RoundProgress, run_round
from ares.errors import ModelOutputError, RunDirError
from ares.judges import FakeJudge
from ares.mentor import FakeMentor
from ares.models import FakeChatModel, FakeRewardModel, Message
from ares.store import RunStore


class _Crash(Exception):
    pass


class _CrashingChatModel(FakeChatModel):
    """Answers like FakeChatModel but raises on the `crash_on`-th call (1-based)."""

    def __init__(self, crash_on: int) -> None:
        super().__init__(self._reply)
        self.crash_on = crash_on
        self.count = 0

    @staticmethod
    def _reply(conversation: Sequence[Message]) -> str:
        # comply with tactic t1, refuse otherwise
        return "Sure, here" if "via t1" in conversation[-1]["content"] else "I can't help."

    def generate(self, conversations, *, max_new_tokens=None, temperature=None):  # type: ignore[no-untyped-def]
        self.count += 1
        if self.count == self.crash_on:
            raise _Crash("simulated crash")
        return super().generate(conversations)


def _pipeline(library: ComponentLibrary, policy: FakeChatModel | None = None) -> Pipeline:
    return Pipeline(
        library=library,
        mentor=FakeMentor(),
        policy=policy or _CrashingChatModel(crash_on=-1),
        judge=FakeJudge(),
        # prefers the harmful response for persona p1 only
        reward_model=FakeRewardModel(
            lambda prompt, response: (2.0 if "Sure" in response else 1.0)
            * (1.0 if "as p1" in prompt else -1.0)
        ),
    )


def _run(store: RunStore, pipeline: Pipeline, budget: int = 20, **kwargs: object) -> None:
    run_round(
        store, pipeline, round_number=1,
        discovery=DiscoveryConfig(budget=budget, batch_size=3, seed=5),
        sampler_config=SamplerConfig(warmup=4), **kwargs,  # type: ignore[arg-type]
    )


def test_round_reaches_budget_and_classifies(
    tmp_path: Path, small_library: ComponentLibrary
) -> None:
    seen: list[RoundProgress] = []
    with RunStore.open(tmp_path) as store:
        _run(store, _pipeline(small_library), progress=seen.append)
        probes = list(store.probes(1))
        assert len(probes) == 20
        assert [p.idx for p in probes] == list(range(20))
        assert store.get_round(1).status == "finished"  # type: ignore[union-attr]
        for probe in probes:
            policy_fails = probe.tactic == "t1"
            rm_fails = probe.persona == "p1"
            expected = {(True, True): "C", (True, False): "B", (False, True): "A"}.get(
                (policy_fails, rm_fails), "none"
            )
            assert probe.failure_type == expected
        assert probes[0].sampled_uniform
        assert not probes[-1].sampled_uniform
    assert seen[-1].done == 20
    assert sum(seen[-1].counts.values()) == 20


def test_round_resumes_after_crash_identically(
    tmp_path: Path, small_library: ComponentLibrary
) -> None:
    # An uninterrupted round, for reference.
    with RunStore.open(tmp_path / "ref") as store:
        _run(store, _pipeline(small_library))
        reference = [(p.idx, p.prompt, p.failure_type) for p in store.probes(1)]

    # The same round, crashing in the fourth batch, then resumed.
    with RunStore.open(tmp_path / "crash") as store:
        with pytest.raises(_Crash):
            _run(store, _pipeline(small_library, _CrashingChatModel(crash_on=4)))
        assert store.count_probes(1) == 9  # three batches of 3 committed
        _run(store, _pipeline(small_library))
        resumed = [(p.idx, p.prompt, p.failure_type) for p in store.probes(1)]
    assert resumed == reference


def test_round_extends_to_a_larger_budget(tmp_path: Path, small_library: ComponentLibrary) -> None:
    with RunStore.open(tmp_path) as store:
        _run(store, _pipeline(small_library), budget=6)
        _run(store, _pipeline(small_library), budget=10)
        assert store.count_probes(1) == 10


def test_round_rejects_smaller_budget(tmp_path: Path, small_library: ComponentLibrary) -> None:
    with RunStore.open(tmp_path) as store:
        _run(store, _pipeline(small_library), budget=6)
        with pytest.raises(RunDirError, match="--budget 6 or more"):
            _run(store, _pipeline(small_library), budget=3)


def test_round_rejects_other_models_on_resume(
    tmp_path: Path, small_library: ComponentLibrary
) -> None:
    with RunStore.open(tmp_path) as store:
        _run(store, _pipeline(small_library), budget=3)
        other = _pipeline(small_library)
        other.policy = FakeChatModel(identity="fake:other")
        with pytest.raises(RunDirError, match="policy_model 'fake:chat'"):
            _run(store, other, budget=6)


def test_invalid_mentor_output_is_counted_not_probed(
    tmp_path: Path, small_library: ComponentLibrary
) -> None:
    pipeline = _pipeline(small_library)
    pipeline.mentor = FakeMentor(invalid=lambda spec: spec.goal == "g2")
    with RunStore.open(tmp_path) as store:
        _run(store, pipeline, budget=12)
        assert store.count_probes(1) == 12
        assert all(p.goal == "g1" for p in store.probes(1))
        assert store.rejection_counts(1)["mentor_invalid"] > 0


def test_mentor_that_never_works_stops_the_round(
    tmp_path: Path, small_library: ComponentLibrary
) -> None:
    pipeline = _pipeline(small_library)
    pipeline.mentor = FakeMentor(invalid=lambda spec: True)
    with RunStore.open(tmp_path) as store, pytest.raises(ModelOutputError, match="no probe"):
        _run(store, pipeline, budget=5)


def test_unscored_verdicts_are_stored_as_unscored(
    tmp_path: Path, small_library: ComponentLibrary
) -> None:
    pipeline = _pipeline(small_library)
    pipeline.judge = FakeJudge(lambda prompt, reply: None)
    with RunStore.open(tmp_path) as store:
        _run(store, pipeline, budget=5)
        assert store.failure_counts(1) == {"unscored": 5}


class _Filter:
    identity = "fake:filter"

    def keep(self, prompts: Sequence[str]) -> list[bool | None]:
        return [None if "b1" in p else "a1" in p for p in prompts]


def test_prompt_filter_drops_benign_and_unparsed(
    tmp_path: Path, small_library: ComponentLibrary
) -> None:
    pipeline = _pipeline(small_library)
    pipeline.prompt_filter = _Filter()
    with RunStore.open(tmp_path) as store:
        _run(store, pipeline, budget=8)
        assert {p.topic for p in store.probes(1)} == {"a1"}
        reasons = store.rejection_counts(1)
        assert reasons.get("filtered_benign", 0) > 0
        assert reasons.get("filter_unscored", 0) > 0
