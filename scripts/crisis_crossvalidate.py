"""Cross-validation of the crisis detector's trained model.

    .venv/bin/python scripts/crisis_crossvalidate.py [FOLDS]

Splits the shipped corpus (core/crisis/corpus/) into FOLDS parts (default 5,
every FOLDS-th line), trains the model on all parts but one and scores the one
left out, so every text is scored by a model that never saw it. Prints, for a
range of thresholds, the share of cries for help and of ordinary texts the
model alone flags, and the whole detector (the concepts, which were tuned
on this corpus, so their part is not a fair estimate, plus the model).
model.THRESHOLD is chosen from this table: the model alone at most 1.5% of
ordinary texts it never saw, so that with the concepts' own false alarms on
unseen text the detector stays under the issue's 3%.
"""

import os
import sys

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from core import crisis  # noqa: E402
from core.crisis import model  # noqa: E402


def main(folds=5):
    examples = model.training_set()
    readings = [crisis._read_text(text) for text, _label in examples]
    rows = [(model.features(reading), label) for reading, (_text, label) in zip(readings, examples, strict=True)]
    saved, model.THRESHOLD = model.THRESHOLD, 2.0  # concepts alone
    base = [bool(crisis.crisis_matches(text, editor_lexicon=False)) for text, _label in examples]
    model.THRESHOLD = saved
    scores = [0.0] * len(rows)
    for fold in range(folds):
        weights = model.train([row for index, row in enumerate(rows) if index % folds != fold])
        for index in range(fold, len(rows), folds):
            scores[index] = model.probability(weights, rows[index][0])
    cries = [index for index, (_found, label) in enumerate(rows) if label == 1]
    ordinary = [index for index, (_found, label) in enumerate(rows) if label == 0]
    base_recall = sum(base[i] for i in cries) / len(cries)
    base_alarms = sum(base[i] for i in ordinary) / len(ordinary)
    print(f"concepts alone: {base_recall:.1%} of {len(cries)} cries, {base_alarms:.1%} of {len(ordinary)}")  # noqa: T201
    print(f"{folds}-fold cross-validation; rules are the concepts (tuned on this corpus)")  # noqa: T201
    for threshold in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95):
        model_recall = sum(scores[i] >= threshold for i in cries) / len(cries)
        model_alarms = sum(scores[i] >= threshold for i in ordinary) / len(ordinary)
        recall = sum(base[i] or scores[i] >= threshold for i in cries) / len(cries)
        alarms = sum(base[i] or scores[i] >= threshold for i in ordinary) / len(ordinary)
        print(  # noqa: T201
            f"threshold {threshold:.2f}: model alone {model_recall:.1%} / {model_alarms:.1%}, "
            f"with the concepts {recall:.1%} / {alarms:.1%}"
        )


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:2]))
