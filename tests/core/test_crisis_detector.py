"""The crisis detector (core.crisis): how well it tells cries for help from
ordinary text, measured on corpora written for this project; the
normalisation that stops disguised spellings; the editors' lexicon and its
cache; `manage.py crisis_check` and the admin's test box."""

import io
import json
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from core import crisis
from core.crisis import canonical, crisis_check, crisis_matches, fold, model
from core.models import CrisisPhrase
from tests.two_factor import log_in_with_two_factor

CORPUS = Path(__file__).resolve().parents[2] / "core" / "crisis" / "corpus"
# The issue's bars: flag at least 95% of cries for help, at most 3% of ordinary text.
MIN_RECALL = 0.95
MAX_FALSE_ALARMS = 0.03
MIN_SENTENCES = 150


def corpus(name, folder=CORPUS):
    lines = (folder / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def flagged(lines):
    return [line for line in lines if crisis_check(line, editor_lexicon=False) is not None]


def measure(crisis_lines, ordinary_lines, label, capsys):
    missed = sorted(set(crisis_lines) - set(flagged(crisis_lines)))
    false_alarms = flagged(ordinary_lines)
    recall = 1 - len(missed) / len(crisis_lines)
    false_alarm_rate = len(false_alarms) / len(ordinary_lines)
    with capsys.disabled():
        print(  # noqa: T201 - the issue asks the tests to print the figures
            f"\ncrisis detector on {label}: flags {recall:.1%} of {len(crisis_lines)} cries for help, "
            f"{false_alarm_rate:.1%} of {len(ordinary_lines)} ordinary texts"
        )
    return recall, false_alarm_rate, missed, false_alarms


# Measured on the corpus ---------------------------------------------------------
# core/crisis/corpus/ is what the concepts were tuned on and the model is
# trained on: batches written for this project, each measured at first sight
# before it was read (figures in the README), then tuned on. Its figures show
# the detector holds the issue's bars on everything it has seen; the honest
# estimate for unseen text is the held-out batch below and
# scripts/crisis_crossvalidate.py.
BATCHES = sorted(path.stem.removeprefix("crisis") for path in CORPUS.glob("crisis*.txt"))


@pytest.mark.parametrize("batch", BATCHES)
def test_detector_flags_cries_for_help_and_leaves_ordinary_text(batch, capsys):
    recall, false_alarm_rate, missed, false_alarms = measure(
        corpus("crisis" + batch), corpus("ordinary" + batch), f"crisis{batch}/ordinary{batch}", capsys
    )
    assert recall >= MIN_RECALL, missed
    assert false_alarm_rate <= MAX_FALSE_ALARMS, false_alarms


def test_detector_on_the_whole_corpus(capsys):
    cries = [line for batch in BATCHES for line in corpus("crisis" + batch)]
    ordinary = [line for batch in BATCHES for line in corpus("ordinary" + batch)]
    assert len(cries) >= MIN_SENTENCES and len(ordinary) >= MIN_SENTENCES
    recall, false_alarm_rate, missed, false_alarms = measure(cries, ordinary, "the whole corpus", capsys)
    assert recall >= MIN_RECALL, missed
    assert false_alarm_rate <= MAX_FALSE_ALARMS, false_alarms


# Blind batch C was written by someone else and never read here: measured once
# at first sight with the detector it now tests (81.2% of 80 cries for help,
# 1.2% of 80 ordinary texts), copied in unread, never trained or tuned on. It
# is the honest estimate for unseen text, below the issue's 95%. After training
# batches T1-T4 it measures 87.5% / 1.2%; these floors keep it from getting worse.
HELDOUT = Path(__file__).parent / "crisis_heldout"
HELDOUT_FIRST_SIGHT_RECALL = 70 / 80
HELDOUT_FIRST_SIGHT_FALSE_ALARMS = 1 / 80


def test_detector_on_the_never_read_held_out_batch(capsys):
    recall, false_alarm_rate, _missed, _false_alarms = measure(
        corpus("crisis_blind_c", HELDOUT), corpus("ordinary_blind_c", HELDOUT), "held-out blind batch C", capsys
    )
    # Neither the lines nor what was missed are printed: the batch stays unread.
    assert recall >= HELDOUT_FIRST_SIGHT_RECALL, f"{recall:.1%}"
    assert false_alarm_rate <= HELDOUT_FIRST_SIGHT_FALSE_ALARMS, f"{false_alarm_rate:.1%}"


def test_held_out_batch_is_not_in_the_training_corpus():
    held_out = set(corpus("crisis_blind_c", HELDOUT)) | set(corpus("ordinary_blind_c", HELDOUT))
    assert len(held_out) >= 150
    # On failure, name the corpus lines to take out, never the held-out ones.
    shared = [
        f"{path.name}:{number}"
        for path in sorted(CORPUS.glob("*.txt"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.strip() in held_out
    ]
    assert not shared, shared


# The shipped model ---------------------------------------------------------------
# Its weights are trained by scripts/crisis_train.py and shipped, so no process
# trains on first use; they must be the ones the shipped corpus gives.


def test_shipped_weights_are_trained_on_the_shipped_corpus():
    stored_digest, weights = model.shipped_weights()
    assert stored_digest == model.digest(), "stale core/crisis/weights.json: run scripts/crisis_train.py"
    assert weights == model.train_corpus(crisis._read_text), "run scripts/crisis_train.py"


def shipped(path, digest, weights):
    path.write_text(json.dumps({"digest": digest, "weights": weights}), encoding="utf-8")
    return path


def test_current_weights_are_read_not_trained(monkeypatch, tmp_path):
    marked = {"": -3.0, "w:marked": 1.0}
    monkeypatch.setattr(model, "WEIGHTS", shipped(tmp_path / "weights.json", model.digest(), marked))
    monkeypatch.setattr(model, "_trained", {})
    assert model.trained_weights(crisis._read_text) == marked


def test_stale_weights_are_trained_again_in_the_process(monkeypatch, tmp_path):
    marked = {"": -3.0, "w:marked": 1.0}
    monkeypatch.setattr(model, "WEIGHTS", shipped(tmp_path / "weights.json", "another corpus", marked))
    monkeypatch.setattr(model, "_trained", {})
    weights = model.trained_weights(crisis._read_text)
    assert "w:marked" not in weights and weights == model.shipped_weights(model.HERE / "weights.json")[1]


# Examples from the issue --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I do not want to be alive anymore, is this normal?",
        "no point in living",
        "make it all stop for good",
        "I won't be around much longer",
        "my family would be happier without me",
        "I've been hurting myself again",
        "kms",
        "I want to end my life. I cannot go on like this.",
        "kill myself",
        "I want to kil myslef",
    ],
)
def test_issue_examples_are_urgent(text):
    assert crisis_check(text, editor_lexicon=False) is not None


@pytest.mark.parametrize(
    "text",
    [
        "I can't go on dates without panicking",
        "this traffic is killing me",
        "I'm dying to see it",
        "cut the onion",
        "end of the day",
        "I love my life",
        "suicidesque is not a word",
    ],
)
def test_issue_idioms_are_ok(text):
    assert crisis_check(text, editor_lexicon=False) is None


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("My husband said he would kill me if I leave.", "harm_from_others"),
        ("I have thoughts of harming my baby.", "harm_to_child"),
        ("I've been cutting again.", "self_harm"),
        ("I gave away all my things, I won't need them.", "farewell"),
        ("How many pills would it take?", "method"),
    ],
)
def test_what_matched_names_the_kind_of_danger(text, category):
    assert crisis_check(text, editor_lexicon=False).category == category


@pytest.mark.parametrize(
    ("text", "category", "word"),
    [
        ('My ex sent me a photo of my front door at 2am with the message "see you soon".', "harm_from_others", "soon"),
        ("I tied the knot just to see if I could, it is still hanging in the wardrobe.", "method", "hanging"),
    ],
)
def test_a_model_match_names_the_danger_and_the_members_words(text, category, word):
    # Texts no concept combination decides: the model flags them, and what
    # matched still names a kind of danger and quotes the member's own words
    # (each piece a run of the normalised words), never feature names.
    match = crisis_check(text, editor_lexicon=False)
    words = " ".join(token for token in canonical(text).split() if token.isalnum())
    assert match is not None and match.rule.startswith("model: ")
    assert match.category == category
    pieces = match.excerpt.split(" … ")
    assert word in match.excerpt and all(piece and piece in words for piece in pieces)
    assert not any(mark in match.excerpt for mark in ("+", ":", "_", "(negated)"))


# Normalisation -----------------------------------------------------------------


@pytest.mark.parametrize(
    "disguised",
    [
        "Ｉ ｗａｎｔ ｔｏ ｋｉｌｌ ｍｙｓｅｌｆ",  # full-width letters
        "I want to kіll myself",  # Cyrillic і
        "I want to k\u200bi\u200bll myself",  # zero-width spaces
        "I want to k\u00adill my\u200dself",  # soft hyphen, zero-width joiner
        "I want to kíll mysélf",  # accents
        "I want to k i l l myself",  # spelt out
        "I want to k1ll mys3lf",  # digits for letters
        "I want to k*ll myself",  # masked letter
        "I want to kiiiill myself",  # letters repeated
    ],
)
def test_disguised_spellings_are_read_as_the_words_meant(disguised):
    assert "kill myself" in canonical(disguised)
    assert crisis_check(disguised, editor_lexicon=False) is not None


def test_fold_keeps_numbers_and_plain_text():
    assert fold("Ｉ woke at 3am with 2 kids") == "i woke at 3am with 2 kids"
    assert canonical("I have 3 kids and 1 dog") == "i have 3 kids and 1 dog"


def test_real_words_near_key_words_keep_their_meaning():
    # "noise" is not "noose", "doing" is not "dying", "bills" is not "pills".
    assert canonical("the noise, doing the bills") == "the noise , doing the bills"


# The editors' lexicon ------------------------------------------------------------


@pytest.mark.django_db
def test_lexicon_moved_to_core_keeping_the_first_list_switched_off():
    # The data migration copied the first list; its phrases are kept but off,
    # since the built-in rules cover them (and "can't go on" flagged dates).
    entry = CrisisPhrase.objects.get(phrase="can't go on")
    assert entry.active is False and entry.note
    assert CrisisPhrase.objects.filter(phrase="end my life", active=False).exists()
    assert crisis_check("I can't go on dates without panicking") is None


@pytest.mark.django_db
def test_editor_phrase_matches_its_word_forms_at_once():
    text = "Some nights I walked into the sea up to my knees."
    assert crisis_check(text) is None
    entry = CrisisPhrase.objects.create(phrase="walk into the sea", note="A reader's own words.")
    match = crisis_check(text)
    assert match is not None and match.rule == "walk into the sea" and match.category == "editor"
    entry.active = False
    entry.save()
    assert crisis_check(text) is None


@pytest.mark.django_db
def test_editor_pattern_is_a_regular_expression_over_normalised_text():
    CrisisPhrase.objects.create(phrase=r"\bblue whale\b", kind=CrisisPhrase.Kind.PATTERN, note="A 'challenge'.")
    assert crisis_check("Have you heard of the Blue  Whale game?") is not None
    CrisisPhrase.objects.all().delete()
    assert crisis_check("Have you heard of the Blue  Whale game?") is None


@pytest.mark.django_db
def test_bad_pattern_is_refused_with_a_message():
    entry = CrisisPhrase(phrase="(unclosed", kind=CrisisPhrase.Kind.PATTERN)
    with pytest.raises(ValidationError) as error:
        entry.full_clean()
    assert "not valid" in str(error.value)


@pytest.mark.django_db
def test_cached_lexicon_costs_no_queries(django_assert_num_queries):
    CrisisPhrase.objects.create(phrase="walk into the sea")
    crisis_check("warm up")  # compiles the lexicon
    with django_assert_num_queries(0):
        for _ in range(20):
            crisis_check("A long ordinary text about sleep and work. " * 20)


def test_all_matches_are_listed():
    matches = crisis_matches("I want to die. I cut myself last night.", editor_lexicon=False)
    assert {match.category for match in matches} >= {"wish_to_die", "self_harm"}


# manage.py crisis_check and the admin's test box ---------------------------------


@pytest.mark.django_db
def test_crisis_check_command_prints_one_line_per_text():
    out = io.StringIO()
    command_input = io.StringIO("I want to end my life\nthis traffic is killing me\n\nkms\n")
    call_command("crisis_check", stdin=command_input, stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 4
    assert lines[0].startswith("urgent\t") and "end my life" in lines[0]
    assert lines[1] == "ok" and lines[2] == "ok"
    assert lines[3].startswith("urgent\tSuicide")


@pytest.mark.django_db
def test_editor_tests_texts_in_the_admin(client):
    from tests.qa.conftest import staff

    editor = staff("editor.crisis@example.com", "Eddie", "Editors")
    log_in_with_two_factor(client, editor)
    index = client.get("/admin/crisis_lexicon/")
    assert index.status_code == 200 and "/admin/crisis_lexicon/test/" in index.content.decode()
    response = client.post("/admin/crisis_lexicon/test/", {"texts": "I want to end my life\ncut the onion"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 of 2 would be held as urgent" in html
    assert "end my life" in html and "cut the onion" in html
    assert CrisisPhrase.objects.filter(phrase__icontains="onion").count() == 0  # nothing saved


@pytest.mark.django_db
def test_empty_test_box_says_what_is_missing(client):
    from tests.qa.conftest import staff

    log_in_with_two_factor(client, staff("editor.crisis2@example.com", "Eddie", "Editors"))
    response = client.post("/admin/crisis_lexicon/test/", {"texts": ""})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()


@pytest.mark.django_db
def test_members_cannot_use_the_test_box(client, django_user_model):
    from accounts.factories import UserFactory

    client.force_login(UserFactory(email="plain.member@example.com"))
    response = client.post("/admin/crisis_lexicon/test/", {"texts": "kms"})
    assert response.status_code in (302, 403)
    assert "urgent" not in response.content.decode()


@pytest.mark.django_db
def test_phrase_without_a_word_is_refused_by_the_admin_form():
    from core.admin_forms import CrisisPhraseForm

    form = CrisisPhraseForm({"phrase": "?! …", "kind": CrisisPhrase.Kind.PHRASE, "note": "", "active": True})
    assert not form.is_valid()
    assert form.errors["phrase"] == ["Write at least one word."]
    assert CrisisPhraseForm({"phrase": "walk into the sea", "kind": "phrase", "note": "", "active": True}).is_valid()


def test_a_long_text_is_read_in_windows_of_its_sentences_and_clauses():
    tokens = canonical(
        "Work has been busy and the kids are fine. We went to the coast last weekend, "
        "but I have saved up my pills and then I will take them all tonight; nobody knows"
    ).split()
    windows = [" ".join(window) for window in model.windows(tokens)]
    assert windows[:4] == [
        "work has been busy and the kids are fine .",
        "we went to the coast last weekend ,",
        "but i have saved up my pills",
        "and then i will take them all tonight ;",
    ]
    assert "but i have saved up my pills and then i will take them all tonight ;" in windows
    assert model.windows(tokens[: model.WINDOW_MIN_TOKENS - 1]) == []


def test_a_window_flags_a_risk_buried_in_a_long_post(monkeypatch):
    post = (
        "Work has been busy and the kids are fine, we went to the coast last weekend and the weather held. "
        "I have saved up my pills and I am going to take them all tonight. "
        "Anyway, does anyone know a good recipe for a lentil soup that freezes well?"
    )
    # No whole text can reach this: only a window can make the post urgent.
    monkeypatch.setattr(model, "THRESHOLD", 1.01)
    match = crisis_check(post, editor_lexicon=False)
    assert match is not None
    assert "pill" in match.excerpt or "take" in match.excerpt
    monkeypatch.setattr(model, "WINDOW_THRESHOLD", 1.01)
    assert crisis_check(post, editor_lexicon=False) is None


def test_a_short_lines_character_grams_count_for_less():
    # gram_scale(): a short line's 4-grams are valued at its share of
    # GRAM_FULL_TOKENS tokens, every other feature at 1.
    short = canonical("See you next week").split()
    long = canonical("We went to the coast last weekend and the weather held for once, it was lovely").split()
    assert model.gram_scale(short) == len(short) / model.GRAM_FULL_TOKENS < 1
    assert model.gram_scale(long) == 1.0
    weights = {"": 0.0, "g:<see": 2.0, "w:see": 1.0}
    assert model.probability(weights, {"g:<see", "w:see"}, 0.5) == model.probability({"": 2.0}, set())
    assert model.probability(weights, {"g:<see", "w:see"}) == model.probability({"": 3.0}, set())
