"""A small trained model, for recall on phrasings the concepts miss.

Logistic regression over a text's stems (words and pairs of words, idioms
blanked) and its concepts (each concept, negated or not, and each pair of
concepts in one clause), trained on the corpus shipped in corpus/ (every
crisis_*.txt line is a cry for help, every ordinary_*.txt line is not).
Pure Python: the 2,900 texts train in a few seconds, the same way every
time (fixed order, no randomness).

It only ever adds to the rules: a text is urgent by the model when its score
reaches THRESHOLD, chosen by cross-validation (scripts/crisis_crossvalidate.py)
so that the whole detector flags at most 2% of ordinary texts it was not
trained on. What matched names the clause and the member's words whose
features carried the score (core.crisis._model_match).

The weights are trained once by scripts/crisis_train.py and shipped in
weights.json with a digest of everything they were trained from (the corpus,
the concept lexicon and the detector's code), so no web worker or test
process trains. Should the digest not match (someone changed the corpus and
did not run the script), the process trains on first use as before, and
tests/core/test_crisis_detector.py fails until the script is run.
"""

import hashlib
import json
import math
import threading
from pathlib import Path

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
WEIGHTS = HERE / "weights.json"
# What the weights depend on: the corpus, the concepts and the code that
# reads a text into features.
_SOURCES = ("lexicon.txt", "normalise.py", "words.py", "concepts.py", "model.py")
THRESHOLD = 0.5
EPOCHS = 30
RATE = 0.2
L2 = 1e-3

STOP_WORDS = frozenset({"~", ",", ".", "!", "?", ";", ":", "(", ")", '"', "a", "the", "an"})


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


def clause_features(clause, hits):
    """Feature names of one clause (as concepts.read() gives it): its stems,
    pairs of stems, concepts and pairs of concepts."""
    found = set()
    words = [word for word in clause.split() if word not in STOP_WORDS]
    found.update("w:" + word for word in words)
    found.update(f"b:{first} {second}" for first, second in zip(words, words[1:], strict=False))
    names = sorted({hit.concept + ("!" if hit.negated else "") for hit in hits} - {"self", "self!"})
    found.update("c:" + name for name in names)
    found.update(f"p:{first}+{second}" for i, first in enumerate(names) for second in names[i + 1 :])
    return found


def features(read_clauses):
    """Feature names of a text read by concepts.read(): the union of its
    clauses' features."""
    found = set()
    for clause, hits in read_clauses:
        found |= clause_features(clause, hits)
    return found


def train(rows):
    """Weights (dict) from (feature set, label) rows: stochastic gradient
    descent on the log loss with a little L2, in a fixed order."""
    weights, bias = {}, 0.0
    # Sums in a fixed order: sets iterate in a per-process order, and the
    # rounding of a sum in another order would train other weights.
    rows = [(sorted(found), label) for found, label in rows]
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


def digest():
    """A digest of everything the weights are trained from."""
    found = hashlib.sha256()
    paths = sorted(CORPUS.glob("*.txt")) + [HERE / name for name in _SOURCES]
    for path in paths:
        found.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return found.hexdigest()


def train_corpus(read_text):
    """Weights trained on the shipped corpus, rounded as they are shipped.
    `read_text(text)` must give concepts.read() of a text."""
    rows = [(features(read_text(text)), label) for text, label in training_set()]
    return {name: round(weight, 6) for name, weight in train(rows).items()}


def write_weights(read_text, path=None):
    weights = train_corpus(read_text)
    path = path or WEIGHTS
    shipped = {"digest": digest(), "weights": dict(sorted(weights.items()))}
    path.write_text(json.dumps(shipped, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    return weights


def shipped_weights(path=None):
    """(digest, weights) of the shipped file, or (None, None) without one."""
    try:
        shipped = json.loads((path or WEIGHTS).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None, None
    return shipped["digest"], shipped["weights"]


_lock = threading.Lock()
_trained = {}


def trained_weights(read_text):
    """The model for the shipped corpus: the shipped weights when they are
    current, else trained once per process."""
    with _lock:
        if "weights" not in _trained:
            stored_digest, weights = shipped_weights()
            if stored_digest != digest():
                weights = train_corpus(read_text)
            _trained["weights"] = weights
        return _trained["weights"]
