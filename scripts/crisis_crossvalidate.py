"""Leave-one-batch-out figures for the crisis detector's one decision.

    .venv/bin/python scripts/crisis_crossvalidate.py [--folds N] [BATCH ...]

With batch names (t5, t16, first...), only those are left out in turn and
the figures are theirs (each still trained on every other batch): a quick
look at one writer's batch without the whole run (one training a batch).
With --folds N, the batches are left out N groups at a time (every Nth
batch by name together): N trainings instead of one a batch (--folds 6 is
about 6 minutes, the run of all 48 batches about 75).

The corpus is made of batches, each written by one writer at one time
(core/crisis/corpus/crisis_X.txt with ordinary_X.txt). Each batch in turn is
left out: the model is trained on all the others and scores the one left
out, which is how a new writer's text meets it. Printed: the pooled share of
cries for help and of ordinary texts flagged at a range of thresholds, the
threshold that catches the most cries for help with at most 3% of ordinary
texts flagged (compare it with model.THRESHOLD, which is chosen by hand
from these figures), and each batch at model.THRESHOLD; then the same for
the newer batches alone and for the blind writers' batches alone.

The concepts the model reads were tuned on the earlier batches (the first
batch to T4 and the blind and held-out ones), so their left-out figures
flatter it; T5 and later were trained on only after their first-sight
figures were recorded (README), and their left-out figures ("newer
batches") are a fairer estimate of new writers' text; so are the batches of
the blind writers who saw no project file (blind_8, blind_9a and on).
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

THRESHOLDS = (0.3, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)
MAX_FALSE_ALARMS = 0.03
# Batches the concepts were never tuned on (T5 and later): the fair estimate.
OLDER_BATCHES = frozenset({"first", "t1", "t2", "t3", "t4"})


def is_newer(name):
    return name.startswith("t") and name not in OLDER_BATCHES


def is_blind_writer(name):
    """blind_8, blind_9a...: the writers who saw no project file (blind_a
    and blind_b were the concepts' first tuning text)."""
    return name.startswith("blind_") and name[6:7].isdigit()


def batches():
    """(batch name, text, label) for every line of the corpus."""
    found = []
    for path in sorted(model.CORPUS.glob("*.txt")):
        label = 1 if path.name.startswith("crisis") else 0
        name = path.stem.removeprefix("crisis").removeprefix("ordinary").strip("_") or "first"
        found.extend((name, line, label) for line in model.corpus_lines(path.name))
    return found


def window_rows(tokens):
    """The features of each of a long text's windows (model.windows)."""
    found = []
    for window in model.windows(tokens):
        reading = crisis.read([crisis.stem(token) for token in window])
        found.append(
            (
                model.features(window, reading, [category for category, _h in crisis.concept_matches(reading)]),
                model.gram_scale(window),
            )
        )
    return found


def leave_one_batch_out(examples, names, folds=None):
    """Each example's score by a model trained on every other batch, for
    the examples of the batches `names` (the others score None). With
    `folds`, the batches are left out that many at a time (every folds-th
    name together), not one at a time. A score is the whole text's, or a
    window's less the windows' margin (model.WINDOW_THRESHOLD above
    model.THRESHOLD) if higher, so a threshold t here is the detector's
    decision with the whole at t and the windows at t plus the margin."""
    read = [crisis._read_text(text) for _name, text, _label in examples]
    rows = [
        (model.features(*reading), label, model.gram_scale(reading[0]))
        for reading, (_name, _text, label) in zip(read, examples, strict=True)
    ]
    windows = [window_rows(reading[0]) for reading in read]
    margin = model.WINDOW_THRESHOLD - model.THRESHOLD
    groups = [names[start::folds] for start in range(folds)] if folds else [[name] for name in names]
    scores = [None] * len(rows)
    for group in groups:
        left_out = [index for index, example in enumerate(examples) if example[0] in group]
        weights = model.train([row for row, example in zip(rows, examples, strict=True) if example[0] not in group])
        for index in left_out:
            whole = model.probability(weights, rows[index][0], rows[index][2])
            parts = [model.probability(weights, found, scale) - margin for found, scale in windows[index]]
            scores[index] = max([whole, *parts])
    return scores


def figures(examples, scores, threshold, indexes=None):
    """(share of cries for help, share of ordinary texts) flagged."""
    indexes = [index for index, score in enumerate(scores) if score is not None] if indexes is None else indexes
    cries = [scores[index] >= threshold for index in indexes if examples[index][2] == 1]
    ordinary = [scores[index] >= threshold for index in indexes if examples[index][2] == 0]
    return sum(cries) / len(cries), sum(ordinary) / len(ordinary)


def best_threshold(examples, scores, indexes=None, max_false_alarms=MAX_FALSE_ALARMS):
    """The lowest threshold (in steps of 0.001) that flags at most
    `max_false_alarms` of ordinary texts: the most cries for help caught."""
    for step in range(1, 1000):
        if figures(examples, scores, step / 1000, indexes)[1] <= max_false_alarms:
            return step / 1000
    return 0.999


def summary(label, examples, scores, indexes=None):
    print(f"  {label}:")  # noqa: T201
    for threshold in THRESHOLDS:
        recall, false_alarms = figures(examples, scores, threshold, indexes)
        print(f"    threshold {threshold:.2f}: {recall:.1%} / {false_alarms:.1%}")  # noqa: T201
    threshold = best_threshold(examples, scores, indexes)
    recall, false_alarms = figures(examples, scores, threshold, indexes)
    print(f"    best with at most {MAX_FALSE_ALARMS:.0%}: {threshold:.3f}, {recall:.1%} / {false_alarms:.1%}")  # noqa: T201


def main():
    started = time.process_time()
    examples = batches()
    every_name = sorted({name for name, _text, _label in examples})
    arguments = sys.argv[1:]
    folds = None
    if arguments[:1] == ["--folds"]:
        folds, arguments = int(arguments[1]), arguments[2:]
    names = arguments or every_name
    unknown = sorted(set(names) - set(every_name))
    if unknown:
        sys.exit(f"no such batch: {', '.join(unknown)} (batches: {', '.join(every_name)})")
    scores = leave_one_batch_out(examples, names, folds)
    cries = sum(label for name, _text, label in examples if name in names)
    texts = sum(1 for name, _text, _label in examples if name in names)
    print(  # noqa: T201
        f"leave one batch out: {len(names)} batches, {cries} cries for help, {texts - cries} ordinary texts "
        f"({time.process_time() - started:.0f} s CPU)"
    )
    summary("left-out batches", examples, scores)
    newer = [index for index, example in enumerate(examples) if is_newer(example[0]) and example[0] in names]
    if newer:
        summary(f"newer batches ({', '.join(name for name in names if is_newer(name))})", examples, scores, newer)
    blind = [index for index, example in enumerate(examples) if is_blind_writer(example[0]) and example[0] in names]
    if blind:
        summary(f"blind writers' batches ({', '.join(filter(is_blind_writer, names))})", examples, scores, blind)
    print(f"  per batch at model.THRESHOLD {model.THRESHOLD}:")  # noqa: T201
    for name in names:
        indexes = [index for index, example in enumerate(examples) if example[0] == name]
        recall, false_alarms = figures(examples, scores, model.THRESHOLD, indexes)
        print(f"    {name:10} {recall:6.1%} / {false_alarms:5.1%}")  # noqa: T201
    recall, false_alarms = figures(examples, scores, model.THRESHOLD)
    print(f"    {'pooled':10} {recall:6.1%} / {false_alarms:5.1%}")  # noqa: T201


if __name__ == "__main__":
    main()
