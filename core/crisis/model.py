"""The trained model: the one calibrated decision on whether a text is urgent.

Logistic regression over a text's stems (words and pairs of words, idioms
blanked), its concepts (each concept, negated or not, and each pair of
concepts in one clause), the concept layer's decisions (which kinds of danger
its combinations found, as features the model weighs, not as a verdict of
their own) and a few cues (a question or a statement, whether the writer
speaks of themself, the text's length, and each decision with each cue) and
the frames of the whole text (the past, someone else's story, a professional's
question, a hospice, an amount, a one-way trip...: FRAMES), each crossed with
the decisions and with the concepts the text has; and the character 4-grams
of each word (GRAM_SIZES).
Trained on the corpus shipped in corpus/ (every crisis_*.txt line is a cry
for help, every ordinary_*.txt line is not). Pure Python, the same way every
time (fixed order, no randomness).

The model decides: a text is urgent when its score reaches THRESHOLD (or a
long text's window reaches WINDOW_THRESHOLD), chosen by leaving batches out
in six folds (scripts/crisis_crossvalidate.py --folds 6) for the most cries
for help caught with at most 3% of ordinary texts flagged. So talk about suicide or self-harm
(research, awareness, recovery, grief), which the concept combinations alone
would flag, can be outweighed by everything else in the text. Only the
editors' lexicon is on its own enough (core.crisis). What matched names the
concepts' kind of danger and words when they fired, else the clause and the
member's words whose features carried the score (core.crisis._model_match).

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
# Leaving batches out (51 batches with blind 14a, 14b and 14c, in six folds
# of eight or nine batches, each text scored by a model trained without its
# batch and the others of its fold; the whole run of 51 is over an hour), the
# whole at 0.607 or a window (windows(), texts of 25 tokens or more) at
# 0.907 catch the most with at most 3%: 94.0% / 3.0%, T10 (long posts, risk
# buried) 94.0% / 1.5%, T14 (short lines) 90.0% / 7.4%, the blind writers'
# batches 93.3% / 2.8% (with every gram at 1, GRAM_FULL_TOKENS = 0: 0.609,
# 94.2% / 3.0%, T14 77.5% / 11.7%, blind writers 93.6% / 2.9%). A window must
# score higher than a whole text: one sentence carries fewer features and is
# read without what outweighs it. (48 batches before 14a-c, every gram at 1:
# 0.624 and 0.924, 93.8% / 3.0%, T14 80.0% / 16.0%.)
THRESHOLD = 0.607
WINDOW_MIN_TOKENS = 25
WINDOW_THRESHOLD = 0.907
EPOCHS = 100
RATE = 0.2
# Strong L2: leaving one writer's batch out at a time, 1e-4 (fit hard to
# each writer's words) caught 85.5% of cries for help at 3% false alarms,
# 0.03 catches 88.2%; 0.05 no longer fits T14's short searches.
L2 = 0.03

STOP_WORDS = frozenset({"~", ",", ".", "!", "?", ";", ":", "(", ")", '"', "a", "the", "an"})
# Words (as canonical() writes them) by which a writer speaks of themself.
FIRST_PERSON = frozenset({"i", "me", "my", "myself", "mine", "im", "ive", "id", "ill"})


# Where a text's windows break: after a sentence's end, before "but" and
# "and then".
_WINDOW_ENDS = frozenset({".", "!", "?", ";"})


def windows(tokens):
    """The windows of a long text's tokens (canonical words): each sentence
    or clause (split after . ! ? ; and before "but" and "and then") and each
    two neighbouring ones; none for a text shorter than WINDOW_MIN_TOKENS
    or of one piece."""
    if len(tokens) < WINDOW_MIN_TOKENS:
        return []
    pieces, piece = [], []
    for at, word in enumerate(tokens):
        starts = word == "but" or (word == "and" and tokens[at + 1 : at + 2] == ["then"])
        if starts and piece:
            pieces.append(piece)
            piece = []
        piece.append(word)
        if word in _WINDOW_ENDS:
            pieces.append(piece)
            piece = []
    if piece:
        pieces.append(piece)
    if len(pieces) < 2:
        return []
    return pieces + [first + second for first, second in zip(pieces, pieces[1:], strict=False)]


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


def cue_features(tokens, decided):
    """Features of the whole text: whether it asks, whether the writer
    speaks of themself, its length, and each concept decision (a kind of
    danger the combinations found, concepts.concept_matches()) alone and
    with each cue, so the model learns, say, that "suicide" in a long
    third-person text is research and in a short first-person one is not."""
    asks = "?" in tokens
    first_person = not FIRST_PERSON.isdisjoint(tokens)
    count = len(tokens)
    length = "s" if count <= 6 else "m" if count <= 15 else "l" if count <= 35 else "xl"
    found = {"q:" + ("y" if asks else "n"), "fp:" + ("y" if first_person else "n"), "len:" + length}
    found.add("d:any" if decided else "d:none")
    for category in decided:
        found.update(
            {f"d:{category}", f"dx:{category}:fp{first_person}", f"dx:{category}:q{asks}", f"dx:{category}:{length}"}
        )
    return found


# Frames (lexicon.txt): when, where and whose a text is, read over the whole
# text, since the frame is often a clause away from the danger it changes
# ("I used to think they'd be better off without me. Therapy helped.").
FRAMES = frozenset(
    {"past", "reported", "professional", "care", "animal", "play", "storage"}
    | {"amount", "lethal", "one_way", "place", "water", "now", "joke"}
)
# Concepts crossed with each frame over the whole text: a means with an
# amount and now, death with a hospice, a wish with the past.
FRAMED = frozenset(
    {"suicide", "desire", "death", "life", "burden", "means", "query", "intent", "plan", "farewell"}
    | {"self_harm", "threat", "danger", "child_harm", "harm_other", "harm_pronoun", "future_gone", "hopeless"}
)


def frame_features(tokens, read_clauses, decided):
    """Each frame of the text alone, with first person, with each kind of
    danger the combinations named and with each concept it has anywhere."""
    frames, named = set(), set()
    for _clause, hits in read_clauses:
        for hit in hits:
            if hit.concept in FRAMES:
                frames.add(hit.concept)
            elif hit.concept in FRAMED:
                named.add(hit.concept + ("!" if hit.negated else ""))
    first_person = not FIRST_PERSON.isdisjoint(tokens)
    found = set()
    for frame in frames:
        found.update({f"fr:{frame}", f"fr:{frame}:fp{first_person}"})
        found.update(f"dx:{category}:{frame}" for category in decided)
        found.update(f"fx:{name}:{frame}" for name in named)
    return found


# Character n-grams of each word: a misspelling or an inflection the stems do
# not read, or a word the concepts do not list, still shares most of its grams
# with the words it resembles. Trained without the eleven blind writers'
# batches (9a-12d) and tested on them, recall at 3% false alarms: 80.5%
# without grams, 3-grams 86.4%, 4-grams 87.6%, 5-grams 84.7%, 3- and 4-grams
# 86.4%, 4- and 5-grams 85.6%, 3- to 5-grams 85.3% (twice the features of
# 4-grams alone, so twice the training time).
GRAM_SIZES = (4,)
# A text's grams are valued at its share of GRAM_FULL_TOKENS tokens (at 1 from
# there on): on a short everyday line ("How do I delete my account?", "See
# you next week") the few features were mostly grams, and those decided.
# Six folds of the 51 batches: T14 (short lines) 77.5% / 11.7% -> 90.0% /
# 7.4%, all 94.2% -> 94.0% at 3% (0 = every gram at 1).
GRAM_FULL_TOKENS = 10


def gram_features(tokens):
    """The character n-grams (GRAM_SIZES) of each token, the token marked
    at both ends ("<dying>": "g:<dyi", "g:dyin", "g:ying", "g:ing>")."""
    found = set()
    for token in tokens:
        marked = f"<{token}>"
        for size in GRAM_SIZES:
            found.update("g:" + marked[at : at + size] for at in range(len(marked) - size + 1))
    return found


def features(tokens, read_clauses, decided):
    """Feature names of a text: its tokens (canonical words), its clauses
    as concepts.read() gives them, and the categories concept_matches()
    decided on them."""
    found = cue_features(tokens, decided) | frame_features(tokens, read_clauses, decided) | gram_features(tokens)
    for clause, hits in read_clauses:
        found |= clause_features(clause, hits)
    return found


def gram_scale(tokens):
    """The value of each of a text's character n-grams: 1 from
    GRAM_FULL_TOKENS tokens on, less for a shorter text (a share of that
    count), so a short line's grams do not decide alone."""
    if not GRAM_FULL_TOKENS:
        return 1.0
    return min(1.0, len(tokens) / GRAM_FULL_TOKENS)


def train(rows):
    """Weights (dict) from (feature set, label, gram scale) rows (the
    scale, gram_scale(), is the value of the text's "g:" features, every
    other feature's is 1): stochastic gradient descent on the log loss
    with L2, in a fixed order."""
    # Sums in a fixed order: sets iterate in a per-process order, and the
    # rounding of a sum in another order would train other weights.
    rows = [(sorted(found), label, scale) for found, label, scale in rows]
    # Rows in an order that mixes cries for help, ordinary texts and batches
    # yet is the same every time (a digest of each row's features): in file
    # order every epoch ends on a run of ordinary texts, which pulls the last
    # batches of cries for help below any high threshold.
    rows.sort(key=lambda row: hashlib.sha1(" ".join(row[0]).encode()).hexdigest())  # noqa: S324 - an order, not security
    # Each feature as its place in a list (the same sums in the same order
    # as by name, so the same weights, in about half the time).
    names = sorted({name for found, _label, _scale in rows for name in found})
    place = {name: at for at, name in enumerate(names)}
    rows = [
        (
            [place[name] for name in found if not name.startswith("g:")],
            [place[name] for name in found if name.startswith("g:")],
            label,
            scale,
        )
        for found, label, scale in rows
    ]
    weights, bias = [0.0] * len(names), 0.0
    weight_at = weights.__getitem__
    for epoch in range(EPOCHS):
        rate = RATE / (1 + epoch * 0.2)
        shrink = 1 - rate * L2
        for plain, grams, label, scale in rows:
            score = bias + sum(map(weight_at, plain)) + scale * sum(map(weight_at, grams))
            step = rate * (_sigmoid(score) - label)
            bias -= step
            for at in plain:
                weights[at] = weights[at] * shrink - step
            gram_step = step * scale
            for at in grams:
                weights[at] = weights[at] * shrink - gram_step
    trained = dict(zip(names, weights, strict=True))
    trained[""] = bias
    return trained


def _sigmoid(score):
    if score < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-score))


def probability(weights, found, scale=1.0):
    """The score of a text's features `found`, its "g:" features valued
    at `scale` (gram_scale())."""
    plain = sum(weights.get(name, 0.0) for name in found if not name.startswith("g:"))
    grams = sum(weights.get(name, 0.0) for name in found if name.startswith("g:"))
    return _sigmoid(weights[""] + plain + scale * grams)


def digest():
    """A digest of everything the weights are trained from."""
    found = hashlib.sha256()
    paths = sorted(CORPUS.glob("*.txt")) + [HERE / name for name in _SOURCES]
    for path in paths:
        found.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return found.hexdigest()


def train_corpus(read_text):
    """Weights trained on the shipped corpus, rounded as they are shipped.
    `read_text(text)` must give features()'s arguments for a text."""
    rows = []
    for text, label in training_set():
        reading = read_text(text)
        rows.append((features(*reading), label, gram_scale(reading[0])))
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
