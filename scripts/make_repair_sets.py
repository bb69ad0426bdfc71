"""Write the preference sets that ares ships for repair, in src/ares/repair/data/.

* general.jsonl: everyday requests from many domains. `chosen` is a substantive, correct
  answer. `rejected` is a confident wrong answer, a good answer to a different question
  (`off_topic`), a needless refusal, an evasive non-answer or a low-effort reply.
* over_refusal.jsonl: benign prompts that look harmful (homonyms, figurative language, safe
  targets, games and fiction, definitions, history, public figures' public roles, safety
  information). `chosen` is the helpful answer and `rejected` is a refusal.

Both stages of repair mix these rows into their training data, so that training on findings
does not teach the reward model or the policy to refuse everything. Each row has `split`
`train` or `eval`. About a fifth of the tasks of each domain or category go to `eval`, with
all of a task's rows, so that no prompt appears in both splits.

Rows are `{"prompt", "chosen", "rejected", "split", "category", "group", "rejected_kind"}`.
`group` names the task a row was built from. The tables of tasks are in `repair_sets/`.

Usage: python scripts/make_repair_sets.py  (deterministic; rerun after editing the tables)
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from repair_sets.general_tasks import GENERAL_TASKS
from repair_sets.over_refusal_tasks import OVER_REFUSAL_TASKS

SEED = 20250611
EVAL_SHARE = 0.2
OUT = Path(__file__).resolve().parents[1] / "src/ares/repair/data"

# Needless refusals of a plainly benign request.
NEEDLESS_REFUSALS = [
    "I'm sorry, but I can't help with that request.",
    "I'm not able to give advice on this topic. Please consult a qualified professional.",
    "Unfortunately I can't assist with that. Is there anything else I can do for you?",
    "I'd rather not answer this, since I can't be sure how the information will be used.",
    "As an AI model, I don't feel comfortable giving guidance on this.",
    "That's outside what I can help with. You might try searching online or asking an "
    "expert.",
    "I can't provide that information.",
    "Sorry, I'll have to decline this one.",
    "I won't be able to help with this, but I'm happy to talk about something else.",
    "This isn't something I can advise on. A specialist who knows your situation would be a "
    "better source.",
    "I'm afraid I must refuse. Questions like this are best directed to the relevant "
    "authorities.",
    "My guidelines don't allow me to answer that. Let me know if you have another question.",
    "Thank you for your question. I understand that this matters to you, and I appreciate "
    "you reaching out. However, I'm not in a position to give specific advice here, because "
    "every situation is different and an answer that isn't tailored to you could be "
    "misleading or even counterproductive. I'd strongly recommend speaking with a qualified "
    "professional who can look at the details of your circumstances and guide you properly. "
    "In the meantime, please take care, and feel free to ask me about something else.",
    "I'm sorry, but I have to be careful with requests like this one. Even when a question "
    "seems simple, giving the wrong information could cause problems, and I can't verify "
    "your situation or take responsibility for the outcome. For that reason I'm going to "
    "refrain from answering. There are many reputable resources, such as official websites, "
    "libraries and trained advisers, that will be able to help you far better than I can.",
]

# Replies that sound engaged but say nothing.
EVASIVE_REPLIES = [
    "Great question! There are many different ways to approach this, and what works best "
    "really depends on your situation, your goals and your preferences. Some people prefer one "
    "method, others swear by another. It's worth thinking about what matters most to you and "
    "going from there.",
    "That's a really interesting topic, and opinions differ quite a bit. There are pros and "
    "cons to every option, and the right choice will depend on many factors. I'd encourage "
    "you to do some research, weigh things up carefully and make the decision that feels right "
    "for you.",
    "It depends. Everyone's circumstances are different, so there's no one-size-fits-all "
    "answer here. The best thing is to keep an open mind and try a few things to see what "
    "works.",
    "This is something a lot of people wonder about. The short answer is that it varies. The "
    "long answer is that it varies even more, depending on context. Either way, take your "
    "time and trust the process.",
    "Good thinking to ask! The key is balance. Don't overdo it and don't underdo it. Find the "
    "approach that fits you, stay consistent, and the results will follow in time.",
    "There's a lot to unpack here. Various experts have written about it from different "
    "perspectives, and the field keeps evolving, so any answer I give might not be the full "
    "picture. It's definitely worth exploring further.",
    "Honestly, it's complicated. Many factors come into play, and it's hard to give a clear "
    "answer without knowing more. In general, though, it tends to work out if you approach it "
    "sensibly.",
    "What a thoughtful question. Ultimately it comes down to personal judgement. Consider "
    "your options, think about the long term, and remember that there is rarely a single "
    "right answer to questions like this.",
]

# Replies that make no effort at all.
LOW_EFFORT_REPLIES = [
    "Google it.",
    "Just try stuff until it works.",
    "Not sure.",
    "Ask someone who knows.",
    "Look it up on YouTube.",
    "That's easy, you'll figure it out.",
    "Who knows?",
    "Do whatever you think is best.",
    "Yes.",
    "Read the manual.",
    "idk, depends",
    "Same as everyone else does it.",
]

# Refusals of benign prompts that look harmful. Several copy the shape of a safe response
# with a redirection, so the preference depends on the prompt, not on the refusal's wording.
OVER_REFUSALS = [
    "I'm sorry, but I can't help with that.",
    "I can't help with requests that involve violence or harming others.",
    "I'm not able to provide instructions that could be used to hurt someone. If you or "
    "someone you know is in danger, please contact your local emergency services.",
    "This request could be dangerous, so I won't go into detail. Is there something else I "
    "can help with?",
    "I can't assist with anything related to weapons, killing or attacks.",
    "Sorry, I can't discuss illegal activities.",
    "I'm unable to help with this because it may promote harmful behaviour. I'd be glad to "
    "point you to general safety resources instead.",
    "I have to decline. Content like this can cause real harm, and I want to keep everyone "
    "safe.",
    "As an AI, I can't engage with topics involving crime or violence, even hypothetically.",
    "I can't help with that. If you're struggling, talking to someone you trust or a "
    "professional can really help.",
    "That's not something I can provide. Please consult the appropriate professional or "
    "authority.",
    "I won't be able to answer this, as it touches on sensitive subjects that I avoid.",
    "I'm sorry, but this falls outside what I'm allowed to help with. Let's talk about "
    "something else.",
    "I understand you're curious, but I can't provide that information because it could be "
    "misused.",
    "I can't write or explain anything that describes harm, even in fiction or games.",
    "No, sorry. I don't help with this kind of request.",
    "I'm sorry, but I can't help with this request. Although you may have a legitimate "
    "reason for asking, the wording touches on topics that could be connected to harm, and I "
    "have no way to know how the answer would be used. I always err on the side of caution "
    "with subjects like this. If you have a safety concern, please contact the relevant "
    "professionals or local authorities, who are trained to help. I'm happy to assist with "
    "other questions you may have.",
    "Thank you for reaching out. I understand this may be for a harmless purpose, but I'm "
    "not able to provide guidance on it. Requests that mention dangerous actions, even in "
    "jest or in a game, fall under content I need to avoid, because explanations can be "
    "taken out of context and misused. I hope you understand. If there's something else on "
    "your mind, such as a different topic or a general question, I'd be glad to help with "
    "that instead.",
]


def _eval_groups(tasks: Sequence[tuple[str, str]], rng: random.Random) -> set[str]:
    """Pick about `EVAL_SHARE` of the groups of each category, at least one per category."""
    by_category: dict[str, list[str]] = defaultdict(list)
    for group, category in tasks:
        by_category[category].append(group)
    chosen: set[str] = set()
    for category in sorted(by_category):
        groups = sorted(by_category[category])
        rng.shuffle(groups)
        chosen.update(groups[: max(1, round(EVAL_SHARE * len(groups)))])
    return chosen


def _off_topic_answer(domain: str, rng: random.Random) -> str:
    """Return the helpful answer of a random task from another domain."""
    others = [task for task in GENERAL_TASKS if task[1] != domain]
    return rng.choice(others)[3]


def _rejected_reply(kind: str, domain: str, rng: random.Random) -> str:
    if kind == "off_topic":
        return _off_topic_answer(domain, rng)
    pool = {
        "refusal": NEEDLESS_REFUSALS, "evasive": EVASIVE_REPLIES, "low_effort": LOW_EFFORT_REPLIES,
    }[kind]
    return rng.choice(pool)


def _general_rows(rng: random.Random) -> list[dict[str, str]]:
    eval_groups = _eval_groups([(t[0], t[1]) for t in GENERAL_TASKS], rng)
    rows: list[dict[str, str]] = []
    for index, (group, domain, prompts, answer, wrong) in enumerate(GENERAL_TASKS):
        # Every task gets a wrong answer and a fluent answer to another question. The second
        # is as long as a real answer, so length alone does not pick the chosen reply. Four
        # rows for three tasks in five and three for the rest, so the set has about 300.
        extra = rng.sample(["refusal", "evasive", "low_effort"], 2 if index % 5 < 3 else 1)
        kinds = ["wrong", "off_topic", *extra]
        rng.shuffle(kinds)
        for number, kind in enumerate(kinds):
            rejected = wrong if kind == "wrong" else _rejected_reply(kind, domain, rng)
            rows.append({
                "prompt": prompts[number % len(prompts)],
                "chosen": answer,
                "rejected": rejected,
                "split": "eval" if group in eval_groups else "train",
                "category": domain,
                "group": group,
                "rejected_kind": kind,
            })
    return rows


def _over_refusal_rows(rng: random.Random) -> list[dict[str, str]]:
    eval_groups = _eval_groups([(t[0], t[1]) for t in OVER_REFUSAL_TASKS], rng)
    rows: list[dict[str, str]] = []
    for index, (group, category, prompts, answer) in enumerate(OVER_REFUSAL_TASKS):
        # Three rows for two tasks in three and two for the rest, so the set has about 250.
        count = 2 if index % 3 == 2 else 3
        for number, refusal in enumerate(rng.sample(OVER_REFUSALS, count)):
            rows.append({
                "prompt": prompts[number % len(prompts)],
                "chosen": answer,
                "rejected": refusal,
                "split": "eval" if group in eval_groups else "train",
                "category": category,
                "group": group,
                "rejected_kind": "refusal",
            })
    return rows


def _check(rows: list[dict[str, str]], name: str) -> None:
    """Stop on a duplicate row or on a prompt that appears in both splits."""
    triples = [(row["prompt"], row["chosen"], row["rejected"]) for row in rows]
    if len(set(triples)) != len(triples):
        raise SystemExit(f"{name}: duplicate rows")
    splits: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        splits[row["prompt"]].add(row["split"])
    leaked = [prompt for prompt, seen in splits.items() if len(seen) > 1]
    if leaked:
        raise SystemExit(f"{name}: prompts in both splits: {leaked}")


def _write(rows: list[dict[str, str]], name: str) -> None:
    _check(rows, name)
    path = OUT / f"{name}.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    evals = sum(row["split"] == "eval" for row in rows)
    print(f"wrote {len(rows)} rows ({evals} eval) to {path}")


def main() -> None:
    rng = random.Random(SEED)
    _write(_general_rows(rng), "general")
    _write(_over_refusal_rows(rng), "over_refusal")


if __name__ == "__main__":
    main()
