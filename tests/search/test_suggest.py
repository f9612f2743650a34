"""/search/suggest/: titles for the header box while someone types."""

import pytest

from qa.models import Question

pytestmark = pytest.mark.django_db


def test_suggestions_are_titles_and_addresses_of_what_may_be_found(
    client, make_question, make_article, make_specialist
):
    make_article(title="Panic attacks: what helps in the moment")
    question = make_question(title="Panic at the supermarket", body="It started last spring, every single week.")
    make_question(title="Panicky and pending", status=Question.Status.PENDING)
    make_specialist(title="Dr Pania Rewi", unverified=True)

    response = client.get("/search/suggest/", {"q": "pani"})

    assert response.status_code == 200
    suggestions = response.json()["suggestions"]
    assert {(s["kind"], s["title"]) for s in suggestions} == {
        ("articles", "Panic attacks: what helps in the moment"),
        ("questions", "Panic at the supermarket"),
    }
    assert {"url": question.get_absolute_url()}.items() <= next(
        s for s in suggestions if s["kind"] == "questions"
    ).items()
    assert set(suggestions[0]) == {"kind", "kind_label", "title", "url"}  # no names, no counts
    assert "private" in response["Cache-Control"] and response["X-Robots-Tag"] == "noindex"


def test_one_letter_or_symbols_ask_nothing(client, home_page):
    for query in ("p", "  ", "<>", "\x00"):
        assert client.get("/search/suggest/", {"q": query}).json() == {"suggestions": []}


def test_suggestions_are_rate_limited(client, home_page, settings):
    settings.SEARCH_SUGGESTIONS_PER_MINUTE = 3
    # Fixed one-minute windows: seven look-ups pass the limit even if a window ends among them.
    statuses = [client.get("/search/suggest/", {"q": "sleep"}).status_code for _ in range(7)]
    assert statuses[0] == 200
    assert 429 in statuses
    assert client.get("/search/", {"q": "sleep"}).status_code == 200  # the form still searches


def test_suggestions_are_the_newest_titles_of_each_kind(client, make_question):
    for n in range(5):
        make_question(title=f"Sleepless night number {n}")

    titles = [s["title"] for s in client.get("/search/suggest/", {"q": "sleepl"}).json()["suggestions"]]

    assert titles == [f"Sleepless night number {n}" for n in (4, 3, 2)]
