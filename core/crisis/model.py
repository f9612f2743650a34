"""A small trained model, for recall on phrasings the concepts miss.

Logistic regression over a text's stems (words and pairs of words, idioms
blanked) and its concepts (each concept, negated or not, and each pair of
concepts in one clause), trained on the corpus shipped in corpus/ (every
crisis_*.txt line is a cry for help, every ordinary_*.txt line is not).
Pure Python: some 1,300 short texts train in well under a second, on first
use, the same way every time (fixed order, no randomness).

It only ever adds to the rules: a text is urgent by the model when its score
reaches THRESHOLD, chosen by cross-validation (scripts/crisis_crossvalidate.py)
so that the whole detector flags at most 2% of ordinary texts it was not
trained on. What matched is the features that carried the score.
"""

import math
import threading
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"
THRESHOLD = 0.7
EPOCHS = 30
RATE = 0.2
L2 = 1e-4

_STOP = frozenset({"~", ",", ".", "!", "?", ";", ":", "(", ")", '"', "a", "the", "an"})


def corpus_lines(name):
    text = (CORPUS / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def training_set():
    """(text, label) for every line of the shipped corpus, in file order."""
    examples = []
    for path in sorted(CORPUS.glob("*.txt")):
        label = 1 if path.name.startswith("crisis") else 0
        examples.extend((line, label) for line in corpus_lines(path.name))
    return examples


def features(read_clauses):
    """Feature names of a text read by concepts.read(): stems, pairs of
    stems, concepts and pairs of concepts within one clause."""
    found = set()
    for clause, hits in read_clauses:
        words = [word for word in clause.split() if word not in _STOP]
        found.update("w:" + word for word in words)
        found.update(f"b:{first} {second}" for first, second in zip(words, words[1:], strict=False))
        names = sorted({hit.concept + ("!" if hit.negated else "") for hit in hits} - {"self", "self!"})
        found.update("c:" + name for name in names)
        found.update(f"p:{first}+{second}" for i, first in enumerate(names) for second in names[i + 1 :])
    return found


def train(rows):
    """Weights (dict) from (feature set, label) rows: stochastic gradient
    descent on the log loss with a little L2, in a fixed order."""
    weights, bias = {}, 0.0
    for epoch in range(EPOCHS):
        rate = RATE / (1 + epoch * 0.2)
        for found, label in rows:
            score = bias + sum(weights.get(name, 0.0) for name in found)
            error = _sigmoid(score) - label
            bias -= rate * error
            for name in found:
                weight = weights.get(name, 0.0)
                weights[name] = weight - rate * (error + L2 * weight)
    weights[""] = bias
    return weights


def _sigmoid(score):
    if score < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-score))


def probability(weights, found):
    return _sigmoid(weights[""] + sum(weights.get(name, 0.0) for name in found))


def carried(weights, found, count=3):
    """The features that raised the score most, strongest first."""
    ranked = sorted((weights.get(name, 0.0), name) for name in found if weights.get(name, 0.0) > 0)
    return [name for _weight, name in reversed(ranked[-count:])]


_lock = threading.Lock()
_trained = {}


def trained_weights(read_text):
    """The model trained on the shipped corpus (once per process).
    `read_text(text)` must give concepts.read() of a text."""
    with _lock:
        if "weights" not in _trained:
            rows = [(features(read_text(text)), label) for text, label in training_set()]
            _trained["weights"] = train(rows)
        return _trained["weights"]
