"""Who reaches which Q&A page, for real questions and answers."""

import pytest

from qa.models import Question
from tests.two_factor import log_in_with_two_factor

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "member", "other_member", "specialist", "moderator")


@pytest.fixture
def people(a_member, another_member, a_specialist, a_moderator):
    return {
        "anonymous": None,
        "member": a_member,
        "other_member": another_member,
        "specialist": a_specialist,
        "moderator": a_moderator,
    }


def statuses(client, people, url, method="get"):
    found = {}
    for role in ROLES:
        client.logout()
        if role == "moderator":
            log_in_with_two_factor(client, people[role])
        elif people[role]:
            client.force_login(people[role])
        found[role] = getattr(client, method)(url).status_code
    return found


def test_published_question_is_public(client, people, an_answer):
    assert statuses(client, people, an_answer.question.get_absolute_url()) == dict.fromkeys(ROLES, 200)


def test_pending_question_is_for_its_asker_and_moderators(client, people, make_question):
    question = make_question(status=Question.Status.PENDING)
    assert statuses(client, people, question.get_absolute_url()) == {
        "anonymous": 404,
        "member": 200,
        "other_member": 404,
        "specialist": 404,
        "moderator": 200,
    }


def test_answer_edit_is_for_its_author_only(client, people, an_answer):
    assert statuses(client, people, f"/questions/answers/{an_answer.pk}/edit/") == {
        "anonymous": 403,
        "member": 404,
        "other_member": 404,
        "specialist": 200,
        "moderator": 404,
    }


def test_report_form_for_members_other_than_the_author(client, people, a_question):
    assert statuses(client, people, f"/questions/{a_question.pk}/report/") == {
        "anonymous": 403,
        "member": 404,  # their own question
        "other_member": 200,
        "specialist": 200,
        "moderator": 200,
    }


def test_posting_actions_refuse_get(client, people, an_answer):
    for url in (f"/questions/answers/{an_answer.pk}/accept/", f"/questions/answers/{an_answer.pk}/helpful/"):
        assert statuses(client, people, url) == {"anonymous": 403, **dict.fromkeys(ROLES[1:], 405)}
