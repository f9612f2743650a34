import pytest

from qa.models import Answer

pytestmark = pytest.mark.django_db


def test_specialist_landing_page_lists_their_published_answers(client, an_answer, a_specialist, make_question):
    hidden = make_question(title="A question still waiting for a moderator", status="pending")
    Answer.objects.create(question=hidden, author=a_specialist, body="An answer to a question nobody sees yet.")
    html = client.get(a_specialist.specialist_page.url).content.decode()
    assert "Answers by Dr Lena Hart" in html
    assert an_answer.get_absolute_url() in html
    assert "A question still waiting for a moderator" not in html


def test_specialist_without_answers_shows_no_answer_section(client, a_specialist):
    html = client.get(a_specialist.specialist_page.url).content.decode()
    assert "Answers by" not in html
