"""The one crisis detector for every place member text enters the site.

    from core.crisis import crisis_check

    match = crisis_check(title, body)      # any number of texts
    if match:                              # a CrisisMatch, or None
        item.urgent = True
        item.crisis_match = match.summary  # for moderators only

Questions, comments, search queries, and later messages and consultation
notes all call crisis_check() on what the member wrote; what to do on a match
(hold, deliver with a notice, show the panel) is each surface's business.

The text is normalised first (normalise.py: NFKC, invisible characters
removed, look-alike letters folded, disguised spellings joined). Then every
word is compared with the words the rules need, so misspellings ("suicde",
"myslef") read as the word meant. The built-in rules (rules.py) run after
everyday idioms are blanked out, and the editors' lexicon (core.CrisisPhrase,
kept in the Wagtail admin) runs on the same text. Built-in rules are compiled
once; the editors' lexicon is compiled on first use and again after an editor
changes it (see lexicon_changed).
"""

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from . import rules as builtin
from .normalise import fold, normalise

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

# Words the rules rely on. A member's word within one typing slip of one of
# these (two for long words) is read as it, unless it is a real word.
KEY_WORDS = frozenset(
    """
    suicide suicidal suicidally myself himself herself yourself themselves kill killing killed die
    dying dead alive living overdose overdosing overdosed burden worthless hopeless unalive selfharm
    selfharming harming hurting cutting wrists noose paracetamol painkillers sleeping pills tablets
    goodbye anymore existing disappear strangled threatened threatens threatening husband boyfriend
    girlfriend partner newborn children daughter tomorrow everyone nobody without better happier
    because myself anything everything something life wake want forever planning thinking hanging
    ending medication scratching burning punishing attempted attempting murder existence
    """.split()  # noqa: SIM905
)
# Real words that sit near a key word and keep their own meaning ("noise" is
# not "noose", "doing" is not "dying"): every word of a 100,000-word English
# list that the matching below would otherwise read as a key word.
PROTECTED_WORDS = frozenset(
    """
    alice alike aline anythings attesting batter beater bette betted betters bettor bitter borden
    boyfriends burdening burdens burping burring burying butter catting cuttings daughters dding
    disappeared disappears doing doughtier drying dyeing dyking endings enduing enlisting existences
    exiting expiating girlfriends goodby goodbyes goodbys hamming handing hangings harding haring
    harking harping hinging homeless hopelessly hunting hurling hurtling husbanded husbandry
    husbands killer killings kilned kilning kipling liking liming lining livings loving mediation
    medicating medications meditation meditations metrication mulder murders newborns noise nooses
    norse overcoming overdoes overdoing overdone overdoses overjoyed overjoying overusing painkiller
    palls panning partnered partners perishing piles planing planking plannings planting plantings
    polishing polls publishing pulls scotching scratchier screeching scrunching seeping shlepping
    sleeking sleeting smoothing snatching somethings steeping straddled straggled straggler
    straggles strangely strangle strangler stranglers strangles stretching struggled suicides
    sweeping sweepings tables tablet thanking thinning threaten threateningly tomorrows twinkling
    waists worthiest worthiness wrests wrist writs
    """.split()  # noqa: SIM905
)
DISTANCE_ONE_FROM = 5  # letters; shorter words are only read by their doubled letters
DISTANCE_TWO_FROM = 9


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


def _distance_at_most(word, target, limit):
    """Damerau-Levenshtein distance of `word` and `target` is <= limit."""
    if abs(len(word) - len(target)) > limit:
        return False
    previous_previous = None
    previous = list(range(len(target) + 1))
    for i, char in enumerate(word, 1):
        current = [i] + [0] * len(target)
        for j, other in enumerate(target, 1):
            cost = 0 if char == other else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if previous_previous is not None and i > 1 and j > 1 and char == target[j - 2] and word[i - 2] == other:
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        if min(current) > limit:
            return False
        previous_previous, previous = previous, current
    return previous[-1] <= limit


def _single_letters(word):
    return re.sub(r"([a-z])\1+", r"\1", word)


_KEY_BY_SINGLE_LETTERS = {}
for _word in sorted(KEY_WORDS):
    _KEY_BY_SINGLE_LETTERS.setdefault(_single_letters(_word), _word)
_KEY_BY_SINGLE_LETTERS.update({"kil": "kill", "kms": "kms", "die": "die"})


def _unmask(word):
    """A word with letters hidden by "*" ("k*ll") as the key word it fits, or
    the word without its stars."""
    pattern = re.compile(re.escape(word).replace(r"\*", "[a-z]{1,3}"))
    fits = sorted(key for key in KEY_WORDS if pattern.fullmatch(key))
    return fits[0] if fits else word.replace("*", "")


@lru_cache(maxsize=20000)
def _canonical_word(word):
    if "*" in word:
        return _unmask(word)
    if word in KEY_WORDS or word in PROTECTED_WORDS or len(word) < 3 or not word.isalpha():
        return word
    single = _single_letters(word)
    if single != word or len(word) <= 4:
        # "diie", "kil", "sooo": doubled letters are a common slip.
        key = _KEY_BY_SINGLE_LETTERS.get(single)
        if key is not None and single != word:
            return key
        if single == "kil":
            return "kill"
    if len(word) < DISTANCE_ONE_FROM:
        return word
    limit = 2 if len(word) >= DISTANCE_TWO_FROM else 1
    for key in KEY_WORDS:
        if len(key) >= DISTANCE_ONE_FROM and key[0] == word[0] and _distance_at_most(word, key, limit):
            return key
    return word


def canonical(text):
    """`text` normalised, with each word read as the key word it misspells."""
    return " ".join(_canonical_word(token) for token in normalise(text).split(" ") if token)


def _compile(pattern):
    return re.compile(builtin.expand(pattern))


_MASK = re.compile("|".join(f"(?:{builtin.expand(mask)})" for mask in builtin.MASKS))
_RULES = [(rule, _compile(rule.pattern)) for rule in builtin.RULES]
_CONCEPTS = {name: _compile(pattern) for name, pattern in builtin.CONCEPTS.items()}
_CONCEPT_NEGATION = _compile(builtin.CONCEPT_NEGATION)
_CONCEPT_SAFE_USE = _compile(builtin.CONCEPT_SAFE_USE)
_CLAUSE = re.compile(r" [.!?;] ")


def _concept_match(masked):
    """The first clause of `masked` whose concepts form an urgent combination
    (see rules.CONCEPTS), as a CrisisMatch, or None."""
    for clause in _CLAUSE.split(masked):
        if not clause.strip():
            continue
        present = {}
        for name, compiled in _CONCEPTS.items():
            hit = compiled.search(clause)
            if hit is not None:
                present[name] = hit
        if "desire" in present and _CONCEPT_NEGATION.search(clause):
            del present["desire"]
        if "means" in present and _CONCEPT_SAFE_USE.search(clause):
            del present["means"]
        for needed, category in builtin.CONCEPT_COMBINATIONS:
            if needed.issubset(present):
                name = "concepts: " + " + ".join(sorted(needed))
                return CrisisMatch(category, name, clause.strip(" ~")[:120])
    return None


def _blank(match):
    # Keep the clause's shape (one placeholder word) so gaps do not join across it.
    return "~"


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
    return cache.get(_VERSION_KEY, 0)


def lexicon_changed():
    """Call after an editor changes the lexicon: every process recompiles it."""
    try:
        cache.incr(_VERSION_KEY)
    except ValueError:
        cache.set(_VERSION_KEY, 1, timeout=None)
    with _lexicon_lock:
        _lexicon["version"] = None


def _editor_lexicon():
    # One cache read a check: every process sees an editor's change at once.
    version = _current_version()
    with _lexicon_lock:
        if version != _lexicon["version"]:
            _lexicon["entries"] = _editor_entries()
            _lexicon["version"] = version
        return _lexicon["entries"]


# Checking -------------------------------------------------------------------


def _excerpt(text, match):
    return text[match.start() : match.end()].strip(" ~")[:120]


def crisis_matches(*texts, editor_lexicon=True):
    """Every match in `texts` (joined as separate sentences): strong rule
    matches and editor phrases, then, when two different warning signs
    appear, one match for them together."""
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
    masked = _MASK.sub(_blank, text)
    weak = []
    for rule, compiled in _RULES:
        hit = compiled.search(masked)
        if hit is None:
            continue
        if rule.weak:
            weak.append((rule, hit))
        else:
            found.append(CrisisMatch(rule.category, rule.name, _excerpt(masked, hit)))
    if len(weak) >= 2:
        excerpt = " … ".join(_excerpt(masked, hit) for _rule, hit in weak[:3])
        found.append(CrisisMatch(builtin.WARNING_SIGNS, " + ".join(rule.name for rule, _hit in weak), excerpt))
    if not found:
        concept = _concept_match(masked)
        if concept is not None:
            found.append(concept)
    return found


def crisis_check(*texts, editor_lexicon=True):
    """The first reason `texts` need a person to look now, or None."""
    matches = crisis_matches(*texts, editor_lexicon=editor_lexicon)
    return matches[0] if matches else None
