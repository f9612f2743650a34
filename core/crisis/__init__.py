"""The one crisis detector for every place member text enters the site.

    from core.crisis import crisis_check

    match = crisis_check(title, body)      # any number of texts
    if match:                              # a CrisisMatch, or None
        item.urgent = True
        item.crisis_match = match.summary  # for moderators only

Questions, comments, search queries, and later messages and consultation
notes all call crisis_check() on what the member wrote; what to do on a match
(hold, deliver with a notice, show the panel) is each surface's business.

How a text is read, in order:

1. normalise.py folds it (NFKC, invisible characters, look-alike letters,
   disguised spellings, contractions); words.py reads each word as the key
   word it misspells and cuts it to a stem, so every inflection is one word.
2. The editors' lexicon (core.CrisisPhrase, kept in the Wagtail admin):
   phrases and patterns editors add, each on its own enough.
3. Concepts (concepts.py): each clause is tagged with what it is about
   (a wish, death, living, a method, a plan, a goodbye, self-harm, a threat
   from someone close, harm to others), negation turns a concept round, and
   combinations of concepts in a clause or its neighbours name a kind of
   danger. This is the general reading: it knows meanings, not sentences,
   so phrasings nobody listed are read, and "I don't want to die" reads
   otherwise than "I don't want to wake up".
4. One trained model (model.py) decides: its features are the stems, the
   concepts, the kinds of danger the combinations named and a few cues
   (question or statement, first person, length). A text is urgent when its
   score reaches model.THRESHOLD (or a long text's sentence or clause,
   model.windows, reaches the higher model.WINDOW_THRESHOLD); both are chosen
   by leaving batches out in six folds (scripts/crisis_crossvalidate.py
   --folds 6: each text scored by a model trained without its batch and
   the others of its fold) for the most cries for help caught with at most
   3% of ordinary texts flagged; what matched is then the concepts' kind of
   danger and words when they named one, else the clause and member's words
   whose features carried the score, and the kind of danger in that clause.

Rules and the lexicon are compiled once; the editors' lexicon on first use
and again after an editor changes it (see lexicon_changed).
"""

import re
import threading
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from .. import shared_cache
from . import concepts as builtin
from . import model
from .concepts import concept_matches, read
from .normalise import fold, normalise
from .words import canonical, stem

__all__ = [
    "CrisisMatch",
    "canonical",
    "crisis_check",
    "crisis_matches",
    "fold",
    "lexicon_changed",
    "normalise",
    "phrase_pattern",
]


@dataclass(frozen=True)
class CrisisMatch:
    """What made a text urgent: a category, the rule or editor phrase, and
    the words (normalised) that matched. For moderators only: never put
    `excerpt` or `summary` in an e-mail or anywhere the public sees."""

    category: str
    rule: str
    excerpt: str

    @property
    def category_label(self):
        return builtin.CATEGORY_LABELS.get(self.category, self.category)

    @property
    def summary(self):
        return _("%(category)s: “%(excerpt)s”") % {"category": self.category_label, "excerpt": self.excerpt}

    def __str__(self):
        return str(self.summary)


# The editors' lexicon -------------------------------------------------------

_VERSION_KEY = "core.crisis.lexicon.version"
_lexicon_lock = threading.Lock()
_lexicon = {"version": None, "entries": []}


def _word_form(word):
    """A regex for `word` and its usual inflections (hurt, hurts, hurting...)."""
    stem = re.escape(word)
    if len(word) <= 2 or not word.isalpha():
        return stem
    forms = [stem + r"(?:s|es|ed|d|ing|er|ers)?"]
    if word.endswith("e"):
        forms.append(re.escape(word[:-1]) + "ing")
    if word.endswith("y"):
        forms.append(re.escape(word[:-1]) + r"(?:ies|ied)")
    if len(word) >= 3 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        forms.append(stem + re.escape(word[-1]) + r"(?:ed|ing|er)")
    return "(?:" + "|".join(forms) + ")"


def phrase_pattern(phrase):
    """An editor's phrase as a compiled pattern: its words in order, normalised
    like member text, each in any of its word forms, with up to one word
    between them ("hurt myself" also finds "hurting myself", "hurt my self")."""
    words = canonical(phrase).split()
    words = [word for word in words if re.fullmatch(r"[a-z0-9']+", word)]
    if not words:
        return None
    gap = r" (?:[a-z']+ )?"
    return re.compile(r"(?<![a-z'])" + gap.join(_word_form(word) for word in words) + r"(?![a-z'])")


def _editor_entries():
    from core.models import CrisisPhrase

    entries = []
    for row in CrisisPhrase.objects.filter(active=True).order_by("pk"):
        try:
            compiled = phrase_pattern(row.phrase) if row.kind == CrisisPhrase.Kind.PHRASE else re.compile(row.phrase)
        except re.error:
            continue  # the admin form refuses bad patterns; never fail a member's post on one
        if compiled is not None:
            entries.append((row.phrase, compiled))
    return entries


def _current_version():
    """The lexicon's version in the shared cache, or None when the cache does
    not answer (then every check reads the lexicon from the database: an
    editor's new phrase must never be missed)."""
    version = cache.get(_VERSION_KEY, 0)
    return version if shared_cache.answering() else None


@shared_cache.after_outage  # an editor's change meanwhile reached no other process
def _move_version_on():
    try:
        cache.incr(_VERSION_KEY)
    except ValueError:
        cache.set(_VERSION_KEY, 1, timeout=None)


def lexicon_changed():
    """Call after an editor changes the lexicon: every process recompiles it."""
    _move_version_on()
    with _lexicon_lock:
        _lexicon["version"] = None


def _editor_lexicon():
    # One cache read a check: every process sees an editor's change at once.
    version = _current_version()
    with _lexicon_lock:
        if version is None or version != _lexicon["version"]:
            _lexicon["entries"] = _editor_entries()
            _lexicon["version"] = version
        return _lexicon["entries"]


# Checking -------------------------------------------------------------------


def _excerpt(text, match):
    return text[match.start() : match.end()].strip(" ~")[:120]


def crisis_matches(*texts, editor_lexicon=True):
    """Every match in `texts` (joined as separate sentences): editor phrases;
    else, when the model finds the text urgent, one match per kind of danger
    the concepts named, or the model's own match when they named none."""
    joined = " . ".join(text for text in texts if text)
    if not joined.strip():
        return []
    text = canonical(joined)
    found = []
    if editor_lexicon:
        for phrase, compiled in _editor_lexicon():
            hit = compiled.search(text)
            if hit:
                found.append(CrisisMatch(builtin.EDITOR, phrase, _excerpt(text, hit)))
    if not found:
        found.extend(_general_matches(text))
    return found


# The kind of danger a model match names: the first of these concepts in the
# clause that carried the score (else in the whole text), else "several
# warning signs".
_CONCEPT_CATEGORY = [
    ("suicide", builtin.SUICIDE),
    ("means", builtin.METHOD),
    ("plan", builtin.METHOD),
    ("self_harm", builtin.SELF_HARM),
    ("threat", builtin.HARM_FROM_OTHERS),
    ("danger", builtin.HARM_FROM_OTHERS),
    ("child_harm", builtin.HARM_TO_CHILD),
    ("harm_other", builtin.HARM_TO_OTHERS),
    ("harm_pronoun", builtin.HARM_TO_OTHERS),
    ("farewell", builtin.FAREWELL),
    ("death", builtin.WISH_TO_DIE),
    ("life", builtin.WISH_TO_DIE),
    ("future_gone", builtin.WISH_TO_DIE),
    ("hopeless", builtin.WISH_TO_DIE),
    ("burden", builtin.WISH_TO_DIE),
    ("despair", builtin.WARNING_SIGNS),
    ("close", builtin.HARM_FROM_OTHERS),
]
# "he" and "she" are someone close only with a threat; alone they name no danger.
_PRONOUNS = frozenset({"he", "she"})
_CATEGORY_OF = dict(_CONCEPT_CATEGORY)
_RANK = {name: rank for rank, (name, _category) in enumerate(_CONCEPT_CATEGORY)}
# The member's words a model match shows: at most this many, in spans.
_SHOWN_WORDS = 6


def _read_text(text):
    """What the model reads of a text: (tokens, clauses with their concept
    hits, the kinds of danger the concepts named), model.features()'s
    arguments."""
    tokens = [token for token in canonical(text).split(" ") if token]
    reading = read([stem(token) for token in tokens])
    return tokens, reading, [category for category, _hits in concept_matches(reading)]


def _feature_positions(feature, offset, clause_words, hits):
    """The token positions (in the whole text) of the words that make
    `feature` in one clause."""
    kind, _colon, name = feature.partition(":")
    if kind in {"c", "p"}:
        wanted = set(name.split("+"))
        return [
            position
            for hit in hits
            if hit.concept + ("!" if hit.negated else "") in wanted
            for position in range(hit.first_token, hit.last_token)
        ]
    kept = [(index, word) for index, word in enumerate(clause_words) if word not in model.STOP_WORDS]
    parts = name.split(" ")
    positions = []
    for at in range(len(kept) - len(parts) + 1):
        if [word for _index, word in kept[at : at + len(parts)]] == parts:
            positions.extend(offset + index for index, _word in kept[at : at + len(parts)])
    return positions


def _named_concepts(hits):
    return [
        hit.concept
        for hit in hits
        if hit.concept in _RANK and not (hit.concept == "close" and hit.words.strip() in _PRONOUNS)
    ]


def _model_match(tokens, stems, reading, weights, score):
    """A model match that names the kind of danger and the member's words
    that carried the score: each clause's features are weighed, the clause
    that raised the score most is the one shown, and within it the words
    its strongest features stand on, in the member's order."""
    best = None
    for (offset, clause), (_clause, hits) in zip(builtin.clauses(stems), reading, strict=True):
        clause_words = clause.split()
        weight_of = {}
        for feature in model.clause_features(clause, hits):
            weight = weights.get(feature, 0.0)
            positions = _feature_positions(feature, offset, clause_words, hits) if weight > 0 else []
            for position in positions:
                weight_of[position] = weight_of.get(position, 0.0) + weight / len(positions)
        total = sum(weight_of.values())
        if weight_of and (best is None or total > best[0]):
            best = (total, weight_of, hits)
    if best is None:
        return CrisisMatch(builtin.WARNING_SIGNS, f"model: {score:.2f}", "")
    _total, weight_of, hits = best
    strongest = sorted(weight_of, key=lambda position: (-weight_of[position], position))[:_SHOWN_WORDS]
    cut = weight_of[strongest[0]] / 3
    shown = sorted(position for position in strongest if weight_of[position] >= cut)
    spans = []
    for position in shown:
        if spans and position - spans[-1][-1] <= 2:
            spans[-1].extend(range(spans[-1][-1] + 1, position + 1))
        else:
            spans.append([position])
    excerpt = " … ".join(" ".join(tokens[at] for at in span if tokens[at].isalnum()) for span in spans)
    ranked = sorted((_RANK[name], name) for name in _named_concepts(hits))
    ranked = ranked or sorted((_RANK[name], name) for _c, all_hits in reading for name in _named_concepts(all_hits))
    category = _CATEGORY_OF[ranked[0][1]] if ranked else builtin.WARNING_SIGNS
    return CrisisMatch(category, f"model: {score:.2f}", excerpt[:120])


def _scored(tokens, weights):
    """(score, stems, reading, decided) of canonical `tokens` by the model."""
    stems = [stem(token) for token in tokens]
    reading = read(stems)
    decided = concept_matches(reading)
    found = model.features(tokens, reading, [category for category, _hits in decided])
    score = model.probability(weights, found, model.gram_scale(tokens))
    return score, stems, reading, decided


def _general_matches(text):
    """The trained model's decision on canonical `text`, with what matched:
    the whole text at model.THRESHOLD, else the first of a long text's
    windows (model.windows) at model.WINDOW_THRESHOLD."""
    tokens = [token for token in text.split(" ") if token]
    weights = model.trained_weights(_read_text)
    score, stems, reading, decided = _scored(tokens, weights)
    if score < model.THRESHOLD:
        for window in model.windows(tokens):
            score, stems, reading, decided = _scored(window, weights)
            if score >= model.WINDOW_THRESHOLD:
                tokens = window
                break
        else:
            return []
    found = []
    for category, hits in decided:
        names = " + ".join(hit.concept.replace("_", " ") for hit in hits)
        excerpt = " … ".join(" ".join(tokens[hit.first_token : hit.last_token]) for hit in hits)
        found.append(CrisisMatch(category, f"concepts: {names}", excerpt[:120]))
    return found or [_model_match(tokens, stems, reading, weights, score)]


def crisis_check(*texts, editor_lexicon=True):
    """The first reason `texts` need a person to look now, or None."""
    matches = crisis_matches(*texts, editor_lexicon=editor_lexicon)
    return matches[0] if matches else None
