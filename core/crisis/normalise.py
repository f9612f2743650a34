"""Text normalisation for the crisis detector.

Member text is folded before any matching, so that full-width letters,
look-alike letters from other scripts, invisible characters, accents,
spaced-out or digit-for-letter spellings and contractions all read as the
plain words they stand for. The result is lower case, with words and
punctuation separated by single spaces ("i do not want to die .").
"""

import re
import unicodedata

# Letters from other scripts that look like Latin ones (Cyrillic, Greek,
# a few IPA and Armenian), folded to the letter they are read as.
_LOOK_ALIKES = {
    # Cyrillic
    "а": "a",
    "в": "b",
    "е": "e",
    "ё": "e",
    "ѕ": "s",
    "і": "i",
    "ї": "i",
    "ј": "j",
    "к": "k",
    "м": "m",
    "н": "h",
    "о": "o",
    "р": "p",
    "с": "c",
    "т": "t",
    "у": "y",
    "х": "x",
    "һ": "h",
    "ԁ": "d",
    "ԛ": "q",
    "ԝ": "w",
    "ӏ": "l",
    "ɩ": "i",
    "ɡ": "g",
    "ɑ": "a",
    "ո": "n",
    "ս": "u",
    "օ": "o",
    # Greek
    "α": "a",
    "β": "b",
    "ε": "e",
    "η": "n",
    "ι": "i",
    "κ": "k",
    "ν": "v",
    "ο": "o",
    "ρ": "p",
    "τ": "t",
    "υ": "u",
    "χ": "x",
    "ω": "w",
    "ϲ": "c",
    # Typographic
    "ı": "i",
    "ł": "l",
    "ø": "o",
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
    "\u2018": "'",
    "\u2019": "'",
    "\u201b": "'",
    "\u02bc": "'",
    "\u00b4": "'",
    "`": "'",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
}
_LOOK_ALIKE_TABLE = str.maketrans(_LOOK_ALIKES)

# Digits and signs written for letters, folded only inside words that also
# have letters ("k1ll", "d13", "$uicide"), so "3 kids" keeps its number.
_LEET_TABLE = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
_LEET_WORD = re.compile(r"[a-z0-9@$]*[a-z][a-z0-9@$]*")
_LEET_CHARS = frozenset("013457@$")
# A number with its unit or ending ("30mg", "4x", "6yo", "2am", "21st") is a
# number and a word, not a word in digits: "30mg" is not "eomg".
_NUMBER_UNIT = re.compile(r"\b(\d+)(mg|mcg|ml|g|kg|x|yo|yrs?|am|pm|hrs?|mins?|st|nd|rd|th|s)\b")

# Characters that do not show: zero-width spaces and joiners, soft hyphens,
# direction marks, variation selectors, tag characters.
_INVISIBLE_CATEGORIES = {"Cf", "Mn", "Me", "Cc", "Co", "Cs", "Cn"}
_KEEP_CONTROL = {"\n", "\t"}

# Letters spelt out one by one: "s u i c i d e", "k.i.l.l", "d-i-e".
_SPELT_OUT = re.compile(r"\b(?:[a-z][ .\-_*]){2,}[a-z]\b")
# Asterisks hiding letters inside a word ("k*ll", "su*cide") are kept as "*"
# for the detector to fill in from the words it knows.
_MASKED = re.compile(r"(?<=[a-z])[*#]+(?=[a-z])")

_CONTRACTIONS = [
    (r"\bcan ?not\b|\bcan'?t\b|\bcant\b", "can not"),
    (r"\bwon'?t\b|\bwont\b", "will not"),
    (r"\bain'?t\b", "am not"),
    (r"\bshan'?t\b", "shall not"),
    (r"\b(do|does|did|is|are|was|were|have|has|had|would|should|could|must|need)n'?t\b", r"\1 not"),
    (r"\bi'?m\b", "i am"),
    (r"\bi'?ve\b", "i have"),
    (r"\bi'll\b", "i will"),
    (r"\bi'd\b|\bid(?= (?:rather|like|love|be|never|just|better))", "i would"),
    (r"\b(you|we|they|he|she|it|that|there|who|what|everyone|nobody|noone)'ll\b", r"\1 will"),
    (r"\b(you|we|they|he|she|it|that|there|who|everyone|nobody)'d\b", r"\1 would"),
    (r"\b(you|we|they)'re\b", r"\1 are"),
    (r"\b(you|we|they|could|would|should|might|must)'ve\b", r"\1 have"),
    (r"\b(it|that|there|what|he|she|who|life|everything|nothing|everyone)'s\b", r"\1 is"),
    (r"\bwanna\b", "want to"),
    (r"\bgonna\b", "going to"),
    (r"\bgotta\b", "got to"),
    (r"\bhes\b", "he is"),
    (r"\bshes\b", "she is"),
    (r"\btmrw\b|\btmr\b|\btmrrw\b|\btomoz\b", "tomorrow"),
    (r"\babt\b", "about"),
    (r"\bmsgs?\b", "message"),
    (r"\bsh'd\b", "selfharmed"),
    (r"\bsh'?ing\b", "selfharming"),
    (r"\b(want to|need to) di\b", r"\1 die"),
    (r"\bwnat\b|\bwan\b|\bwant2\b", "want"),
    (r"\bno ?one\b|\bnoone\b", "nobody"),
    (r"\bmy ?self\b|\bmeself\b|\bmyslef\b|\bmysef\b|\bmyselfe\b|\bmself\b", "myself"),
    (r"\bur\b", "your"),
    (r"\bu\b", "you"),
    (r"\bcuz\b|\bcos\b|\bbc\b", "because"),
    (r"\banymore\b|\bany more\b", "anymore"),
    (r"\bself[ -]?harm", "selfharm"),
    (r"\bself[ -]?injur", "selfinjur"),
    (r"\bself[ -]?delet", "selfdelet"),
    (r"\bsewer ?slide\b", "suicide"),
    (r"\bun ?aliv", "unaliv"),
]
_CONTRACTIONS = [(re.compile(pattern), replacement) for pattern, replacement in _CONTRACTIONS]

_TOKEN = re.compile(r"[a-z'*]*[a-z'][a-z'*]*|[0-9]+|[.!?;:,()\"]")
_REPEATS = re.compile(r"([a-z])\1{2,}")


def _visible(text):
    return "".join(
        " " if char in _KEEP_CONTROL else char
        for char in text
        if char in _KEEP_CONTROL or unicodedata.category(char) not in _INVISIBLE_CATEGORIES
    )


def _unleet(match):
    word = match.group(0)
    return word.translate(_LEET_TABLE) if _LEET_CHARS.intersection(word) else word


def _unspell(match):
    return re.sub(r"[ .\-_*]", "", match.group(0))


def fold(text):
    """The characters of `text` as plain lower-case Latin letters: NFKC,
    look-alikes folded, accents and invisible characters removed."""
    text = unicodedata.normalize("NFKC", text or "")
    text = text.translate(_LOOK_ALIKE_TABLE)
    # Accents come off: decompose, then drop the marks with the invisibles.
    text = unicodedata.normalize("NFD", text)
    text = _visible(text)
    text = unicodedata.normalize("NFC", text).casefold()
    return text.translate(_LOOK_ALIKE_TABLE)


def normalise(text):
    """`text` folded (see fold), spelt-out and disguised words joined, common
    contractions and chat spellings expanded, letters repeated for emphasis
    reduced ("soooo" -> "soo"), and split into words and punctuation."""
    text = fold(text)
    text = _NUMBER_UNIT.sub(r"\1 \2", text)
    text = _LEET_WORD.sub(_unleet, text)
    text = _MASKED.sub("*", text)
    text = _SPELT_OUT.sub(_unspell, text)
    text = _REPEATS.sub(r"\1\1", text)
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return " ".join(_TOKEN.findall(text))
