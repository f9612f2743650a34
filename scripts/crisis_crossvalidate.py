"""Cross-validation of the crisis detector's trained model.

    .venv/bin/python scripts/crisis_crossvalidate.py [FOLDS]

Two estimates, each scoring every text with a model that never saw it:

- leave one batch out (the main one): the corpus is made of batches, each
  written by one writer at one time (core/crisis/corpus/crisis_X.txt with
  ordinary_X.txt); the model is trained on every batch but one and scores the
  one left out, which is how a new writer's text meets it;
- FOLDS-fold (default 5, every FOLDS-th line), which mixes every writer into
  training and so flatters the model.

For a range of thresholds it prints the share of cries for help and of
ordinary texts the model alone flags, and the whole detector (the concepts
plus the model). The concepts were tuned on every batch, and the model reads
them as features, so both figures are kinder than a first sight of new text
(the README keeps those). model.THRESHOLD is chosen from the leave-one-batch-
out table: the model alone at most 1% of ordinary texts it never saw, so that
with the concepts' own false alarms on unseen text the detector stays under
the issue's 3%.
"""

import os
import sys

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from core import crisis  # noqa: E402
from core.crisis import concepts, model  # noqa: E402

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def batches():
    """(batch name, text, label) for every line of the corpus."""
    found = []
    for path in sorted(model.CORPUS.glob("*.txt")):
        label = 1 if path.name.startswith("crisis") else 0
        name = path.stem.removeprefix("crisis").removeprefix("ordinary").strip("_") or "first"
        found.extend((name, line, label) for line in model.corpus_lines(path.name))
    return found


def scores_left_out(rows, splits):
    scores = [0.0] * len(rows)
    for test in splits:
        left_out = set(test)
        weights = model.train([row for index, row in enumerate(rows) if index not in left_out])
        for index in test:
            scores[index] = model.probability(weights, rows[index][0])
    return scores


def share(indexes, flagged):
    return sum(1 for index in indexes if flagged(index)) / len(indexes)


def table(title, labels, base, scores):
    cries = [index for index, label in enumerate(labels) if label == 1]
    ordinary = [index for index, label in enumerate(labels) if label == 0]
    print(title)  # noqa: T201
    for threshold in THRESHOLDS:
        alone = [share(group, lambda i, t=threshold: scores[i] >= t) for group in (cries, ordinary)]
        both = [share(group, lambda i, t=threshold: base[i] or scores[i] >= t) for group in (cries, ordinary)]
        print(  # noqa: T201
            f"  threshold {threshold:.2f}: model alone {alone[0]:.1%} / {alone[1]:.1%}, "
            f"with the concepts {both[0]:.1%} / {both[1]:.1%}"
        )


def main(folds=5):
    examples = batches()
    readings = [crisis._read_text(text) for _name, text, _label in examples]
    labels = [label for _name, _text, label in examples]
    rows = [(model.features(reading), label) for reading, label in zip(readings, labels, strict=True)]
    base = [bool(concepts.concept_matches(reading)) for reading in readings]
    cries = [index for index, label in enumerate(labels) if label == 1]
    ordinary = [index for index, label in enumerate(labels) if label == 0]
    print(  # noqa: T201
        f"concepts alone (tuned on this corpus): {share(cries, base.__getitem__):.1%} of {len(cries)} cries, "
        f"{share(ordinary, base.__getitem__):.1%} of {len(ordinary)} ordinary texts"
    )
    names = sorted({name for name, _text, _label in examples})
    by_batch = [[index for index, example in enumerate(examples) if example[0] == name] for name in names]
    left_out = scores_left_out(rows, by_batch)
    table(f"leave one batch out ({len(names)} batches)", labels, base, left_out)
    print(f"  per batch at threshold {model.THRESHOLD}, model alone / with the concepts:")  # noqa: T201
    for name, indexes in zip(names, by_batch, strict=True):
        batch_cries = [index for index in indexes if labels[index] == 1]
        batch_ordinary = [index for index in indexes if labels[index] == 0]
        figures = []
        for flagged in (
            lambda i: left_out[i] >= model.THRESHOLD,
            lambda i: base[i] or left_out[i] >= model.THRESHOLD,
        ):
            figures.append(f"{share(batch_cries, flagged):.1%} / {share(batch_ordinary, flagged):.1%}")
        print(f"    {name:10} {figures[0]:>15}   {figures[1]:>15}")  # noqa: T201
    folded = scores_left_out(rows, [list(range(fold, len(rows), folds)) for fold in range(folds)])
    table(f"{folds}-fold cross-validation", labels, base, folded)


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:2]))
