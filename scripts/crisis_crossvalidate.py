"""Leave-one-batch-out figures for the crisis detector's one decision.

    .venv/bin/python scripts/crisis_crossvalidate.py

The corpus is made of batches, each written by one writer at one time
(core/crisis/corpus/crisis_X.txt with ordinary_X.txt). Each batch in turn is
left out: the model is trained on all the others and scores the one left
out, which is how a new writer's text meets it. Printed: the pooled share of
cries for help and of ordinary texts flagged at a range of thresholds, the
threshold that catches the most cries for help with at most 3% of ordinary
texts flagged (model.THRESHOLD is set to it), and each batch at
model.THRESHOLD.

The concepts the model reads were tuned on the earlier batches (the first
batch to T4), so their left-out figures flatter it; T5 to T10 were trained
on only after their first-sight figures were recorded (README), and their
left-out figures are the fairest estimate of new writers' text.
"""

import os
import sys
import time

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from core import crisis  # noqa: E402
from core.crisis import model  # noqa: E402

THRESHOLDS = (0.3, 0.5, 0.7, 0.8, 0.85, 0.9, 0.95)
MAX_FALSE_ALARMS = 0.03


def batches():
    """(batch name, text, label) for every line of the corpus."""
    found = []
    for path in sorted(model.CORPUS.glob("*.txt")):
        label = 1 if path.name.startswith("crisis") else 0
        name = path.stem.removeprefix("crisis").removeprefix("ordinary").strip("_") or "first"
        found.extend((name, line, label) for line in model.corpus_lines(path.name))
    return found


def leave_one_batch_out(examples):
    """Each example's score by a model trained on every other batch."""
    rows = [(model.features(*crisis._read_text(text)), label) for _name, text, label in examples]
    scores = [0.0] * len(rows)
    for name in sorted({name for name, _text, _label in examples}):
        left_out = [index for index, example in enumerate(examples) if example[0] == name]
        weights = model.train([row for row, example in zip(rows, examples, strict=True) if example[0] != name])
        for index in left_out:
            scores[index] = model.probability(weights, rows[index][0])
    return scores


def figures(examples, scores, threshold, indexes=None):
    """(share of cries for help, share of ordinary texts) flagged."""
    indexes = range(len(examples)) if indexes is None else indexes
    cries = [scores[index] >= threshold for index in indexes if examples[index][2] == 1]
    ordinary = [scores[index] >= threshold for index in indexes if examples[index][2] == 0]
    return sum(cries) / len(cries), sum(ordinary) / len(ordinary)


def best_threshold(examples, scores, max_false_alarms=MAX_FALSE_ALARMS):
    """The lowest threshold (in steps of 0.01) that flags at most
    `max_false_alarms` of ordinary texts: the most cries for help caught."""
    for step in range(1, 100):
        if figures(examples, scores, step / 100)[1] <= max_false_alarms:
            return step / 100
    return 0.99


def main():
    started = time.process_time()
    examples = batches()
    scores = leave_one_batch_out(examples)
    names = sorted({name for name, _text, _label in examples})
    cries = sum(label for _name, _text, label in examples)
    print(  # noqa: T201
        f"leave one batch out: {len(names)} batches, {cries} cries for help, {len(examples) - cries} ordinary texts "
        f"({time.process_time() - started:.0f} s CPU)"
    )
    for threshold in THRESHOLDS:
        recall, false_alarms = figures(examples, scores, threshold)
        print(f"  threshold {threshold:.2f}: {recall:.1%} / {false_alarms:.1%}")  # noqa: T201
    threshold = best_threshold(examples, scores)
    recall, false_alarms = figures(examples, scores, threshold)
    print(f"  best with at most {MAX_FALSE_ALARMS:.0%}: {threshold:.2f}, {recall:.1%} / {false_alarms:.1%}")  # noqa: T201
    print(f"  per batch at model.THRESHOLD {model.THRESHOLD}:")  # noqa: T201
    for name in names:
        indexes = [index for index, example in enumerate(examples) if example[0] == name]
        recall, false_alarms = figures(examples, scores, model.THRESHOLD, indexes)
        print(f"    {name:10} {recall:6.1%} / {false_alarms:5.1%}")  # noqa: T201
    recall, false_alarms = figures(examples, scores, model.THRESHOLD)
    print(f"    {'pooled':10} {recall:6.1%} / {false_alarms:5.1%}")  # noqa: T201


if __name__ == "__main__":
    main()
