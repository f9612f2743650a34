"""/search/: what is found and what never is, the order, the groups and their
pages, snippets, the topic filter, the empty state, privacy and the query budget."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.search.models import IndexEntry

from qa import services
from qa.models import Answer, Question

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def group_titles(response, kind):
    section = soup_of(response).select_one(f"section[aria-labelledby=search-{kind}]")
    return [a.get_text() for a in section.select(".search-hit__title a")] if section else []


def search(client, q, **params):
    return client.get("/search/", {"q": q, **params})


# --- Relevance --------------------------------------------------------------------


def test_a_word_in_the_title_ranks_above_the_same_word_in_the_body(client, make_article):
    make_article(title="Coping after a loss", body=[("paragraph", "<p>Grief can disturb insomnia for months.</p>")])
    make_article(title="Insomnia: a gentle plan", body=[("paragraph", "<p>A few steps for the night.</p>")])
    make_article(title="Unrelated", summary="Nothing to see", body=[("paragraph", "<p>Cooking.</p>")])

    assert group_titles(search(client, "insomnia"), "articles") == ["Insomnia: a gentle plan", "Coping after a loss"]


def test_question_title_ranks_above_an_answer_that_mentions_the_word(client, make_question, make_answer):
    in_answer = make_question(title="I keep waking at four every morning", body="It has lasted weeks now, I am tired.")
    make_answer(in_answer, body="This sounds like early-morning insomnia; a sleep diary helps.")
    make_question(title="Is insomnia after a breakup normal?", body="Since we split I lie awake every night.")

    assert group_titles(search(client, "insomnia"), "questions") == [
        "Is insomnia after a breakup normal?",
        "I keep waking at four every morning",
    ]


def test_a_specialist_is_found_by_approach_language_topic_and_location(
    client, make_specialist, an_approach, a_language, sleep_topic
):
    make_specialist(
        title="Dr Ines Rocha",
        professional_title="Counselling psychologist",
        location="Porto",
        approaches=[an_approach],
        languages=[a_language],
        topics=[sleep_topic],
    )
    for words in ("acceptance commitment", "Portuguese", "Porto", "sleep", "counselling"):
        assert group_titles(search(client, words), "specialists") == ["Dr Ines Rocha"], words


def test_an_article_is_found_by_its_topic_and_its_author(client, make_article, sleep_topic):
    make_article(title="Evenings that help", topics=[sleep_topic])
    make_article(title="Mornings")

    assert group_titles(search(client, "Sleep"), "articles") == ["Evenings that help"]
    assert sorted(group_titles(search(client, "Ada Moss"), "articles")) == ["Evenings that help", "Mornings"]


# --- What is never found ------------------------------------------------------------


def test_drafts_unverified_specialists_and_unlisted_questions_are_not_found(
    client, make_article, make_specialist, make_question
):
    make_article(title="Hypnagogia draft", live=False)
    make_article(title="Hypnagogia published")
    make_specialist(title="Dr Unverified Hypnagogia", unverified=True)
    make_specialist(title="Dr Verified Hypnagogia")
    for status in (Question.Status.PENDING, Question.Status.REJECTED):
        make_question(title=f"Hypnagogia question {status}", status=status)
    make_question(title="Hypnagogia question hidden", status=Question.Status.PENDING, reported=True)
    make_question(title="Hypnagogia question open")
    make_question(title="Hypnagogia question closed", status=Question.Status.CLOSED)

    response = search(client, "hypnagogia")

    assert group_titles(response, "articles") == ["Hypnagogia published"]
    assert group_titles(response, "specialists") == ["Dr Verified Hypnagogia"]
    assert sorted(group_titles(response, "questions")) == ["Hypnagogia question closed", "Hypnagogia question open"]
    # Not only hidden on the page: never in the index at all.
    entries = IndexEntry.objects.filter(content_type__model="question")
    indexed = [int(pk) for pk in entries.values_list("object_id", flat=True)]
    assert sorted(Question.objects.filter(pk__in=indexed).values_list("title", flat=True)) == [
        "Hypnagogia question closed",
        "Hypnagogia question open",
    ]


def test_pending_and_rejected_answers_are_not_found(client, make_question, make_answer):
    question = make_question(title="Waking in the night")
    make_answer(question, body="A published answer about melatonin.")
    make_answer(question, body="A pending answer about valerian.", status=Answer.Status.PENDING)
    make_answer(question, body="A rejected answer about chamomile.", status=Answer.Status.REJECTED)

    assert group_titles(search(client, "melatonin"), "questions") == ["Waking in the night"]
    for word in ("valerian", "chamomile"):
        assert group_titles(search(client, word), "questions") == [], word


def test_an_anonymous_askers_name_finds_nothing_and_is_never_shown(client, make_question, an_asker):
    make_question(author=an_asker, anonymous=True, title="Restless legs keep me up", body="Every night since June.")

    by_name = search(client, "Quillon Farrowdale")
    assert group_titles(by_name, "questions") == []
    response = search(client, "restless legs")
    assert group_titles(response, "questions") == ["Restless legs keep me up"]
    assert "Quillon" not in response.content.decode()
    assert "Farrowdale" not in client.get("/search/suggest/", {"q": "restless"}).content.decode()


# --- The index follows moderation, after commit ----------------------------------------


def test_approving_rejecting_and_answering_update_the_question_entry(
    client, make_question, committed, a_superuser, make_answer
):
    question = make_question(title="Nightmares after the accident", status=Question.Status.PENDING)
    assert group_titles(search(client, "nightmares"), "questions") == []

    with committed():
        services.question_approve(question=question, by=a_superuser)
    assert group_titles(search(client, "nightmares"), "questions") == ["Nightmares after the accident"]

    answer = make_answer(question, body="Trauma-focused therapy can help; imagery rehearsal too.", status="pending")
    assert group_titles(search(client, "imagery rehearsal"), "questions") == []
    with committed():
        services.answer_approve(answer=answer, by=a_superuser)
    assert group_titles(search(client, "imagery rehearsal"), "questions") == ["Nightmares after the accident"]
    with committed():
        services.answer_reject(answer=answer, by=a_superuser, reason="Off topic")
    assert group_titles(search(client, "imagery rehearsal"), "questions") == []

    with committed():
        services.question_reject(question=question, by=a_superuser, reason="Identifying")
    assert group_titles(search(client, "nightmares"), "questions") == []
    assert not IndexEntry.objects.filter(content_type__model="question", object_id=str(question.pk)).exists()


def test_nothing_reaches_the_index_before_the_commit(client, make_question, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        question = Question.objects.create(title="Sleep paralysis again", body="x" * 40, status="published")
    assert callbacks  # the index update waits for the commit...
    assert not IndexEntry.objects.filter(content_type__model="question", object_id=str(question.pk)).exists()


def test_update_index_rebuilds_what_may_be_found(client, make_question):
    make_question(title="Bruxism and stress")
    make_question(title="Bruxism waiting for review", status=Question.Status.PENDING)
    IndexEntry.objects.all().delete()
    assert group_titles(search(client, "bruxism"), "questions") == []

    call_command("update_index", verbosity=0)

    assert group_titles(search(client, "bruxism"), "questions") == ["Bruxism and stress"]


# --- Groups, counts, see all, pages ---------------------------------------------------------


def test_each_group_shows_its_best_few_with_a_count_and_see_all(client, make_question):
    for n in range(12):
        make_question(title=f"Sleepwalking question number {n}")

    page = soup_of(search(client, "sleepwalking"))
    section = page.select_one("section[aria-labelledby=search-questions]")
    assert "(12)" in section.h2.get_text()
    assert len(section.select(".search-hit")) == 4
    more = section.select_one(".search-section__more a")
    assert more.get_text() == "See all 12 questions"

    first = soup_of(client.get(more["href"]))
    assert len(first.select(".search-hit")) == 10
    second = soup_of(client.get(more["href"] + "&page=2"))
    assert len(second.select(".search-hit")) == 2
    assert second.select_one("nav.pagination")
    assert "kind=questions" in more["href"] and "q=sleepwalking" in more["href"]


def test_past_the_match_limit_the_count_says_so_and_the_newest_are_ranked(client, make_question, monkeypatch):
    from search import selectors

    monkeypatch.setitem(selectors.MATCH_LIMIT, "questions", 5)
    oldest = make_question(title="Bruxism", body="Night grinding.")  # the best title, but outside the newest five
    for n in range(6):
        make_question(title=f"Question number {n}", body="Some bruxism at night.")
    best_of_newest = make_question(title="Bruxism again", body="Still grinding.")

    page = soup_of(search(client, "bruxism"))
    section = page.select_one("section[aria-labelledby=search-questions]")
    assert "(5+)" in section.h2.get_text()
    assert section.select_one(".search-section__more a").get_text() == "See the newest 5 questions"
    assert "More than 5 results" in page.select_one(".search-summary").get_text()
    titles = group_titles(search(client, "bruxism"), "questions")
    assert titles[0] == best_of_newest.title and oldest.title not in titles

    listing = soup_of(search(client, "bruxism", kind="questions"))
    assert "(5+)" in listing.h2.get_text() and listing.select_one("[data-search-capped]")
    assert len(listing.select(".search-hit")) == 5


def test_an_unknown_kind_shows_every_group(client, make_question):
    make_question(title="Sleepwalking question")
    response = search(client, "sleepwalking", kind="'; DROP TABLE")
    assert group_titles(response, "questions") == ["Sleepwalking question"]


def test_the_topic_filter_narrows_every_kind(client, make_question, make_article, sleep_topic, a_topic):
    make_question(title="Tired all the time, on topic")
    make_question(title="Tired all the time, other topic", topic=a_topic)
    make_article(title="Tired article on topic", topics=[sleep_topic])
    make_article(title="Tired article elsewhere", topics=[a_topic])

    response = search(client, "tired", topic="sleep")
    assert group_titles(response, "questions") == ["Tired all the time, on topic"]
    assert group_titles(response, "articles") == ["Tired article on topic"]
    assert soup_of(response).select_one("#search-topic option[selected]")["value"] == "sleep"
    unknown = search(client, "tired", topic="no-such-topic")
    assert "data-search-empty" in unknown.content.decode()


def test_all_words_first_then_any_of_them(client, make_question):
    make_question(title="Grinding teeth at night")
    response = search(client, "grinding zebras")
    assert group_titles(response, "questions") == ["Grinding teeth at night"]
    assert "Nothing had all of your words" in response.content.decode()


# --- Snippets ---------------------------------------------------------------------------------


def test_snippets_mark_the_words_around_the_match_from_escaped_text(client, make_question):
    body = "Filler words " * 30 + "<script>alert(1)</script> & my <b>nightmares</b> come back every week."
    make_question(title="A recurring dream", body=body)

    hit = soup_of(search(client, "nightmare")).select_one(".search-hit__snippet")
    raw = hit.decode_contents()
    assert [mark.get_text() for mark in hit.select("mark")] == ["nightmares"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in raw and "<script" not in raw and "<b>" not in raw
    assert raw.startswith("…")  # starts near the match, not at the top of the text
    assert len(hit.get_text()) < 260


def test_an_article_snippet_comes_from_its_body_when_the_summary_does_not_match(client, make_article):
    make_article(
        title="Evenings", summary="A calmer evening.", body=[("paragraph", "<p>Try a warm bath before bed.</p>")]
    )
    hit = soup_of(search(client, "bath")).select_one(".search-hit__snippet")
    assert hit.decode_contents() == "Try a warm <mark>bath</mark> before bed."


# --- The empty state, the header box ------------------------------------------------------------


def test_nothing_found_says_so_kindly_and_offers_a_way_forward(client, specialist_index):
    page = soup_of(search(client, "zzqqxx"))
    empty = page.select_one("[data-search-empty]")
    text = empty.get_text(" ")
    assert "Nothing matched your search" in text and "fewer or different words" in text
    links = {a.get_text(): a["href"] for a in empty.select("a")}
    assert links["Ask the community"] == "/questions/ask/"
    assert links["Browse the directory of specialists"] == "/specialists/"


def test_the_header_box_keeps_the_query(client, home_page):
    page = soup_of(search(client, 'sleep "deep"'))
    assert page.select_one("#site-search-q")["value"] == 'sleep "deep"'


# --- Privacy ---------------------------------------------------------------------------------------


def test_results_are_private_unindexed_and_the_terms_stay_on_the_page(client, make_question):
    make_question(title="Night sweats and panic")
    response = search(client, "night sweats")
    page = soup_of(response)
    assert "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    assert response["Referrer-Policy"] == "no-referrer"
    assert page.select_one("meta[name=robots]")["content"] == "noindex"
    assert "sweats" not in page.title.get_text()
    outgoing = [a["href"] for a in page.select("a[href^=http]")]
    assert not [href for href in outgoing if "sweats" in href]


def test_terms_never_reach_a_log(client, make_question, caplog):
    make_question(title="Night sweats and panic")
    with caplog.at_level("DEBUG"):
        search(client, "qzsecretword sweats")
        client.get("/search/suggest/", {"q": "qzsecretword"})
    assert "qzsecretword" not in caplog.text


# --- Query budget -------------------------------------------------------------------------------------


def test_the_results_page_does_not_query_more_with_more_results(
    client, make_question, make_article, measure_page_queries
):
    for n in range(3):
        make_question(title=f"Snoring partner number {n}")
        make_article(title=f"Snoring article {n}")
    small = measure_page_queries("/search/?q=snoring", 30)
    for n in range(3, 15):
        make_question(title=f"Snoring partner number {n}")
        make_article(title=f"Snoring article {n}")
    assert measure_page_queries("/search/?q=snoring", 30) == small
    assert measure_page_queries("/search/?q=snoring&kind=questions", 30) <= small


def test_a_rebuild_reads_the_answers_of_every_question_in_two_queries(
    make_question, make_answer, django_assert_num_queries
):
    for n in range(4):
        question = make_question(title=f"Question {n}")
        make_answer(question, body=f"Answer {n} one")
        make_answer(question, body=f"Answer {n} two")
    make_answer(question, body="A pending answer", status=Answer.Status.PENDING)
    with django_assert_num_queries(2):  # the questions (with topics), their published answers
        texts = [question.published_answers_text() for question in Question.get_indexed_objects()]
    assert len(texts) == 4 and all(text.count("Answer") == 2 for text in texts)
    assert not any("pending" in text for text in texts)


def test_pages_older_than_the_newest_window_are_still_found(client, make_article, monkeypatch):
    from search import selectors

    monkeypatch.setitem(selectors.WINDOW, "articles", 2)
    make_article(title="Bruxism at night")  # older than the newest two
    for n in range(3):
        make_article(title=f"Unrelated article {n}", summary="Nothing here", body=[("paragraph", "<p>Cooking.</p>")])
    make_article(title="Bruxism in the day")

    assert group_titles(search(client, "bruxism"), "articles") == ["Bruxism in the day", "Bruxism at night"]


def test_a_window_with_enough_matches_is_the_pool_and_the_count_says_there_are_older_ones(
    client, make_question, monkeypatch
):
    from search import selectors

    monkeypatch.setitem(selectors.WINDOW, "questions", 4)
    monkeypatch.setattr(selectors, "ENOUGH", 2)
    older = make_question(title="Bruxism, the best title", body="Grinding.")
    make_question(title="Something else", body="Cooking.")
    newest = [make_question(title=f"Question {n}", body=f"Some bruxism {n}.") for n in range(3)]

    page = soup_of(search(client, "bruxism"))
    section = page.select_one("section[aria-labelledby=search-questions]")
    assert "(3+)" in section.h2.get_text()
    assert "More than 3 results" in page.select_one(".search-summary").get_text()
    titles = group_titles(search(client, "bruxism"), "questions")
    assert sorted(titles) == sorted(question.title for question in newest) and older.title not in titles


def test_a_window_with_too_few_matches_searches_the_older_ones_too(client, make_question, monkeypatch):
    from search import selectors

    monkeypatch.setitem(selectors.WINDOW, "questions", 3)
    monkeypatch.setattr(selectors, "ENOUGH", 2)
    older = make_question(title="Bruxism, the best title", body="Grinding.")
    make_question(title="Something else", body="Cooking.")
    make_question(title="Another thing", body="Gardening.")
    make_question(title="Question", body="Some bruxism.")

    page = soup_of(search(client, "bruxism"))
    section = page.select_one("section[aria-labelledby=search-questions]")
    assert "(2)" in section.h2.get_text()
    assert group_titles(search(client, "bruxism"), "questions") == [older.title, "Question"]


def test_a_window_holding_every_match_counts_them_without_a_plus(client, make_question, monkeypatch):
    from search import selectors

    monkeypatch.setitem(selectors.WINDOW, "questions", 3)
    monkeypatch.setattr(selectors, "ENOUGH", 2)
    make_question(title="Something else", body="Cooking.")
    for n in range(3):
        make_question(title=f"Bruxism {n}", body="Grinding.")

    section = soup_of(search(client, "bruxism")).select_one("section[aria-labelledby=search-questions]")
    assert "(3)" in section.h2.get_text() and "+" not in section.h2.get_text()
