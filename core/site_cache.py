"""What every public page reads about the site, kept in the shared cache so a
page rendered afresh (the page cache off, or a member's request) does not ask
the database for it each time: the Wagtail site for the request's host with
its root page, the sections under the root page (core.context_processors),
the site settings and whether any page has a view restriction.

Entries carry a generation number, moved on by `changed()`, which
core.page_cache.content_changed calls for every change readers could see
(pages published, unpublished, moved or deleted, site settings, sites and
view restrictions saved or deleted: core.signals). It moves on at once and
again after the transaction commits: at once so the rest of the transaction
(and a test inside one) reads the change, after the commit so nothing read
from the database before the commit outlives it.

Only the shared cache is used, never a process's memory: several app servers
see the same generation, so none of them serves what another has changed.
"""

import time
from contextvars import ContextVar

from django.core.cache import cache
from django.db import InterfaceError, OperationalError, transaction
from django.http.request import split_domain_port

GENERATION_KEY = "site-cache:generation"
TIMEOUT = 60 * 60  # a generation rarely lives this long; this bounds a forgotten one
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)  # as core.views has it


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, int(time.time() * 1000), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def current():
    """The generation this request reads under (read once a request by
    SiteMiddleware), or the shared cache's now; None when it does not answer."""
    memo = _request_memo.get()
    return memo.generation if memo is not None else generation()


def _bump():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there: start afresh, from the clock
        generation()


def changed():
    """Something these entries hold may have changed: forget them all, now
    and once the transaction commits."""
    _bump()
    transaction.on_commit(_bump)


# While a request is served (SiteMiddleware), the generation is read once and
# each entry at most once, all of the well-known ones in one round trip.
_request_memo = ContextVar("site_cache_request_memo", default=None)


class _Memo:
    def __init__(self, names):
        self.generation = generation()
        self.values = cache.get_many([self.key(name) for name in names]) if names else {}

    def key(self, name):
        return f"site-cache:{self.generation}:{name}"


def cached(name, build):
    """`build()`'s value for the current generation, from the shared cache
    when it is there (`None` is never kept)."""
    memo = _request_memo.get()
    key = memo.key(name) if memo else f"site-cache:{generation()}:{name}"
    value = memo.values.get(key) if memo else None
    if value is None:
        value = cache.get(key)
    if value is None:
        value = build()
        if value is not None:
            cache.set(key, value, timeout=TIMEOUT)
    if memo and value is not None:
        memo.values[key] = value
    return value


def _site_with_root(hostname, port):
    from wagtail.models import Site
    from wagtail.models.sites import get_site_for_hostname

    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None
    # The root page as its own type: Wagtail routes every request from it.
    site.root_page = site.root_page.specific
    return site


def _host(request):
    return split_domain_port(request._get_raw_host())[0], request.get_port()


def site_for_request(request):
    """The Wagtail site answering `request` (as Site.find_for_request finds
    it), its root page loaded as its own type, from the shared cache."""
    hostname, port = _host(request)
    return cached(f"site:{hostname}:{port}", lambda: _site_with_root(hostname, port))


class SiteMiddleware:
    """Gives Wagtail the request's site from the shared cache: it keeps the
    site it finds for a request on the request (`Site.find_for_request`),
    and routes every page from that site's root page. Reads what a page
    usually needs from this module in one round trip to the cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        hostname, port = _host(request)
        try:
            memo = _Memo([f"site:{hostname}:{port}", "restricted-pages", "site-settings"])
        except DATABASE_UNAVAILABLE:  # the cache is the database's table
            memo = None
        token = _request_memo.set(memo)
        try:
            if memo is not None and not hasattr(request, "_wagtail_site"):
                try:
                    site = site_for_request(request)
                except DATABASE_UNAVAILABLE:
                    # Not this middleware's to answer: /health/ says so in
                    # its JSON, a page that needs the database gets the 503
                    # page (core.views.server_error).
                    site = None
                if site is not None:
                    request._wagtail_site = site
            return self.get_response(request)
        finally:
            _request_memo.reset(token)


def restricted_page_ids():
    """Ids of the pages that carry a view restriction (a private section
    starts at each). Usually none, and then no page needs to ask."""
    from wagtail.models import PageViewRestriction

    return cached(
        "restricted-pages", lambda: tuple(sorted(set(PageViewRestriction.objects.values_list("page_id", flat=True))))
    )
