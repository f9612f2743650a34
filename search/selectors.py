"""The site search's reads: one search per kind of result, through Wagtail's
search framework (`.search()` / `.autocomplete()` on a queryset of what may be
found), so any backend in WAGTAILSEARCH_BACKENDS serves it unchanged.

What may be found: live, public articles; listed questions (published or
closed, never pending, rejected or hidden ones) with their published answers;
live, public, verified specialists."""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from articles.models import ArticlePage
from core.models import Topic
from core.text import plain_text
from qa.models import Answer, Question
from specialists.models import SpecialistPage

from .highlight import highlight, snippet, term_pattern

# The groups of the results page, in the order they are shown, and how many
# each shows before its "see all" link.
KINDS = ("articles", "questions", "specialists")
GROUP_SIZE = {"articles": 3, "questions": 4, "specialists": 3}
PER_PAGE = 10
SUGGESTIONS_PER_KIND = 3
LABELS = {
    "articles": _("Articles"),
    "questions": _("Questions"),
    "specialists": _("Specialists"),
}


def topic_from_slug(slug):
    """The topic a ?topic= names, or None (only a well-formed slug is looked up)."""
    slug = (slug or "").strip()
    return Topic.objects.filter(slug=slug).first() if Topic.is_slug(slug) else None


def _findable(kind, topic=None):
    """The queryset of `kind` a visitor may find, narrowed to `topic`.

    Topic filters go through the primary key (a filter every backend accepts)."""
    if kind == "articles":
        found = ArticlePage.objects.live().public().select_related("author")
        if topic is not None:
            found = found.filter(pk__in=list(ArticlePage.objects.filter(topics=topic).values_list("pk", flat=True)))
    elif kind == "questions":
        published_answers = Answer.objects.filter(status=Answer.Status.PUBLISHED)
        published = Prefetch("answers", queryset=published_answers.only("question_id", "status", "body"))
        found = Question.objects.listed().select_related("topic").prefetch_related(published)
        if topic is not None:
            found = found.filter(topic=topic)
    else:
        found = SpecialistPage.objects.live().public().verified()
        if topic is not None:
            found = found.filter(pk__in=list(SpecialistPage.objects.filter(topics=topic).values_list("pk", flat=True)))
    return found


def search_kind(kind, terms, *, topic=None, operator="and"):
    """Search results (lazy, sliceable, countable) of one kind for `terms`,
    best first: titles weigh more than summaries, summaries more than bodies
    (the boosts in each model's search_fields)."""
    return _findable(kind, topic).search(terms, operator=operator)


@dataclass
class Hit:
    """One result as the page shows it; title and snippet are escaped and
    marked (search.highlight)."""

    kind: str
    url: str
    title: str
    snippet: str
    details: list = field(default_factory=list)


def _texts(kind, item):
    if kind == "articles":
        return [item.summary, plain_text(item.body)]
    if kind == "questions":
        # The question first; else the first published answer that matches.
        return [item.body, *(answer.body for answer in item.answers.all())]
    return [item.short_bio, item.location]


def _details(kind, item):
    if kind == "articles":
        details = [item.author.title] if item.author_id and item.author else []
        return [*details, _("%(minutes)s min read") % {"minutes": item.reading_time}]
    if kind == "questions":
        count = item.answer_count
        details = [item.topic.name] if item.topic_id and item.topic else []
        if count == 1:
            return [*details, _("1 answer")]
        return [*details, _("%(count)s answers") % {"count": count} if count else _("No answers yet")]
    return [item.professional_title, *([item.location] if item.location else [])]


def hits(kind, results, terms, request=None):
    pattern = term_pattern(terms)
    out = []
    for item in results:
        url = item.get_url(request) if kind != "questions" else item.get_absolute_url()
        out.append(
            Hit(
                kind=kind,
                url=url,
                title=highlight(item.title, pattern),
                snippet=snippet(_texts(kind, item), pattern),
                details=_details(kind, item),
            )
        )
    return out


@dataclass
class Group:
    kind: str
    label: str
    count: int
    hits: list


def search_groups(terms, *, topic=None, request=None):
    """Every kind's best few and its count. When all words together find
    nothing, any of them is tried (`any_word` is then True)."""
    for operator in ("and", "or"):
        groups = []
        for kind in KINDS:
            results = search_kind(kind, terms, topic=topic, operator=operator)
            count = results.count()
            best = hits(kind, results[: GROUP_SIZE[kind]], terms, request) if count else []
            groups.append(Group(kind=kind, label=LABELS[kind], count=count, hits=best))
        if any(group.count for group in groups) or len(terms.split()) < 2:
            return groups, operator == "or"
    return groups, True


def suggestions(terms, request=None):
    """Titles that start like what is being typed, a few of each kind, for the
    header box: titles and addresses only (an anonymous asker stays unnamed:
    no names of members are ever in a question's suggestion)."""
    found = []
    for kind in KINDS:
        for item in _findable(kind).autocomplete(terms)[:SUGGESTIONS_PER_KIND]:
            url = item.get_url(request) if kind != "questions" else item.get_absolute_url()
            found.append({"kind": kind, "kind_label": str(LABELS[kind]), "title": item.title, "url": url})
    return found
