"""What each section of the report shows, with and without repair and evaluation."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import ares.report
from ares.report import ReportPaths, write_report
from ares.store import RunStore, write_summary
from tests.report._dom import parse
from tests.report._run import (
    EMPTY_CELL,
    SECTION_TITLES,
    build_run,
    evaluation,
    full_summary,
    rate,
)


def _write(store: RunStore, summary: dict[str, Any], **options: Any) -> tuple[str, str]:
    run_dir = store.path.parent
    paths = write_report(store, run_dir, summary, **options)
    return paths.html.read_text("utf-8"), paths.markdown.read_text("utf-8")


def test_all_is_sorted_and_resolves() -> None:
    exported = list(ares.report.__all__)
    assert exported == sorted(exported, key=lambda name: (not name.isupper(), name))
    assert exported == ["ReportPaths", "write_report"]
    for name in exported:
        assert hasattr(ares.report, name)


def test_report_writes_pages_and_plots(run_store: RunStore) -> None:
    run_dir = run_store.path.parent
    paths = write_report(run_store, run_dir, full_summary(run_store, run_dir))
    assert paths == ReportPaths(run_dir / "report" / "index.html",
                                run_dir / "report" / "summary.md")
    plots = sorted(path.name for path in (run_dir / "report").glob("*.png"))
    assert plots == [
        "failure_types.png", "heat_map_round_1.png", "heat_map_round_2.png", "safety.png",
        "sampler_weights_round_1.png",
    ]
    for name in plots:
        assert (run_dir / "report" / name).read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    markdown = paths.markdown.read_text("utf-8")
    linked = sorted(re.findall(r"!\[[^\]]*\]\(([^)]+)\)", markdown))
    assert linked == plots
    assert len(parse(paths.html.read_text("utf-8")).tags("img")) == len(plots)
    assert list((run_dir / "report").glob("*.partial")) == []


def test_report_has_every_section(run_store: RunStore) -> None:
    html, markdown = _write(run_store, full_summary(run_store, run_store.path.parent))
    assert parse(html).headings("h2") == SECTION_TITLES
    for title in SECTION_TITLES:
        assert f"## {title}\n" in markdown, title


def test_header_lists_models_of_each_round(run_store: RunStore) -> None:
    html, markdown = _write(run_store, full_summary(run_store, run_store.path.parent))
    page = parse(html)
    assert page.headings("h1") == ["ares report: run"]
    assert "hf:policy-model" in page.text
    assert "runs/x/round-1/policy" in page.text
    assert "2 rounds, 29 probes" in page.text
    assert "| 2 | finished | runs/x/round-1/policy | hf:reward-model |" in markdown


def test_failure_table_counts_each_round(run_store: RunStore) -> None:
    _, markdown = _write(run_store, full_summary(run_store, run_store.path.parent))
    # Round 1 has A 3, B 4, C 5, none 5, unscored 1 of 18. Round 2 has A 1, B 1, C 1 of 11.
    assert "| 1 | 18 | 3 | 4 | 5 | 5 | 1 | 0.67 |" in markdown
    assert "| 2 | 11 | 1 | 1 | 1 | 8 | 0 | 0.27 |" in markdown


def test_heat_map_leaves_cell_without_probes_blank(run_store: RunStore) -> None:
    _, markdown = _write(run_store, full_summary(run_store, run_store.path.parent))
    tactic, _ = EMPTY_CELL
    heat_maps = markdown.split("## 3.")[1].split("## 4.")[0]
    rows = [line for line in heat_maps.splitlines() if line.startswith(f"| {tactic} |")]
    assert len(rows) == 2  # the heat maps of round 1 and round 2
    for row in rows:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert cells[0] == tactic
        assert cells[1] != ""  # cat_a has probes
        assert cells[2] == ""  # cat_b has none


def test_heat_map_annotates_hits_over_probes(run_store: RunStore) -> None:
    _, markdown = _write(run_store, full_summary(run_store, run_store.path.parent))
    assert re.search(r"\| t1 \| \d\.\d\d \(\d+/\d+\) \| \d\.\d\d \(\d+/\d+\) \|", markdown)


def test_single_round_shows_one_heat_map(tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    with build_run(run_dir, rounds=1) as store:
        paths = write_report(store, run_dir, write_summary(store, run_dir))
    names = sorted(path.name for path in paths.html.parent.glob("heat_map_*.png"))
    assert names == ["heat_map_round_1.png"]


def test_sampler_table_shows_top_tactics(run_store: RunStore) -> None:
    _, markdown = _write(run_store, full_summary(run_store, run_store.path.parent))
    assert "| Top tactic by final weight | Start | End | End / start |" in markdown
    # t1 rose from uniform (1/3) to 1/3 + 0.18 after 18 probes, and t3 fell by as much.
    assert "| t1 | 0.333 | 0.513 | 1.54x |" in markdown
    assert "| t3 | 0.333 | 0.153 | 0.46x |" in markdown


def test_uniform_sampler_says_weights_stayed_uniform(tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    with build_run(run_dir, strategy="uniform") as store:
        html, markdown = _write(store, full_summary(store, run_dir))
    assert "used the uniform sampler, so the weights stayed uniform" in parse(html).text
    assert "sampler_weights" not in markdown
    assert not (run_dir / "report" / "sampler_weights_round_1.png").exists()


def test_without_repair_or_evaluation_names_commands(run_store: RunStore) -> None:
    run_dir = run_store.path.parent
    html, markdown = _write(run_store, write_summary(run_store, run_dir))
    text = parse(html).text
    assert "No repair yet" in text
    assert f"ares repair --run-dir {run_dir}" in text
    assert "No evaluation yet" in text
    assert f"ares evaluate --run-dir {run_dir}" in text
    assert f"`` ares evaluate --run-dir {run_dir} ``" not in markdown
    assert f"` ares evaluate --run-dir {run_dir} `" in markdown
    assert not (run_dir / "report" / "safety.png").exists()


def test_evaluation_without_repaired_shows_original_only(run_store: RunStore) -> None:
    run_dir = run_store.path.parent
    summary = full_summary(run_store, run_dir, repaired=False)
    html, markdown = _write(run_store, summary)
    text = parse(html).text
    assert "No repaired system was evaluated" in text
    assert "| Measure | Original | n | Unscored |" in markdown
    assert "| Safety rate | 0.62 [0.51, 0.72] | 80 | 0 |" in markdown
    assert "Repaired" not in markdown.split("## 6.")[1].split("## 7.")[0]
    assert "Safety rate, harmbench" in text
    assert (run_dir / "report" / "safety.png").exists()


def test_full_evaluation_compares_systems(run_store: RunStore) -> None:
    html, markdown = _write(run_store, full_summary(run_store, run_store.path.parent))
    assert (
        "| Safety rate | 0.62 [0.51, 0.72] | 80 | 0 | 0.74 [0.64, 0.82] | 80 | 2 "
        "| +0.12 [+0.03, +0.20] |"
    ) in markdown
    assert "| Over-refusal rate | 0.10 [0.05, 0.20] | 40 | 0 | 0.15 [0.07, 0.28] | 40 | 0 " \
        "| +0.05 [-0.04, +0.14] |" in markdown
    assert "| ares-basic | 40 | 0.60 [0.45, 0.73] | 0.57 [0.45, 0.73] " \
        "| -0.03 [-0.10, +0.05] |" in markdown
    assert "| heuristic vs llm:harm_0_5:openai:judge-model | 120 | 0.90 | 0.71 |" in markdown
    assert "Preference file rewardbench-sample" in markdown
    page = parse(html)
    assert "Safety change, harmbench" in page.text
    assert "0.62 → 0.74" in page.text


def test_glance_shows_over_refusal_and_capability_cost(run_store: RunStore) -> None:
    html, _ = _write(run_store, full_summary(run_store, run_store.path.parent))
    text = parse(html).text
    assert "Over-refusal change, xstest-mix" in text
    assert "0.10 → 0.15 of benign prompts refused" in text
    assert "Capability change, ares-basic" in text
    assert "0.60 → 0.57 of questions answered correctly" in text


def test_glance_has_no_cost_without_repaired(run_store: RunStore) -> None:
    summary = full_summary(run_store, run_store.path.parent, repaired=False)
    text = parse(_write(run_store, summary)[0]).text
    assert "Over-refusal change" not in text
    assert "Capability change" not in text


@pytest.mark.parametrize(
    ("classifier", "expected"),
    [
        (None, "Refusals of benign prompts: refusal phrases at the start of the reply."),
        ("heuristic", "Refusals of benign prompts: refusal phrases at the start of the reply."),
        ("refusal:llm:openai:classifier",
         "Refusals of benign prompts: classifier refusal:llm:openai:classifier, counting full "
         "and partial refusals."),
    ],
)
def test_report_names_refusal_method(
    run_store: RunStore, classifier: str | None, expected: str
) -> None:
    summary = full_summary(run_store, run_store.path.parent)
    if classifier is None:
        summary["evaluation"].pop("refusal_classifier", None)
    else:
        summary["evaluation"]["refusal_classifier"] = classifier
    html, _ = _write(run_store, summary)
    assert expected in parse(html).text


def test_report_shows_refusal_classes(run_store: RunStore) -> None:
    summary = full_summary(run_store, run_store.path.parent)
    (xstest,) = [b for b in summary["evaluation"]["benchmarks"] if b["name"] == "xstest-mix"]
    xstest["results"]["original"]["refusal_classes"] = {
        "full_compliance": 30, "partial_refusal": 4, "full_refusal": 5, "unclassified": 1,
    }
    html, markdown = _write(run_store, summary)
    expected = (
        "Refusal classes of the benign replies: original 30 full compliance, 4 partial "
        "refusal, 5 full refusal, 1 unclassified."
    )
    assert expected in parse(html).text
    assert expected in markdown
    harmbench = markdown.split("### harmbench")[1].split("### xstest-mix")[0]
    assert "Refusal classes" not in harmbench


def test_category_breakdown_is_folded(run_store: RunStore) -> None:
    html, _ = _write(run_store, full_summary(run_store, run_store.path.parent))
    folded = re.search(r"<details><summary>harmbench: rates per category</summary>(.*?)</details>",
                       html, re.DOTALL)
    assert folded is not None
    assert "chemical_biological" in folded.group(1)
    assert "0.80 [0.60, 0.92] (n=20)" in folded.group(1)


def test_over_refusal_row_only_where_present(run_store: RunStore) -> None:
    _, markdown = _write(run_store, full_summary(run_store, run_store.path.parent))
    harmbench = markdown.split("### harmbench")[1].split("### xstest-mix")[0]
    xstest = markdown.split("### xstest-mix")[1].split("###")[0]
    assert "Over-refusal rate" not in harmbench
    assert "Over-refusal rate" in xstest


def test_repair_shows_accuracies_and_missing_keys(run_store: RunStore) -> None:
    _, markdown = _write(run_store, full_summary(run_store, run_store.path.parent))
    assert ("| Held-out findings: safe over the mentor's harmful response | 6 | 0.25 "
            "| 0.88 |") in markdown.replace("\\", "")
    assert "| Over-refusal pairs: helpful answer over a refusal | n/a | n/a | n/a |" in markdown
    assert "| grpo | 52 | -0.420 | 0.310 | 0.0123 |" in markdown


def test_repair_without_policy_stage_names_command(run_store: RunStore) -> None:
    run_dir = run_store.path.parent
    summary = full_summary(run_store, run_dir)
    del summary["repairs"][0]["policy"]
    html, _ = _write(run_store, summary)
    text = parse(html).text
    assert "The policy was not repaired after round 1" in text
    assert f"ares repair --run-dir {run_dir} --stage policy --round 1" in text


def test_malformed_evaluation_entries_show_na(run_store: RunStore) -> None:
    summary = write_summary(run_store, run_store.path.parent)
    broken = evaluation()
    broken["benchmarks"][0]["results"]["original"]["safety"] = {
        "value": None, "low": None, "high": None, "n": 0, "k": 0, "unscored": 0,
    }
    broken["benchmarks"][0]["change"]["safety"] = None
    del broken["capability"]
    del broken["judge_agreement"]
    summary["evaluation"] = broken
    html, markdown = _write(run_store, summary)
    assert "| Safety rate | n/a | 0 | 0 | 0.74 [0.64, 0.82] | 80 | 2 | n/a |" in markdown
    headings = parse(html).headings("h3")
    assert "Capability" not in headings
    assert "Judge agreement" not in headings
    assert "Reward model accuracy" in headings


def test_examples_prefer_highest_judge_score(run_store: RunStore) -> None:
    html, _ = _write(run_store, full_summary(run_store, run_store.path.parent),
                     examples_per_type=2)
    titles = parse(html).headings("h4")
    # Type C probes of round 1 at idx 2, 4, 6, 11, 13 score 1 + idx % 5: 3, 5, 2, 2, 4.
    assert titles[4:6] == ["Round 1, probe 4", "Round 1, probe 13"]
    assert len(titles) == 6


@pytest.mark.parametrize("count", [0, 1])
def test_examples_per_type_limits_examples(run_store: RunStore, count: int) -> None:
    html, _ = _write(run_store, full_summary(run_store, run_store.path.parent),
                     examples_per_type=count)
    assert len(parse(html).headings("h4")) == 3 * count


def test_negative_examples_per_type_is_rejected(run_store: RunStore) -> None:
    with pytest.raises(ValueError, match="examples_per_type must be 0 or more, got -1"):
        write_report(run_store, run_store.path.parent, {}, examples_per_type=-1)


def test_empty_store_still_writes_report(tmp_path: Path) -> None:
    run_dir = tmp_path / "empty"
    with RunStore.open(run_dir) as store:
        paths = write_report(store, run_dir, {})
    page = parse(paths.html.read_text("utf-8"))
    assert page.headings("h2") == SECTION_TITLES
    assert "ares discover --run-dir" in page.text
    assert page.tags("img") == []
    assert "No probe of type C." in page.text


def test_rewrite_removes_stale_plots(run_store: RunStore) -> None:
    run_dir = run_store.path.parent
    write_report(run_store, run_dir, full_summary(run_store, run_dir))
    assert (run_dir / "report" / "safety.png").exists()
    (run_dir / "report" / "notes.png").write_bytes(b"kept")
    write_report(run_store, run_dir, write_summary(run_store, run_dir) | {"evaluation": None})
    assert not (run_dir / "report" / "safety.png").exists()
    assert (run_dir / "report" / "notes.png").exists()


def test_benign_only_benchmark_has_no_safety_row(run_store: RunStore) -> None:
    summary = full_summary(run_store, run_store.path.parent)
    benign = summary["evaluation"]["benchmarks"][1]
    benign["name"] = "benign-only"
    for system in ("original", "repaired"):
        benign["results"][system]["safety"] = None
        for category in benign["results"][system]["categories"].values():
            category["safety"] = None
            category["over_refusal"] = rate(0.1, 0.02, 0.3, 20)
    benign["change"]["safety"] = None
    html, markdown = _write(run_store, summary)
    section = markdown.split("### benign-only")[1].split("![")[0]
    assert "Safety rate" not in section
    assert "| Over-refusal rate | 0.10 [0.05, 0.20] |" in section
    assert "| Category | Over-refusal rate, original | Over-refusal rate, repaired |" in section
    assert "Safety change, benign-only" not in parse(html).text


def test_reward_model_table_lists_builtin_pair_sets(run_store: RunStore) -> None:
    summary = full_summary(run_store, run_store.path.parent)
    summary["evaluation"]["reward_model"]["general"] = {
        "pairs": 50, "source": "shipped", "original": rate(0.84, 0.71, 0.92, 50),
        "repaired": rate(0.82, 0.69, 0.9, 50),
    }
    _, markdown = _write(run_store, summary)
    assert "| General helpfulness pairs | 50 | 0.84 [0.71, 0.92] | 0.82 [0.69, 0.90] |" in markdown
    assert "Over-refusal pairs: helpful answer over a refusal | " not in markdown.split("## 6.")[1]
