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


def _newest_search(kind, queryset, terms, operator, count):
    matches = queryset.order_by("-id").annotate(kind=Value(kind)).only("id")
    return matches.search(terms, operator=operator, order_by_relevance=False)[:count]


def _newest_ids_each(terms, wanted):
    """{kind: the ids of the newest `count` matches in `queryset`, newest
    first} for each kind: (queryset, operator, count) of `wanted`, without
    ranking them (the database stops at the last one it needs).

    In one query for all the kinds on PostgreSQL: a UNION ALL of each kind's
    newest-first search, each with its own ORDER BY and LIMIT (a database
    backend's results are a queryset). Else (SQLite, which cannot order
    and limit each part of a UNION, or a search server) one search each."""
    searches = {
        kind: _newest_search(kind, queryset, terms, operator, count)
        for kind, (queryset, operator, count) in wanted.items()
    }
    together = connection.features.supports_slicing_ordering_in_compound and len(searches) > 1
    if not together or not all(hasattr(search, "get_queryset") for search in searches.values()):
        return {kind: [item.id for item in search] for kind, search in searches.items()}
    parts = [search.get_queryset().values_list("kind", "id") for search in searches.values()]
    ids = {kind: [] for kind in searches}
    for kind, found_id in parts[0].union(*parts[1:], all=True):
        ids[kind].append(found_id)
    # Each part is newest first, but the UNION keeps no order between rows.
    return {kind: sorted(found, reverse=True) for kind, found in ids.items()}


def _newest_matches(terms, found, operator, starts):
    """{kind: (the ids of the newest MATCH_LIMIT + 1 matches in found[kind],
    newest first; whether older ones match too)}, for every kind of `found`
    in at most two queries (_newest_ids_each): the windows, then the older
    entries of the kinds whose window held too few.

    Only the newest WINDOW[kind] are searched when they hold ENOUGH matches:
    then the second is True when an older one matches (without counting
    them). Else all are searched and the second is False.

    Newest first by primary key (which every backend can sort and filter on):
    the database walks back from the newest and stops after the last one it
    needs, or, for a rare word, starts from the entries that have it. The
    window also keeps PostgreSQL from misjudging a small kind: it divides
    how many entries have a word by the entries of every kind, expects a
    few, and reads and sorts every entry of the kind (README, "Search at
    scale")."""
    wanted = {kind: MATCH_LIMIT[kind] + 1 for kind in found}
    newest = _newest_ids_each(
        terms,
        {
            kind: (queryset if starts[kind] is None else queryset.filter(id__gte=starts[kind]), operator, wanted[kind])
            for kind, queryset in found.items()
        },
    )
    older_wanted = {
        kind: 1 if len(ids) >= ENOUGH else wanted[kind] - len(ids)
        for kind, ids in newest.items()
        if starts[kind] is not None and len(ids) < wanted[kind]
    }
    older = _newest_ids_each(
        terms,
        {kind: (found[kind].filter(id__lt=starts[kind]), operator, count) for kind, count in older_wanted.items()},
    )
    pools = {}
    for kind, ids in newest.items():
        if kind not in older:
            pools[kind] = (ids, False)
        elif len(ids) >= ENOUGH:
            pools[kind] = (ids, bool(older[kind]))
        else:
            pools[kind] = (ids + older[kind], False)
    return pools


def search_kinds(terms, *, kinds=KINDS, topic=None, operator="and", starts=None, topic_ids=None):
    """{kind: the matches of that kind for `terms` (a Matches), best first}:
    titles weigh more than summaries, summaries more than bodies (the boosts
    in each model's search_fields).

    Counting and ranking every match grows with the site: a common word is in
    most of 50,000 questions. So bounded reads: the ids of each kind's newest
    MATCH_LIMIT + 1 matches, in its newest WINDOW when it holds ENOUGH
    (_newest_matches: all the kinds in one query, two when a window holds too
    few), which give the count and whether there are more; then the ranking
    of just those ids, one query per kind that has any. Nothing counts or
    ranks past the limit. `starts` is window_starts(topic), `topic_ids`
    _topic_page_ids(topic), each read here when not given."""
    found = {kind: _findable(kind, topic, topic_ids=topic_ids) for kind in kinds}
    starts = starts if starts is not None else window_starts(topic, kinds=kinds)
    matches = {}
    for kind, (pool, older) in _newest_matches(terms, found, operator, starts).items():
        limit = MATCH_LIMIT[kind]
        more = older or len(pool) > limit
        pool = pool[:limit]
        ranked = _shown(kind, found[kind].filter(id__in=pool), terms).search(terms, operator=operator)
        matches[kind] = Matches(ranked, len(pool), more)
    return matches


def search_kind(kind, terms, **options):
    """The matches of one kind for `terms` (a Matches, as search_kinds)."""
    return search_kinds(terms, kinds=(kind,), **options)[kind]


def search_kinds_any_word(terms, *, kinds=KINDS, topic=None, starts=None, topic_ids=None):
    """{kind: the matches of that kind for any of `terms`, best first (a
    Matches)}, for when nothing has them all: ranked in one query a kind
    among its newest WINDOW[kind] (all of them on a smaller site), where the
    search with all the words has just looked. Only the kinds whose window
    holds none have their older entries searched as search_kinds does (words
    only old entries have): their newest ids in one query for all such
    kinds, then each one's ranked."""
    found = {kind: _findable(kind, topic, topic_ids=topic_ids) for kind in kinds}
    starts = starts if starts is not None else window_starts(topic, kinds=kinds)
    matches, empty = {}, {}
    for kind in kinds:
        start, limit = starts[kind], MATCH_LIMIT[kind]
        newest = found[kind].filter(id__gte=start) if start is not None else found[kind]
        ranked = list(_shown(kind, newest, terms).search(terms, operator="or")[: limit + 1])
        if not ranked and start is not None:
            empty[kind] = (found[kind].filter(id__lt=start), "or", limit + 1)
        matches[kind] = Matches(ranked[:limit], min(len(ranked), limit), len(ranked) > limit)
    # None in the window: the newest older matches, ranked (as search_kinds).
    for kind, pool in _newest_ids_each(terms, empty).items():
        limit = MATCH_LIMIT[kind]
        ranked = _shown(kind, found[kind].filter(id__in=pool[:limit]), terms).search(terms, operator="or")
        matches[kind] = Matches(ranked, min(len(pool), limit), len(pool) > limit)
    return matches


def search_kind_any_word(kind, terms, **options):
    """The matches of one kind for any of `terms` (a Matches, as search_kinds_any_word)."""
    return search_kinds_any_word(terms, kinds=(kind,), **options)[kind]


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
        search = search_kinds_any_word if any_word else search_kinds
        found = search(terms, topic=topic, starts=starts, topic_ids=topic_ids)
        groups = []
        for kind in KINDS:
            results = found[kind]
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
