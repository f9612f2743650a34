"""Cross-validation of the crisis detector's trained model.

    .venv/bin/python scripts/crisis_crossvalidate.py [FOLDS]

Splits the shipped corpus (core/crisis/corpus/) into FOLDS parts (default 5,
every FOLDS-th line), trains the model on all parts but one and scores the one
left out, so every text is scored by a model that never saw it. Prints, for a
range of thresholds, the share of cries for help and of ordinary texts the
whole detector flags (rules and concepts, which were tuned on this corpus,
plus the model at that threshold). model.THRESHOLD is chosen from this table:
the lowest threshold whose false alarms stay at or under 2%.
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
    saved, model.THRESHOLD = model.THRESHOLD, 2.0  # rules and concepts alone
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
    print(f"rules and concepts alone: {base_recall:.1%} of {len(cries)} cries, {base_alarms:.1%} of {len(ordinary)}")  # noqa: T201
    print(f"model alone at 0.5 ({folds}-fold): {sum(scores[i] >= 0.5 for i in cries) / len(cries):.1%} / "  # noqa: T201
          f"{sum(scores[i] >= 0.5 for i in ordinary) / len(ordinary):.1%}")
    for threshold in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95):
        recall = sum(base[i] or scores[i] >= threshold for i in cries) / len(cries)
        alarms = sum(base[i] or scores[i] >= threshold for i in ordinary) / len(ordinary)
        print(f"detector with model at {threshold:.2f}: {recall:.1%} of cries, {alarms:.1%} of ordinary")  # noqa: T201


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:2]))
