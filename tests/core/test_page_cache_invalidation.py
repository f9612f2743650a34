"""What throws readers' kept pages away (core.page_cache.content_changed):
each change readers would see moves the generation on once it commits, and
the frontend cache is told to purge the page and the listings."""

from datetime import time

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from accounts.factories import UserFactory
from articles import services as article_services
from articles.factories import ArticlePageFactory
from core import page_cache
from core.models import SiteSettings
from qa import services as qa_services
from qa.factories import AnswerFactory, QuestionFactory
from qa.models import Question, QuestionIndexPage
from specialists import consultation_services
from specialists import services as specialist_services
from specialists.factories import SpecialistPageFactory
from specialists.slots import Window
from tests.articles.test_comments import make_comment

pytestmark = pytest.mark.django_db

DUMMY = {"test": {"BACKEND": "tests.core.test_page_cache_invalidation.RecordingBackend"}}


class RecordingBackend:
    """A frontend cache that writes down what it is asked to purge."""

    purged = []

    def __init__(self, params):
        pass

    def invalidates_hostname(self, hostname):
        return True

    def purge_batch(self, urls):
        RecordingBackend.purged.extend(urls)


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def changes(django_capture_on_commit_callbacks):
    """with changes(): ... -> runs the block, then its on-commit work, and
    asserts the generation moved on."""

    class Changes:
        def __call__(self):
            return self

        def __enter__(self):
            self.before = page_cache.generation()
            self._capture = django_capture_on_commit_callbacks(execute=True)
            self._capture.__enter__()
            return self

        def __exit__(self, *exc):
            self._capture.__exit__(*exc)
            if exc[0] is None:
                assert page_cache.generation() > self.before, "kept pages were not thrown away"

    return Changes()


@pytest.fixture
def answerer(specialist_index):
    user = UserFactory(email="answerer.cache@example.com", display_name="Dr Lena Hart")
    user.groups.add(Group.objects.get(name="Specialists"))
    SpecialistPageFactory(parent=specialist_index, title="Dr Lena Hart", user=user)
    return user


@pytest.fixture
def a_question(home_page, a_member):
    return QuestionFactory(author=a_member, title="How do I stop replaying conversations?")


# Pages -------------------------------------------------------------------------


def test_publishing_an_article_shows_it_on_the_kept_index_and_home(an_article, article_index, home_page, changes):
    assert Client().get(article_index.url).get(page_cache.HEADER) == "miss"
    assert Client().get(article_index.url).get(page_cache.HEADER) == "hit"
    draft = ArticlePageFactory(
        parent=article_index, author=an_article.author, title="Sleep when the news is loud", live=False
    )
    with changes():
        draft.save_revision().publish()
    assert "Sleep when the news is loud" in Client().get("/").content.decode()
    assert "Sleep when the news is loud" in Client().get(article_index.url).content.decode()


def test_editing_and_publishing_an_article_shows_the_new_text(an_article, changes):
    Client().get(an_article.url)
    an_article.title = "A calmer title"
    with changes():
        an_article.save_revision().publish()
    assert "A calmer title" in Client().get(an_article.url).content.decode()


def test_unpublishing_takes_the_kept_page_away(an_article, changes):
    assert Client().get(an_article.url).status_code == 200
    with changes():
        an_article.unpublish()
    assert Client().get(an_article.url).status_code == 404


def test_deleting_and_moving_pages_are_changes(an_article, article_index, home_page, changes):
    other = ArticlePageFactory(parent=article_index, author=an_article.author)
    with changes():
        other.move(home_page, pos="last-child")
    with changes():
        other.delete()


def test_site_settings_and_topics_are_changes(home_page, a_topic, changes):
    with changes():
        a_topic.name = "Couples"
        a_topic.save()
    settings_row = SiteSettings.load()
    with changes():
        settings_row.crisis_link_text = "Help, now"
        settings_row.save()


def test_a_login_alone_changes_nothing(a_member, home_page):
    before = page_cache.generation()
    Client().force_login(a_member)
    assert page_cache.generation() == before


# Questions and answers -------------------------------------------------------------


def test_a_new_answer_shows_on_the_kept_question_page(a_question, answerer, changes):
    url = a_question.get_absolute_url()
    Client().get(url)
    assert Client().get(url).get(page_cache.HEADER) == "hit"
    with changes():
        qa_services.answer_create(
            question=a_question, author=answerer, body="Write the worry down, then close the notebook."
        )
    assert "close the notebook" in Client().get(url).content.decode()


def test_moderation_decisions_on_questions_are_changes(home_page, a_member, a_moderator, changes):
    held = QuestionFactory(author=a_member, status=Question.Status.PENDING)
    with changes():
        qa_services.question_approve(question=held, by=a_moderator)
    with changes():
        qa_services.question_reject(question=held, by=a_moderator, reason="Personal details")


def test_moderation_decisions_on_answers_are_changes(a_question, answerer, a_moderator, changes):
    answer = AnswerFactory(question=a_question, author=answerer)
    with changes():
        qa_services.answer_reject(answer=answer, by=a_moderator, reason="Off topic")
    with changes():
        qa_services.answer_approve(answer=answer, by=a_moderator)


def test_a_question_hidden_after_reports_is_a_change(a_question, settings, changes):
    reporters = [UserFactory() for _ in range(settings.QA_REPORTS_TO_HIDE)]
    for reporter in reporters[:-1]:
        qa_services.report_create(by=reporter, reason="spam", question=a_question)
    with changes():
        qa_services.report_create(by=reporters[-1], reason="spam", question=a_question)
    a_question.refresh_from_db()
    assert a_question.status == Question.Status.PENDING


def test_helpful_votes_and_accepting_an_answer_are_changes(a_question, answerer, a_member, changes):
    answer = AnswerFactory(question=a_question, author=answerer)
    with changes():
        qa_services.answer_vote_helpful(answer=answer, by=UserFactory())
    with changes():
        qa_services.answer_accept(answer=answer, by=a_member)


# Comments --------------------------------------------------------------------------


def test_comments_posted_approved_and_removed_are_changes(an_article, a_member, a_moderator, changes):
    with changes():
        comment = article_services.comment_post(article=an_article, user=a_member, text="This helped me a lot.")
    with changes():
        article_services.comment_approve(comment=comment, by=a_moderator)
    assert "This helped me a lot." in Client().get(an_article.url).content.decode()
    with changes():
        article_services.comment_remove(comment=comment, by=a_moderator, reason="Names a third person")
    assert "This helped me a lot." not in Client().get(an_article.url).content.decode()


def test_a_comment_deleted_is_a_change(an_article, a_member, changes):
    comment = make_comment(an_article, a_member)
    with changes():
        comment.delete()


# Specialists -----------------------------------------------------------------------


def test_verifying_a_profile_shows_it_in_the_kept_directory(specialist_index, a_moderator, changes):
    page = SpecialistPageFactory(parent=specialist_index, title="Dr Noor Haddad", unverified=True)
    assert "Dr Noor Haddad" not in Client().get(specialist_index.url).content.decode()
    with changes():
        specialist_services.specialist_verify(page=page, by=a_moderator)
    assert "Dr Noor Haddad" in Client().get(specialist_index.url).content.decode()


def test_availability_and_booked_times_are_changes(specialist_index, a_member, changes):
    user = UserFactory(email="consultant.cache@example.com", display_name="Dr Ada Moss")
    user.groups.add(Group.objects.get(name="Specialists"))
    page = SpecialistPageFactory(parent=specialist_index, user=user, offers_free_consultation=True)
    with changes():
        consultation_services.availability_update(
            page=page,
            by=user,
            time_zone="Europe/London",
            notice_hours=24,
            horizon_days=21,
            windows=[Window(day, time(9), time(17)) for day in range(7)],
            dates_off=[],
        )
    from specialists.consultation_selectors import page_open_slots

    slot = page_open_slots(page, limit=1)[0]
    with changes():
        request = consultation_services.consultation_request(
            member=a_member, page=page, slot_start=slot, format="online", note="", member_time_zone="Europe/London"
        )
    with changes():
        consultation_services.consultation_decline(request=request, by=user)


# The frontend cache ------------------------------------------------------------------


def test_publishing_purges_the_page_and_the_listings(settings, an_article, article_index, specialist_index, changes):
    settings.WAGTAILFRONTENDCACHE = DUMMY
    RecordingBackend.purged = []
    an_article.title = "Purged title"
    with changes():
        an_article.save_revision().publish()
    purged = set(RecordingBackend.purged)
    questions = QuestionIndexPage.objects.get()
    for page in (an_article, article_index, specialist_index, questions, article_index.get_parent()):
        assert page.full_url in purged, (page.full_url, purged)


def test_a_new_answer_purges_its_question_and_the_listings(settings, a_question, answerer, changes):
    settings.WAGTAILFRONTENDCACHE = DUMMY
    RecordingBackend.purged = []
    with changes():
        qa_services.answer_create(question=a_question, author=answerer, body="One small step a day.")
    purged = set(RecordingBackend.purged)
    assert "http://testserver" + a_question.get_absolute_url() in purged, purged
    assert QuestionIndexPage.objects.get().full_url in purged


def test_nothing_is_sent_without_a_frontend_cache(settings, an_article, changes):
    RecordingBackend.purged = []
    with changes():
        an_article.save_revision().publish()
    assert RecordingBackend.purged == []


def test_publishing_queues_no_purge_task_without_a_frontend_cache(settings, an_article, changes):
    # A database task queue in production: a purge task per publish that
    # nobody can act on would pile up rows for the worker.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from django_tasks import default_task_backend

    default_task_backend.clear()
    an_article.title = "Nothing to purge"
    with changes():
        an_article.save_revision().publish()
    queued = [result.task.module_path for result in default_task_backend.results]
    assert not [path for path in queued if "frontend_cache" in path], queued


def test_publishing_with_a_frontend_cache_purges_in_one_task(settings, an_article, changes):
    settings.WAGTAILFRONTENDCACHE = DUMMY
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from django_tasks import default_task_backend

    default_task_backend.clear()
    with changes():
        an_article.save_revision().publish()
    queued = [result.task.module_path for result in default_task_backend.results]
    assert len([path for path in queued if "frontend_cache" in path]) == 1, queued


def test_moving_a_page_purges_its_old_address_and_those_below_it(
    settings, an_article, article_index, specialist_index, changes
):
    settings.WAGTAILFRONTENDCACHE = DUMMY
    old_index, old_article = article_index.full_url, an_article.full_url
    RecordingBackend.purged = []
    with changes():
        article_index.move(specialist_index, pos="last-child")
    article_index.refresh_from_db()
    an_article.refresh_from_db()
    assert article_index.full_url != old_index
    purged = set(RecordingBackend.purged)
    for url in (old_index, old_article, article_index.full_url):
        assert url in purged, (url, purged)


def test_a_new_slug_purges_the_old_address_and_those_below_it(settings, an_article, article_index, changes):
    settings.WAGTAILFRONTENDCACHE = DUMMY
    old_index, old_article = article_index.full_url, an_article.full_url
    RecordingBackend.purged = []
    article_index.slug = "reading"
    with changes():
        article_index.save_revision().publish()
    an_article.refresh_from_db()
    assert an_article.full_url == old_article.replace(old_index, old_index.replace("articles", "reading"))
    purged = set(RecordingBackend.purged)
    for url in (old_index, old_article, article_index.full_url, an_article.full_url):
        assert url in purged, (url, purged)


def test_a_new_slug_leaves_no_old_copy_kept(an_article, article_index, changes):
    old = an_article.url
    assert Client().get(old).get(page_cache.HEADER) == "miss"
    article_index.slug = "reading"
    with changes():
        article_index.save_revision().publish()
    response = Client().get(old)  # Wagtail's redirect to the new address, not the kept page
    assert response.status_code == 301
    assert response["Location"] == "/reading/" + an_article.slug + "/"


def test_turning_new_conversations_off_changes_the_kept_landing_page(answerer, changes):
    from messaging import services as messaging_services

    page = answerer.specialist_page
    assert Client().get(page.url).get(page_cache.HEADER) == "miss"
    assert Client().get(page.url).get(page_cache.HEADER) == "hit"
    with changes():
        messaging_services.messaging_settings_update(user=answerer, taking_new_conversations=False)
    assert "Not taking new messages at the moment." in Client().get(page.url).content.decode()
