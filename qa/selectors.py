"""Reads for Q&A at a fixed number of queries, whatever the number of
questions, answers or votes."""

import re

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Prefetch, Q, Value, When

from articles.models import ArticlePage
from core.models import Topic
from specialists.models import SpecialistPage

from .filters import QuestionFilter
from .models import Answer, AnswerVote, Question, Report, Status
from .permissions import can_moderate

SIMILAR_LIMIT = 5
RELATED_ARTICLES = 3
SHORT_WORDS = 3  # words this long or shorter ("how", "my") do not count when comparing titles


def question_cards(questions):
    """Questions ready for a list: topic and (for named askers) the author, in one query."""
    return questions.select_related("topic", "author").only(
        "pk",
        "title",
        "slug",
        "anonymous",
        "status",
        "created_at",
        "answer_count",
        "accepted_answer_id",
        "topic__name",
        "topic__slug",
        "author__display_name",
    )


def question_list_context(request):
    filters = QuestionFilter(request.GET, queryset=Question.objects.listed())
    questions = filters.qs
    chosen = filters.form.cleaned_data
    topics = list(Topic.objects.all())
    topic = next((topic for topic in topics if topic.slug == chosen.get("topic")), None)
    # get_page: a page number that is not a number gives page 1, one past the end the last page.
    page_obj = Paginator(
        question_cards(questions.order_by("-created_at", "-pk")), settings.QA_QUESTIONS_PER_PAGE
    ).get_page(request.GET.get("page"))
    return {
        "questions": page_obj.object_list,
        "page_obj": page_obj,
        "topics": topics,
        "filters": {"topic": topic, "show": chosen.get("show") or "all"},
    }


def member_questions(*, user):
    """Every question `user` asked, pending and rejected ones too, newest first,
    with its topic, in one query (paginated by the caller)."""
    return (
        Question.objects.filter(author=user)
        .select_related("topic")
        .only(
            "pk",
            "title",
            "slug",
            "anonymous",
            "status",
            "reported",
            "created_at",
            "answer_count",
            "accepted_answer_id",
            "topic__name",
            "topic__slug",
        )
        .order_by("-created_at", "-pk")
    )


def question_for_viewer(*, pk, user):
    """The question at `pk` if `user` may see it: public ones for everyone,
    others for their author and moderators. None otherwise."""
    question = Question.objects.select_related("topic", "author").filter(pk=pk).first()
    if question is None:
        return None
    if question.is_public:
        return question
    if user.is_authenticated and (question.author_id == user.pk or can_moderate(user)):
        return question
    return None


def question_answers(question):
    """Published answers, the accepted one first, then by helpfulness, each
    with its specialist's page, photo and renditions."""
    pages = SpecialistPage.objects.with_photo()
    answers = (
        Answer.objects.filter(question=question, status=Status.PUBLISHED)
        .select_related("author")
        .prefetch_related(Prefetch("author__specialist_page", queryset=pages))
        .annotate(
            accepted_first=Case(
                When(pk=question.accepted_answer_id or 0, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("accepted_first", "-helpful_count", "created_at", "pk")
    )
    answers = list(answers)
    for answer in answers:
        answer.question = question
        answer.specialist = getattr(answer.author, "specialist_page", None)
    return answers


def viewer_marks(*, question, answers, user):
    """What `user` has done here already: answers voted helpful, items
    reported, their own answer. Two queries at most."""
    marks = {"voted": set(), "reported_answers": set(), "reported_question": False, "own_answer": None}
    if not user.is_authenticated:
        return marks
    answer_ids = [answer.pk for answer in answers]
    marks["voted"] = set(
        AnswerVote.objects.filter(user=user, answer_id__in=answer_ids).values_list("answer_id", flat=True)
    )
    reports = Report.objects.filter(reporter=user).filter(Q(question=question) | Q(answer__question=question))
    for question_id, answer_id in reports.values_list("question_id", "answer_id"):
        if question_id:
            marks["reported_question"] = True
        else:
            marks["reported_answers"].add(answer_id)
    marks["own_answer"] = Answer.objects.filter(question=question, author=user).first()
    return marks


def related_articles(question, limit=RELATED_ARTICLES):
    if question.topic_id is None:
        return []
    return list(ArticlePage.objects.live().public().filter(topics=question.topic_id).cards().newest_first()[:limit])


def title_words(text):
    return [word for word in re.findall(r"\w+", text.casefold()) if len(word) > SHORT_WORDS][:8]


def similar_questions(text, *, limit=SIMILAR_LIMIT, exclude_pk=None):
    """Published questions whose titles share words with `text`, the most
    shared first. Titles and URLs only: never who asked."""
    words = title_words(text)
    if not words:
        return []
    matches = Q()
    score = Value(0)
    for word in words:
        matches |= Q(title__icontains=word)
        score = score + Case(When(title__icontains=word, then=Value(1)), default=Value(0))
    questions = Question.objects.listed().filter(matches).annotate(score=score)
    if exclude_pk:
        questions = questions.exclude(pk=exclude_pk)
    return list(
        questions.order_by("-score", "-answer_count", "-created_at").only("pk", "title", "slug", "answer_count")[:limit]
    )


def latest_answered_questions(limit=5):
    """For the home page: the newest questions a specialist has answered."""
    return list(question_cards(Question.objects.listed().answered().order_by("-created_at", "-pk"))[:limit])
