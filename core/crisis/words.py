"""Words as the detector reads them: each member's word is first read as the
key word it misspells (only toward the detector's own vocabulary, never for
short words or real words that sit near one), then cut to a stem by a few
suffix rules, so that "dying", "died" and "dies" are one word, and "lives",
"lived", "living" another.

The stems are not dictionary lemmas ("taking" -> "tak", "take" -> "tak");
they only have to be the same for every form of a word, because the concept
lexicon (concepts.py) is stemmed by the same function. Own rules instead of a
lemma library: the detector needs a few hundred words, and thirty lines are
easier to check than a dependency's data.
"""

import re
from functools import lru_cache

from .normalise import normalise

# Words the lexicons rely on. A member's word within one typing slip of one of
# these (two for long words) is read as it, unless it is a real word.
KEY_WORDS = frozenset(
    """
    suicide suicidal suicidally myself himself herself yourself themselves kill killing killed die
    dying dead alive living overdose overdosing overdosed burden worthless hopeless unalive selfharm
    selfharming harming hurting cutting wrists noose paracetamol painkillers sleeping pills tablets
    goodbye anymore existing disappear strangled threatened threatens threatening husband boyfriend
    girlfriend partner newborn children daughter tomorrow everyone nobody without better happier
    because anything everything something life wake want forever planning thinking hanging
    ending medication scratching burning punishing attempted attempting murder existence
    antidepressants stockpiling swallowing overdosing helium
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
    waists worthiest worthiness wrests wrist writs helix helm
    """.split()  # noqa: SIM905
)
# A misspelling near two key words reads as the first in this order: a set's
# order changes with each process's hash seed, and so would the reading.
_KEYS_IN_ORDER = tuple(sorted(KEY_WORDS))
DISTANCE_ONE_FROM = 5  # letters; shorter words are only read by their doubled letters
DISTANCE_TWO_FROM = 9


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
def canonical_word(word):
    """`word` (normalised) read as the key word it misspells, or itself."""
    if "*" in word:
        return _unmask(word)
    if word in KEY_WORDS or word in PROTECTED_WORDS or len(word) < 3 or not word.isalpha():
        return word
    single = _single_letters(word)
    if single != word:
        # "diie", "kil", "sooo": doubled letters are a common slip.
        key = _KEY_BY_SINGLE_LETTERS.get(single)
        if key is not None:
            return key
    if len(word) < DISTANCE_ONE_FROM:
        return word
    limit = 2 if len(word) >= DISTANCE_TWO_FROM else 1
    for key in _KEYS_IN_ORDER:
        if len(key) >= DISTANCE_ONE_FROM and key[0] == word[0] and _distance_at_most(word, key, limit):
            return key
    return word


def canonical(text):
    """`text` normalised, with each word read as the key word it misspells."""
    return " ".join(canonical_word(token) for token in normalise(text).split(" ") if token)


# Forms no suffix rule reaches, as the stem of their base word.
_IRREGULAR = {
    "died": "die",
    "dies": "die",
    "dying": "die",
    "dieing": "die",
    "dye": "dye",
    "took": "tak",
    "taken": "tak",
    "gave": "giv",
    "given": "giv",
    "burnt": "burn",
    "hung": "hang",
    "shot": "shoot",
    "threw": "throw",
    "thrown": "throw",
    "slept": "sleep",
    "felt": "feel",
    "woke": "wak",
    "woken": "wak",
    "bought": "buy",
    "told": "tell",
    "said": "say",
    "says": "say",
    "saw": "see",
    "seen": "see",
    "went": "go",
    "going": "go",
    "scared": "scare",
    "scares": "scare",
    "scaring": "scare",
    "care": "care",
    "cares": "care",
    "cared": "care",
    "caring": "care",
    "note": "note",
    "notes": "note",
    "stood": "stand",
    "gone": "gone",
    "goes": "go",
    "got": "get",
    "gotten": "get",
    "ran": "run",
    "wrote": "writ",
    "written": "writ",
    "swore": "swear",
    "left": "left",
    "lying": "lie",
    "lied": "lie",
    "being": "be",
    "been": "be",
    "was": "be",
    "were": "be",
    "am": "be",
    "is": "be",
    "are": "be",
    "has": "have",
    "had": "have",
    "having": "have",
    "does": "do",
    "did": "do",
    "done": "done",
    "ended": "end",
    "ending": "end",
    "needed": "need",
    "needing": "need",
    "anything": "anything",
    "everything": "everything",
    "something": "something",
    "nothing": "nothing",
    "thing": "thing",
    "things": "thing",
    "during": "during",
    "morning": "morning",
    "evening": "evening",
    "always": "always",
    "this": "this",
    "us": "us",
    "his": "his",
    "as": "as",
    "was'": "be",
}


@lru_cache(maxsize=50000)
def stem(word):
    """The stem of a canonical word: the same for its inflected forms."""
    if word.endswith(("'s", "'")) and len(word) > 3:
        word = word.removesuffix("'s").removesuffix("'")
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith(("ies", "ied")) and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("ing") and len(word) > 5:
        word = word[:-3]
    elif (word.endswith("ed") and len(word) > 4) or word.endswith(("ches", "shes", "sses", "xes", "zes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    if len(word) > 3 and word.endswith("e") and not word.endswith("ee"):
        word = word[:-1]
    return word


def stems(text):
    """`text` (canonical) as a list of stems, punctuation kept as tokens."""
    return [stem(token) for token in text.split(" ") if token]
