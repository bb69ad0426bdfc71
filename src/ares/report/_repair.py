"""The report section about the repair stages, from `summary.json`'s `repairs`."""

from __future__ import annotations

from typing import Any

from ares.report import _format as fmt
from ares.report._blocks import Block, Paragraph, Section, Subheading, Table

# Stage 1's accuracy measurements: key prefix in the stage result, and the row label.
RM_ACCURACIES = (
    ("heldout", "Held-out findings: safe over the mentor's harmful response"),
    ("heldout_policy", "Held-out findings: safe over the policy's own harmful reply"),
    ("general", "General helpfulness pairs"),
    ("over_refusal", "Over-refusal pairs: helpful answer over a refusal"),
)


def repair_section(repairs: Any, repair_command: str) -> Section:
    """Show the reward model's accuracies and the policy's training of each repair."""
    title = "Repair"
    if not isinstance(repairs, list) or not repairs:
        return Section("repair", title, (
            Paragraph("No repair yet. To repair the reward model and then the policy:",
                      repair_command),
        ))
    blocks: list[Block] = []
    for entry in repairs:
        if not isinstance(entry, dict):
            continue
        number = fmt.count(entry.get("round"))
        blocks.append(Subheading(f"Repair after round {number}"))
        blocks.extend(_reward_blocks(entry.get("reward"), number, repair_command))
        blocks.extend(_policy_blocks(entry.get("policy"), number, repair_command))
    return Section("repair", title, tuple(blocks))


def _reward_blocks(result: Any, number: str, repair_command: str) -> list[Block]:
    if not isinstance(result, dict):
        return [Paragraph(
            f"The reward model was not repaired after round {number}. Stage 1 runs with:",
            f"{repair_command} --stage reward --round {number}",
        )]
    rows = tuple(
        (label, fmt.count(result.get(f"{key}_pairs")),
         fmt.number(result.get(f"{key}_accuracy_before")),
         fmt.number(result.get(f"{key}_accuracy_after")))
        for key, label in RM_ACCURACIES
    )
    return [
        Paragraph(
            f"Stage 1, reward model: method {result.get('method') or fmt.NA}, "
            f"{fmt.count(result.get('steps'))} steps. Accuracy is the share of pairs it was "
            "not trained on where it scores the preferred response higher."
        ),
        Table(("Pair set", "Pairs", "Accuracy before", "Accuracy after"), rows,
              numeric=frozenset({1, 2, 3})),
    ]


def _policy_blocks(result: Any, number: str, repair_command: str) -> list[Block]:
    if not isinstance(result, dict):
        return [Paragraph(
            f"The policy was not repaired after round {number}. Stage 2 runs with:",
            f"{repair_command} --stage policy --round {number}",
        )]
    row = (
        str(result.get("method") or fmt.NA),
        fmt.count(result.get("steps")),
        fmt.number(result.get("mean_reward_before"), 3),
        fmt.number(result.get("mean_reward_after"), 3),
        fmt.number(result.get("kl"), 4),
    )
    return [
        Paragraph("Stage 2, policy: mean reward of the policy's replies under the repaired "
                  "reward model, before and after training, and the KL divergence from the "
                  "policy it started from."),
        Table(("Method", "Steps", "Mean reward before", "Mean reward after", "KL"), (row,),
              numeric=frozenset({1, 2, 3, 4})),
    ]
