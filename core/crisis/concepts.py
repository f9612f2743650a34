"""Concepts: what a clause is about, whatever words it uses.

The concepts live in lexicon.txt as short phrases in a small notation, read
over stems (words.py), so one entry covers every inflection:

    want/wish/hope ** die      "want", "wishes", "hoping"..., up to 3 words, "die"/"died"/"dying"
    go_on                      "_" joins words inside one alternative
    *  one optional word   **  up to three   ***  up to six   $  end of the clause   #  a number
    !leave/tell                the next word is none of these

A text is split into clauses (at . ! ? ;) after its idioms and harmless
contexts ("[benign]": "this traffic is killing me", a friend's death, a safe
dose) are blanked word for word. A negation ("not", "never", "no", "stop")
up to three words before a concept turns it round. decide() then reads the
combinations of concepts in a clause and its neighbours: a wish joined with
death, or a negated wish joined with living ("I don't want to wake up"; "I
don't want to die" stays ok); a closed future or no reason to live on their
own; a method or means with a question, a plan or (for an act) a wish or a
time; a plan; a threat with someone close; thoughts of harming someone;
goodbyes; self-harm words (weak ones, like "scars", only with a second).

Why this shape: each earlier batch of unseen sentences showed that rules
naming phrasings learn sentences, not meanings. Concepts are few and
combine, so a new phrasing is caught when its parts are known, and the
lexicon grows by words and short shapes, not by sentences.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from .words import stem

# Categories, as moderators read them next to what matched.
SUICIDE = "suicide"
WISH_TO_DIE = "wish_to_die"
METHOD = "method"
FAREWELL = "farewell"
SELF_HARM = "self_harm"
HARM_FROM_OTHERS = "harm_from_others"
HARM_TO_OTHERS = "harm_to_others"
HARM_TO_CHILD = "harm_to_child"
WARNING_SIGNS = "warning_signs"
EDITOR = "editor"

CATEGORY_LABELS = {
    SUICIDE: _("Suicide"),
    WISH_TO_DIE: _("Not wanting to live"),
    METHOD: _("Method, plan or means"),
    FAREWELL: _("Goodbyes or giving things away"),
    SELF_HARM: _("Self-harm"),
    HARM_FROM_OTHERS: _("Threat or violence from someone close"),
    HARM_TO_OTHERS: _("Risk of harming someone"),
    HARM_TO_CHILD: _("Risk to a child"),
    WARNING_SIGNS: _("Several warning signs"),
    EDITOR: _("Editors' lexicon"),
}

_NEGATORS = frozenset({"not", "never", "no", "nobody", "nothing", "without", "stop"})

_GAPS = {"*": r"(?:\S+ )?", "**": r"(?:\S+ ){0,3}", "***": r"(?:\S+ ){0,6}"}


def compile_phrase(phrase):
    """One phrase of the notation above as a regex over a clause's stems."""
    pieces = []
    for part in phrase.split():
        if part in _GAPS:
            pieces.append(_GAPS[part])
        elif part == "#":
            pieces.append(r"\d+ ")
        elif part == "$":
            pieces.append(r"(?=(?:,|and|so|because|then) |$)")
        elif part.startswith("!"):
            alternatives = [" ".join(stem(word) for word in alt.split("_")) for alt in part[1:].split("/")]
            pieces.append("(?!(?:" + "|".join(re.escape(alt) for alt in alternatives) + ") )")
        else:
            alternatives = [" ".join(stem(word) for word in alt.split("_")) for alt in part.split("/")]
            alternatives.sort(key=len, reverse=True)
            pieces.append("(?:" + "|".join(re.escape(alt) for alt in alternatives) + ") ")
    # Clauses are matched with a space at each end, so every word ends in one.
    return r"(?<!\S)" + "".join(pieces)


def compile_concept(phrases):
    return re.compile("|".join(f"(?:{compile_phrase(phrase)})" for phrase in phrases))


LEXICON = Path(__file__).parent / "lexicon.txt"


def load_lexicon(path=LEXICON):
    """The concepts of lexicon.txt, {name: [phrase, ...]} in file order, with
    its "= NAME words" lists put in place of {NAME}; BENIGN is "[benign]"."""
    macros, concepts, current = {}, {}, None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("= "):
            name, _space, words = line[2:].partition(" ")
            macros[name] = words
        elif line.startswith("[") and line.endswith("]"):
            current = concepts.setdefault(line[1:-1], [])
        else:
            current.append(re.sub(r"\{([A-Z_]+)\}", lambda found: macros[found.group(1)], line))
    return concepts


CONCEPTS = load_lexicon()
BENIGN = CONCEPTS.pop("benign")


@dataclass(frozen=True)
class Hit:
    """A concept found in a clause: where (characters of the clause, and
    tokens of the whole text), its stems, and whether a negation precedes."""

    concept: str
    start: int
    end: int
    words: str
    negated: bool
    first_token: int
    last_token: int


def first_words(phrases):
    """The stems a match of any of `phrases` can start with, or None when one
    can start with any word (it starts with a gap, a number, "$" or "!")."""
    found = set()
    for phrase in phrases:
        part = phrase.split()[0]
        if part in _GAPS or part in {"#", "$"} or part.startswith("!"):
            return None
        for alternative in part.split("/"):
            first = " ".join(stem(word) for word in alternative.split("_")).split(" ")[0]
            if not first:
                return None
            found.add(first)
    return frozenset(found)


_COMPILED = {name: compile_concept(phrases) for name, phrases in CONCEPTS.items()}
# Where a concept can match: only where a clause's word is one of its first
# words (when it has a list of them), so it is tried there alone instead of
# at every character (the regexes, not the model, are most of a check's time).
_FIRST_WORDS = {name: first_words(phrases) for name, phrases in CONCEPTS.items()}
_BENIGN = compile_concept(BENIGN)
_BOUNDARIES = frozenset(".!?;")


def _negated(concept, before):
    """A negation up to three words before a concept; for suicide named
    outright only the word right before ("never kill myself", but not "can't
    stop thinking about killing myself")."""
    words = before.split()
    if concept == "suicide":
        return words[-1:] in (["not"], ["never"])
    return any(word in _NEGATORS for word in words[-3:])


def _blank(found):
    return "~ " * len(found.group(0).split())


def clauses(stem_tokens):
    """The clauses of a text (its stems, one per token) with idioms blanked
    word for word: a list of (index of the clause's first token, clause)."""
    blanked = _BENIGN.sub(_blank, " " + " ".join(stem_tokens) + " ").split()
    found, start = [], 0
    for index, token in enumerate([*blanked, "."]):
        if token in _BOUNDARIES:
            if any(word not in {"~", ","} for word in blanked[start:index]):
                found.append((start, " " + " ".join(blanked[start:index]) + " "))
            start = index + 1
    return found


def _word_starts(clause):
    """{word: [where it starts in the clause, ...]} of a clause as clauses() gives it."""
    starts, at = {}, 1
    for word in clause[1:-1].split(" "):
        starts.setdefault(word, []).append(at)
        at += len(word) + 1
    return starts


def _finditer(compiled, first, clause, starts):
    """compiled.finditer(clause), tried only where a word of `first` starts
    (every match starts at a word and with one of them; None: anywhere)."""
    if first is None:
        yield from compiled.finditer(clause)
        return
    end = 0
    for position in sorted(at for word in first.intersection(starts) for at in starts[word]):
        if position >= end:
            found = compiled.match(clause, position)
            if found:
                end = found.end()
                yield found


def read(stem_tokens):
    """The clauses of a text (its stems, one per token) with their concept
    hits: a list of (clause, hits). Idioms are blanked word for word first,
    so token positions still point at the member's words."""
    read_clauses = []
    for offset, clause in clauses(stem_tokens):
        hits = []
        starts = _word_starts(clause)
        for name, compiled in _COMPILED.items():
            for found in _finditer(compiled, _FIRST_WORDS[name], clause, starts):
                before = clause[: found.start()]
                first = offset + before.count(" ") - 1
                last = offset + clause[: found.end()].count(" ") - 1
                hits.append(Hit(name, found.start(), found.end(), found.group(0), _negated(name, before), first, last))
        hits.sort(key=lambda hit: hit.start)
        read_clauses.append((clause, hits))
    return read_clauses


def _turned(clause, first, second):
    """Whether a negation between two hits turns the meaning round ("want to
    not wake up"), counting the first hit's own negation."""
    low, high = (first, second) if first.start <= second.start else (second, first)
    between = clause[low.end : high.start].split()
    return first.negated != any(word in _NEGATORS for word in between)


def _wish(clause, by_name):
    """A wish to die or not to live in one clause, as the hits that say it."""
    for desire in by_name.get("desire", []):
        for death in by_name.get("death", []):
            if (death.start >= desire.start or not death.negated) and not _turned(clause, desire, death):
                return desire, death
        for life in by_name.get("life", []):
            if life.start > desire.start and _turned(clause, desire, life):
                return desire, life
    return None


# Concepts whose negation does not make them safe ("I can't stop hurting
# myself", "I haven't cut in a year but...").
_NEGATION_BLIND = frozenset(
    {"self_harm", "means", "threat", "danger", "farewell", "future_gone", "harm_other", "plan", "despair"}
)


def _first(by_name, name):
    for hit in by_name.get(name, []):
        if name in _NEGATION_BLIND or not hit.negated:
            return hit
    return None


_STRONG_VIOLENCE = frozenset(map(stem, ["kill", "murder", "stab", "shoot", "strangle", "choke", "shake", "smother"]))
# Means that are an act ("jump off", "all of them"), not only a thing: with a
# wish or a time they are a plan; a thing (pills, a train) needs a question.
_ACTS = frozenset(
    map(stem, ["jump", "throw", "hang", "drown", "crash", "drive", "walk", "step", "bleed", "all", "take", "swallow"])
) | {"front", "overdos", stem("rope"), stem("noose")}
# Self-harm words that ordinary text also has: they count with a second sign.
_WEAK_SELF_HARM = frozenset(
    {"scar", "relaps", "do", "clean", "month", "week", "year", "day", "blad", "razor", "blood", "ruin"}
)
_LAUGHS = frozenset({"lol", "lmao", "lmfao", "haha", "hahaha", "rofl", "jk", "xd", "joking"})
_SIGNS = frozenset({"despair", "desire", "death", "burden", "self_harm", "means", "farewell", "plan", "hopeless"})


def _soft_ending(hit):
    """An ending that everyday things also have ("it all to be over", "not
    around next week"), as opposed to dying named outright."""
    if hit.concept == "future_gone":
        return True
    return hit.concept == "death" and bool({"over", "around", "gone", "here"} & set(hit.words.split()))


def decide(clause, hits, neighbours=()):
    """(category, hits that carried it) for an urgent clause, or None.
    `neighbours` are the hits of the clauses either side."""
    others = [hit for hit in hits if hit.concept == "other_death"]
    hits = [
        hit
        for hit in hits
        if hit.concept not in {"death", "suicide"} or not any(o.start <= hit.start < o.end for o in others)
    ]
    if any(hit.concept == "everyday" for hit in hits):
        hits = [hit for hit in hits if not _soft_ending(hit)]
    by_name = {}
    for hit in hits:
        by_name.setdefault(hit.concept, []).append(hit)
    near = {hit.concept for hit in neighbours}
    # "I'm gonna kill my sister lol": a laugh turns threats and violence to
    # others into a figure of speech; it never makes a word about oneself safe.
    joking = not _LAUGHS.isdisjoint(clause.split())
    for name, category in (
        ("suicide", SUICIDE),
        ("future_gone", WISH_TO_DIE),
        ("hopeless", WISH_TO_DIE),
        ("danger", HARM_FROM_OTHERS),
    ):
        hit = _first(by_name, name)
        if hit:
            return category, [hit]
    wish = _wish(clause, by_name)
    if wish:
        return WISH_TO_DIE, list(wish)
    death = _first(by_name, "death")
    for partner in ("final", "time"):
        if death and death.words.strip() != "dead" and _first(by_name, partner) and "self" in by_name:
            return WISH_TO_DIE, [death, _first(by_name, partner)]
    burden = _first(by_name, "burden")
    if burden:
        return WISH_TO_DIE, [burden]
    despair = _first(by_name, "despair")
    if despair:
        signs = [hit for hit in list(neighbours) + hits if hit.concept in _SIGNS and hit.words != despair.words]
        if signs:
            return WARNING_SIGNS, [despair, signs[0]]
    if "safe_use" not in by_name:
        for means in by_name.get("means", []):
            for other in ("query", "plan", "intent", "time"):
                for partner in by_name.get(other, []):
                    acting = other in {"query", "plan"} or _ACTS.intersection(clause.split())
                    if partner.start != means.start and acting and not (other == "intent" and partner.negated):
                        return METHOD, [means, partner]
    plan = _first(by_name, "plan")
    if plan and ("time" in by_name or "time" in near or "self" in by_name):
        return METHOD, [plan]
    threat = None if joking else _first(by_name, "threat")
    if threat and ("close" in by_name or "close" in near or "threaten" in threat.words):
        return HARM_FROM_OTHERS, [threat]
    child_harm = _first(by_name, "child_harm")
    if child_harm:
        return HARM_TO_CHILD if "child" in by_name else HARM_TO_OTHERS, [child_harm]
    harm_other = None if joking else _first(by_name, "harm_other")
    thought = _first(by_name, "harm_thought")
    if harm_other and thought:
        return HARM_TO_CHILD if "child" in by_name else HARM_TO_OTHERS, [thought, harm_other]
    pronoun = None if joking else _first(by_name, "harm_pronoun")
    intent = _first(by_name, "intent")
    near_intent = intent and pronoun and intent.end <= pronoun.start
    if near_intent:
        near_intent = len(clause[intent.end : pronoun.start].split()) <= 5
    if pronoun and (near_intent or (thought and pronoun.words.split()[0] in _STRONG_VIOLENCE)):
        return HARM_TO_OTHERS, [pronoun]
    weapon, waiting = _first(by_name, "weapon"), _first(by_name, "waiting")
    if weapon and waiting:
        return HARM_TO_OTHERS, [weapon, waiting]
    farewell = _first(by_name, "farewell")
    if farewell and ("last" not in farewell.words.split() or "self" in by_name or "self" in near):
        return FAREWELL, [farewell]
    self_harm = _first(by_name, "self_harm")
    if self_harm:
        weak = self_harm.words.split()[0] in _WEAK_SELF_HARM
        if not weak or "self_harm" in near or len(by_name["self_harm"]) > 1:
            return SELF_HARM, [self_harm]
    return None


def concept_matches(read_clauses):
    """Every kind of danger the clauses of a text (as read()) show: a list of
    (category, hits that carried it), one per category, in text order."""
    found = {}
    for index, (clause, hits) in enumerate(read_clauses):
        around = read_clauses[max(0, index - 1) : index + 2]
        neighbours = [hit for _near, near_hits in around if near_hits is not hits for hit in near_hits]
        decision = decide(clause, hits, neighbours)
        if decision is not None:
            found.setdefault(decision[0], decision)
    return list(found.values())
