"""A member finds their own questions, pending ones included, under "My
questions"; a visitor who follows "Ask a question" lands on the login form
with the way back."""

import pytest
from django.urls import reverse

from qa.models import Question

pytestmark = pytest.mark.django_db

MINE = "/questions/mine/"


def test_my_questions_lists_every_state_of_own_questions(client, a_member, another_member, make_question):
    make_question(title="A published question of mine")
    make_question(title="A pending question of mine", status=Question.Status.PENDING)
    make_question(title="A rejected question of mine", status=Question.Status.REJECTED)
    make_question(title="Someone else's question here", author=another_member)
    client.force_login(a_member)
    html = client.get(MINE).content.decode()
    for title in ("A published question of mine", "A pending question of mine", "A rejected question of mine"):
        assert title in html
    assert "Someone else" not in html
    assert "Waiting for a moderator" in html and "Not published" in html


def test_the_pending_question_links_to_its_page_which_its_asker_can_open(client, a_member, make_question):
    question = make_question(title="A pending question of mine", status=Question.Status.PENDING)
    client.force_login(a_member)
    assert question.get_absolute_url() in client.get(MINE).content.decode()
    assert client.get(question.get_absolute_url()).status_code == 200


def test_my_questions_needs_login(client):
    response = client.get(MINE)
    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={MINE}"


def test_my_questions_queries_do_not_grow(client, a_member, make_question, django_assert_max_num_queries):
    client.force_login(a_member)
    make_question(title="The first question I asked")
    client.get(MINE)
    # 15: the questions page serves it, so Wagtail's routing (site, page tree,
    # view restrictions) comes before the list.
    with django_assert_max_num_queries(15) as few:
        client.get(MINE)
    for number in range(19):
        make_question(title=f"Another question number {number}", status=Question.Status.PENDING)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(MINE)
    assert "Another question number 18" in response.content.decode()


def test_logged_out_visitor_asking_lands_on_the_login_form_with_the_way_back(client):
    response = client.get("/questions/ask/", follow=True)
    assert response.redirect_chain == [(f"{reverse('account_login')}?next=/questions/ask/", 302)]
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="password"' in html
    assert "/questions/ask/" in html  # the way back is kept in the form


def test_logged_out_post_to_ask_still_saves_nothing(client, question_data):
    response = client.post("/questions/ask/", question_data)
    assert response.status_code == 403
    assert not Question.objects.exists()
