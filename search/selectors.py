"""The site search's reads: one search per kind of result, through Wagtail's
search framework (`.search()` / `.autocomplete()` on a queryset of what may be
found), so any backend in WAGTAILSEARCH_BACKENDS serves it unchanged.

What may be found: live, public articles; listed questions (published or
closed, never pending, rejected or hidden ones) with their published answers;
live, public, verified specialists."""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import F, OuterRef, Q, Subquery, Value
from django.utils.translation import gettext_lazy as _

from articles.models import ArticlePage
from core.models import Topic
from core.site_cache import cached
from core.text import plain_text
from qa.models import Answer, Question
from specialists.models import SpecialistPage

from .highlight import highlight, snippet, term_pattern

# The groups of the results page, in the order they are shown, and how many
# each shows before its "see all" link.
KINDS = ("articles", "questions", "specialists")
GROUP_SIZE = {"articles": 3, "questions": 4, "specialists": 3}
PER_PAGE = 10
# Past this many matches of one kind, the count says "100+" (or "20+") and
# the newest this many are the ones ranked (search_kind): what a search costs
# stays the same however large the site grows (README, "Search at scale").
# Two pages of "see all" for articles and specialists (few, long texts whose
# index entries are large to read), ten for questions.
MATCH_LIMIT = {"articles": 20, "questions": 100, "specialists": 20}
# Each kind is searched in its newest this many first (by id): when they hold
# ENOUGH matches, those are the pool and older ones are only asked whether
# one more matches (the "+" of the count); else the older ones are searched
# too (the words are rare then, so few entries have them). What a search
# reads stays within the window however large the site grows (README,
# "Search at scale").
WINDOW = {"articles": 200, "questions": 1000, "specialists": 200}
ENOUGH = PER_PAGE
SUGGESTIONS_PER_KIND = 3
LABELS = {
    "articles": _("Articles"),
    "questions": _("Questions"),
    "specialists": _("Specialists"),
}


def topic_from_slug(slug):
    """The topic a ?topic= names, or None (only a well-formed slug is looked
    for, among the topics kept in the shared cache: core.site_cache)."""
    slug = (slug or "").strip()
    if not Topic.is_slug(slug):
        return None
    return next((topic for topic in Topic.cached_all() if topic.slug == slug), None)


def _topic_page_ids(topic):
    """{"articles": ids, "specialists": ids} of the pages with `topic`, from
    both link tables in one query (a UNION ALL), kept in the shared cache
    until a page changes (core.site_cache: a publish moves it on)."""
    return cached(f"search-topic-pages:{topic.pk}", lambda: _read_topic_page_ids(topic))


def _read_topic_page_ids(topic):
    ids = {"articles": [], "specialists": []}
    links = [
        model.topics.through.objects.filter(topic=topic)
        .order_by()
        .annotate(kind=Value(kind), page=F(f"{model._meta.model_name}_id"))
        .values_list("kind", "page")
        for kind, model in (("articles", ArticlePage), ("specialists", SpecialistPage))
    ]
    for kind, page_id in links[0].union(links[1], all=True):
        ids[kind].append(page_id)
    return ids


def _findable(kind, topic=None, *, searched=True, topic_ids=None):
    """The queryset of `kind` a visitor may find, narrowed to `topic`.

    Topic filters go through the primary key (a filter every backend accepts):
    a list read first for a queryset to be searched (`topic_ids`, from
    _topic_page_ids, when it was read already), a subquery for one only the
    database reads (`searched=False`)."""

    def by_topic(model, kind):
        if not searched:
            return model.objects.filter(topics=topic).values("pk")
        return (topic_ids or _topic_page_ids(topic))[kind]

    if kind == "articles":
        found = ArticlePage.objects.live().public()
        if topic is not None:
            found = found.filter(pk__in=by_topic(ArticlePage, kind))
    elif kind == "questions":
        found = Question.objects.listed()
        if topic is not None:
            found = found.filter(topic=topic)
    else:
        found = SpecialistPage.objects.live().public().verified()
        if topic is not None:
            found = found.filter(pk__in=by_topic(SpecialistPage, kind))
    return found


def _shown(kind, found, terms):
    """`found` with what a hit shows of each result, read in the same query:
    for a question, its topic and the body of its first published answer
    (in the question page's order) that has one of the words as typed
    (`answer_excerpt`), for the snippet when the question's own text does
    not have them."""
    if kind == "articles":
        return found.select_related("author")
    if kind == "questions":
        has_a_word = Q()
        for word in terms.split():
            has_a_word |= Q(body__icontains=word)
        answers = Answer.objects.filter(has_a_word, question=OuterRef("pk"), status=Answer.Status.PUBLISHED)
        return found.select_related("topic").annotate(answer_excerpt=Subquery(answers.values("body")[:1]))
    return found


class Matches:
    """The matches of one kind for some words, best first: sliceable for a
    page of them, with `count` (never more than the kind's MATCH_LIMIT) and
    `more` (True when there are more matches than that) known before any
    slice is read."""

    def __init__(self, ranked, count, more):
        self.ranked, self._count, self.more = ranked, count, more

    def count(self):
        return self._count

    def __getitem__(self, key):
        return self.ranked[key] if self._count else []

    def __len__(self):
        return self._count


def window_starts(topic=None, kinds=KINDS):
    """{kind: the id its newest WINDOW[kind] findable ones start at, or None
    when there are fewer}: the kinds' in one query (a scalar subquery each),
    which each of their searches then uses (_newest_matches)."""
    parts, params = [], []
    for kind in kinds:
        window = WINDOW[kind]
        start = _findable(kind, topic, searched=False).order_by("-id").values("id")[window - 1 : window]
        sql, start_params = start.query.sql_with_params()
        parts.append(f"({sql})")
        params.extend(start_params)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        return dict(zip(kinds, cursor.fetchone(), strict=True))


def _newest_ids(queryset, terms, operator, count):
    """The ids of the newest `count` matches in `queryset`, newest first,
    without ranking them (the database stops at the last one it needs)."""
    matches = queryset.order_by("-id").only("id").search(terms, operator=operator, order_by_relevance=False)
    return [item.id for item in matches[:count]]


def _newest_matches(kind, found, terms, operator, wanted, start):
    """(the ids of the newest `wanted` matches in `found`, newest first;
    whether older ones match too). Only the newest WINDOW[kind] are searched
    when they hold ENOUGH matches: then the second is True when an older one
    matches (without counting them). Else all are searched and the second
    is False.

    Newest first by primary key (which every backend can sort and filter on):
    the database walks back from the newest and stops after the last one it
    needs, or, for a rare word, starts from the entries that have it. The
    window also keeps PostgreSQL from misjudging a small kind: it divides
    how many entries have a word by the entries of every kind, expects a
    few, and reads and sorts every entry of the kind (README, "Search at
    scale")."""

    def newest(queryset, count):
        return _newest_ids(queryset, terms, operator, count)

    if start is None:
        return newest(found, wanted), False
    ids = newest(found.filter(id__gte=start), wanted)
    older = found.filter(id__lt=start)
    if len(ids) >= wanted:
        return ids, False
    if len(ids) >= ENOUGH:
        return ids, bool(newest(older, 1))
    return ids + newest(older, wanted - len(ids)), False


def search_kind(kind, terms, *, topic=None, operator="and", starts=None, topic_ids=None):
    """The matches of one kind for `terms` (a Matches), best first: titles
    weigh more than summaries, summaries more than bodies (the boosts in each
    model's search_fields).

    Counting and ranking every match grows with the site: a common word is in
    most of 50,000 questions. So two bounded reads: the ids of the newest
    MATCH_LIMIT + 1 matches, in the kind's newest WINDOW when it holds ENOUGH
    (_newest_matches), which give the count and whether there are more; then
    the ranking of just those ids. Nothing counts or ranks past the limit.
    `starts` is window_starts(topic), `topic_ids` _topic_page_ids(topic),
    each read here when not given."""
    found = _findable(kind, topic, topic_ids=topic_ids)
    limit = MATCH_LIMIT[kind]
    starts = starts if starts is not None else window_starts(topic, kinds=(kind,))
    pool, older = _newest_matches(kind, found, terms, operator, limit + 1, starts[kind])
    more = older or len(pool) > limit
    pool = pool[:limit]
    ranked = _shown(kind, found.filter(id__in=pool), terms).search(terms, operator=operator)
    return Matches(ranked, len(pool), more)


def search_kind_any_word(kind, terms, *, topic=None, starts=None, topic_ids=None):
    """The matches of one kind for any of `terms`, best first (a Matches), for
    when nothing has them all: ranked in one query among the kind's newest
    WINDOW[kind] (all of them on a smaller site), where the search with all
    the words has just looked. Only when the window holds none are the older
    entries searched as search_kind does (words only old entries have)."""
    found = _findable(kind, topic, topic_ids=topic_ids)
    starts = starts if starts is not None else window_starts(topic, kinds=(kind,))
    start = starts[kind]
    limit = MATCH_LIMIT[kind]
    newest = found.filter(id__gte=start) if start is not None else found
    ranked = list(_shown(kind, newest, terms).search(terms, operator="or")[: limit + 1])
    if not ranked and start is not None:
        # None in the window: the newest older matches, ranked (as search_kind).
        pool = _newest_ids(found.filter(id__lt=start), terms, "or", limit + 1)
        ranked = _shown(kind, found.filter(id__in=pool[:limit]), terms).search(terms, operator="or")
        return Matches(ranked, min(len(pool), limit), len(pool) > limit)
    return Matches(ranked[:limit], min(len(ranked), limit), len(ranked) > limit)


def tries_any_word(terms, found_count):
    """Whether a search that found `found_count` with all of `terms` is tried
    again with any of them: nothing found, and more than one word."""
    return not found_count and len(terms.split()) > 1


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
        return [item.body, item.answer_excerpt or ""]
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
    more: bool = False  # more than `count` (MATCH_LIMIT) matches


def search_groups(terms, *, topic=None, request=None):
    """Every kind's best few and its count. When all words together find
    nothing, any of them is tried (`any_word` is then True)."""
    starts = window_starts(topic)
    topic_ids = _topic_page_ids(topic) if topic is not None else None
    for any_word in (False, True):
        groups = []
        for kind in KINDS:
            search = search_kind_any_word if any_word else search_kind
            results = search(kind, terms, topic=topic, starts=starts, topic_ids=topic_ids)
            count = results.count()
            best = hits(kind, results[: GROUP_SIZE[kind]], terms, request) if count else []
            groups.append(Group(kind=kind, label=LABELS[kind], count=count, hits=best, more=results.more))
        if not tries_any_word(terms, sum(group.count for group in groups)):
            return groups, any_word
    return groups, True


def suggestions(terms, request=None):
    """Titles that start like what is being typed, the newest few of each kind,
    for the header box: titles and addresses only (an anonymous asker stays
    unnamed: no names of members are ever in a question's suggestion).

    Newest first, not ranked: ranking would read every title that starts
    like "sle" (most of 50,000 questions); newest first the database stops at
    the third (README, "Search at scale")."""
    found = []
    for kind in KINDS:
        titles = _findable(kind).order_by("-id")
        for item in titles.autocomplete(terms, order_by_relevance=False)[:SUGGESTIONS_PER_KIND]:
            url = item.get_url(request) if kind != "questions" else item.get_absolute_url()
            found.append({"kind": kind, "kind_label": str(LABELS[kind]), "title": item.title, "url": url})
    return found
