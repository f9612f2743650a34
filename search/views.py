"""/search/: one search across articles, questions and specialists; and the
suggestions the header box shows while someone types.

Search terms are health information: they are shown back (escaped) on the
results page and in the header box, and go nowhere else: not in the page
title, not in links to other sites (no referrer leaves the page), not in any
log line of ours; the responses are private to the browser and not indexed."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from django_ratelimit.decorators import ratelimit

from core import shared_cache
from core.crisis import canonical, crisis_check
from core.models import Topic
from core.site_cache import cached
from core.text import SEARCH_QUERY_MAX_LENGTH, search_terms
from specialists.models import SpecialistIndexPage

from . import selectors

# Searches for any of these words find the crisis page first.
HELP_PAGE_WORDS = frozenset(
    {
        "crisis",
        "crises",
        "helpline",
        "helplines",
        "hotline",
        "hotlines",
        "suicide",
        "suicidal",
        "emergency",
        "samaritans",
        "selfharm",
        "overdose",
        "lifeline",
        "danger",
    }
)


def _private(response):
    """Nothing of a search is kept by shared caches, indexed, or sent on."""
    patch_cache_control(response, private=True, max_age=0)
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _query(request):
    # What the visitor typed is shown back (escaped); the backend gets words only.
    return "".join(ch for ch in request.GET.get("q", "") if ch.isprintable()).strip()[:SEARCH_QUERY_MAX_LENGTH]


def _section_url(model, request):
    """The first live, public page of `model`'s type: looked up once until the
    pages change (core.site_cache)."""
    found = cached(
        f"first-page:{model._meta.label_lower}", lambda: list(model.objects.live().public().order_by("pk")[:1])
    )
    return found[0].get_url(request) if found else ""


def _results(request, terms, kind, topic):
    """(groups, page of one kind, any word was used, a count stopped at its limit)."""
    if kind:
        # As on the groups' page: when nothing has all the words, any of them.
        results = selectors.search_kind(kind, terms, topic=topic)
        any_word = selectors.tries_any_word(terms, results.count())
        if any_word:
            results = selectors.search_kind_any_word(kind, terms, topic=topic)
        page_obj = Paginator(results, selectors.PER_PAGE).get_page(request.GET.get("page"))
        page_obj.hits = selectors.hits(kind, page_obj.object_list, terms, request)
        return [], page_obj, any_word, results.more
    groups, any_word = selectors.search_groups(terms, topic=topic, request=request)
    return groups, None, any_word, any(group.more for group in groups)


@require_safe
def search(request):
    query = _query(request)
    terms = search_terms(query)
    kind = request.GET.get("kind", "")
    kind = kind if kind in selectors.KINDS else ""
    topic_slug = request.GET.get("topic", "").strip()
    topic = selectors.topic_from_slug(topic_slug) if topic_slug else None
    # A search can be a cry for help too: the searcher sees the crisis panel
    # above the results, and the crisis page comes first.
    crisis_panel = bool(query) and crisis_check(query) is not None
    help_first = crisis_panel or bool(query) and bool(HELP_PAGE_WORDS.intersection(canonical(query).split()))
    groups, page_obj, any_word, more = [], None, False, False
    if terms and not (topic_slug and topic is None):
        groups, page_obj, any_word, more = _results(request, terms, kind, topic)
    total = page_obj.paginator.count if page_obj else sum(group.count for group in groups)
    context = {
        "query": query,
        "terms": terms,
        "kind": kind,
        "kind_label": selectors.LABELS.get(kind, ""),
        "topic": topic,
        "topic_slug": topic_slug,
        "topics": Topic.cached_all(),
        "groups": groups,
        "page_obj": page_obj,
        "any_word": any_word,
        "total": total,
        "more": more,  # a count stopped at selectors.MATCH_LIMIT: there are more
        "found": help_first or total > 0,
        "help_first": help_first,
        "crisis_panel": crisis_panel,
        "directory_url": _section_url(SpecialistIndexPage, request),
    }
    return _private(render(request, "search/search.html", context))


def _suggest_rate(group, request):
    return f"{settings.SEARCH_SUGGESTIONS_PER_MINUTE}/m"


@require_safe
@ratelimit(key="user_or_ip", rate=_suggest_rate, block=False)
def suggest(request):
    """Titles for the header box while someone types: {"suggestions": [{kind,
    kind_label, title, url}]}. No names, no counts of anyone's activity.
    Limited per member, or per address (core.http.client_ip) for visitors.
    A read of published titles: when the shared cache cannot count, it is
    answered uncounted (core.shared_cache), like the search page itself."""
    if request.limited and shared_cache.answering():
        return _private(JsonResponse({"suggestions": [], "error": "rate_limited"}, status=429))
    terms = search_terms(_query(request))
    found = []
    if len(terms) >= 2:
        found = selectors.suggestions(terms, request)
    return _private(JsonResponse({"suggestions": found}))
