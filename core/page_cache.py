"""Whole pages for anonymous readers, kept in the shared cache (Redis in
production) and answered before the rest of the middleware runs.

A page opts in while it renders: `cache_for_readers(request, query_keys=...)`
(the home page, the article index and articles, the questions list and each
question, the directory and each specialist page). PageCacheMiddleware, near
the top of MIDDLEWARE, then

- answers a GET or HEAD from the cache when the request carries no session
  cookie, no messages cookie and no Authorization header, before sessions,
  CSRF, authentication and messages run;
- otherwise lets the request through, and keeps the response only when the
  page opted in and nothing personal went into it: status 200, no cookie set,
  not `private`/`no-store`/`no-cache`, nobody logged in, no Django message
  shown or queued, no CSRF token used (a page with a POST form for visitors
  is never kept: its token would be shared), not a preview, and varying on
  no request header the key does not cover.

Keys: scheme, host, path, the active language and the query parameters the
page reads (its allow-list, one value each, slug-like, sorted). A request
with other parameters (utm_..., junk) is answered from the copy of the page
without them, and never stored, so junk cannot fill the cache; every stored
copy was made by a request that carried nothing but those parameters.

Invalidation: every key carries a generation number; `content_changed()`
bumps it after the transaction commits, so every kept page goes at once
(coarse, but it cannot miss a listing), and tells the frontend cache (Varnish
or a CDN, wagtail.contrib.frontend_cache, off unless configured) to purge the
changed pages and the listings. Pages that show a next open consultation time
are kept for PAGE_CACHE_SLOT_SECONDS only, as time alone makes that stale.

A cache that does not answer (core.shared_cache) is a miss: the page is
rendered and not kept; and a process that saw it fail moves the generation
on once it answers again, in case something changed meanwhile.
"""

import hashlib
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost, ObjectDoesNotExist
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language_from_request

from . import shared_cache

GENERATION_KEY = "page-cache:generation"
HEADER = "X-Page-Cache"
# Query values kept in a key: a page number, a slug, a filter choice.
VALUE_PATTERN = re.compile(r"[\w-]{1,80}")
# Response headers a stored page may vary on: the key covers them (cookies:
# only requests without a session or messages cookie are answered).
KEYED_VARY = {"cookie", "accept-language", "accept-encoding"}
_REQUEST_ATTRIBUTE = "_page_cache"
MESSAGES_COOKIE = "messages"  # django.contrib.messages' cookie storage


def cache_for_readers(request, *, query_keys=(), seconds=None):
    """The page being rendered for `request` may be kept for anonymous
    readers, keyed on the query parameters `query_keys` (the ones it reads),
    for `seconds` (PAGE_CACHE_SECONDS by default)."""
    setattr(request, _REQUEST_ATTRIBUTE, (tuple(sorted(query_keys)), seconds or settings.PAGE_CACHE_SECONDS))


def generation():
    """The current generation. It starts from the clock, so a cache that
    lost this key (evicted, restarted) never brings back an older one."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, int(time.time() * 1000), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def _bump_generation():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there: start afresh, from the clock
        generation()


# What changed while the cache was away could not throw kept pages away.
shared_cache.after_outage(_bump_generation)


def _digest(*parts):
    return hashlib.sha256("\n".join(str(part) for part in parts).encode()).hexdigest()


def _route_key(gen, request, host):
    return f"page-cache:{gen}:route:{_digest(request.scheme, host, request.path)}"


def _page_key(gen, request, host, query):
    language = get_language_from_request(request)
    return f"page-cache:{gen}:page:{_digest(request.scheme, host, request.path, language, query)}"


def _keyed_query(request, keys):
    """The allowed parameters as a canonical string, and whether the request
    carried exactly those (one slug-like value each, nothing else)."""
    parts = []
    exact = True
    for key in request.GET:
        if key not in keys:
            exact = False
    for key in keys:
        values = request.GET.getlist(key)
        if not values:
            continue
        value = values[-1]  # what request.GET.get(key) reads
        if len(values) > 1 or not VALUE_PATTERN.fullmatch(value):
            exact = False
        if value and not (key == "page" and value == "1"):
            parts.append(f"{key}={value}")
    return "&".join(parts), exact


def _may_answer(request):
    if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and MESSAGES_COOKIE not in cookies


def _personal(request, response):
    """Why `response` must not be kept for everyone, or "" when it may."""
    if response.status_code != 200 or response.streaming:
        return "status"
    if response.cookies:
        return "cookie"
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return "private"
    if response.has_header("Content-Encoding"):
        return "encoded"
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    if vary - KEYED_VARY:
        return "vary"
    if getattr(request, "is_preview", False):
        return "preview"
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return "user"
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return "csrf"  # {% csrf_token %} was used: the page holds this visitor's token
    storage = getattr(request, "_messages", None)
    if storage is not None and (storage.used or len(storage)):
        return "messages"
    return ""


class PageCacheMiddleware:
    """Answers anonymous readers from the cache; see the module's docstring.
    Responses say `X-Page-Cache: hit` or `miss` when the cache was asked."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_answer(request):
            return self.get_response(request)
        try:
            host = request.get_host()
        except DisallowedHost:
            return self.get_response(request)  # Django answers it with a 400
        gen = generation()
        if gen is None:  # the cache does not answer (core.shared_cache): render, keep nothing
            return self.get_response(request)
        keys = cache.get(_route_key(gen, request, host))
        stored = None
        if keys is not None:
            query, _exact = _keyed_query(request, keys)
            stored = cache.get(_page_key(gen, request, host, query))
        if stored is not None:
            return self._from_cache(request, stored)
        response = self.get_response(request)
        self._store(request, response, host, gen)
        return response

    def _from_cache(self, request, stored):
        status, headers, content = stored
        response = HttpResponse(b"" if request.method == "HEAD" else content, status=status)
        for name, value in headers:
            response[name] = value
        response[HEADER] = "hit"
        return response

    def _store(self, request, response, host, gen):
        marked = getattr(request, _REQUEST_ATTRIBUTE, None)
        if marked is None or request.method != "GET":
            return
        keys, seconds = marked
        query, exact = _keyed_query(request, keys)
        if not exact or _personal(request, response):
            return
        # Browsers ask again each time; a shared cache in front (Varnish, a
        # CDN) may keep it as long as we do, and is purged on changes.
        patch_cache_control(response, max_age=0, s_maxage=seconds)
        headers = [(name, value) for name, value in response.items() if name.lower() != HEADER.lower()]
        failed = cache.set_many(
            {
                _route_key(gen, request, host): keys,
                _page_key(gen, request, host, query): (response.status_code, headers, response.content),
            },
            timeout=seconds,
        )
        if not failed:
            response[HEADER] = "miss"


# Invalidation ----------------------------------------------------------------


def content_changed(*, pages=(), urls=()):
    """Something readers see changed. Once the transaction commits, every
    kept page goes (the generation moves on), and the frontend cache, when
    one is configured, purges `pages` (their addresses taken now, while a
    page being unpublished, moved or deleted still has its old one), `urls`
    (paths or full URLs, or a function returning them, called after the
    commit) and the listings. Outside a transaction it happens at once."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends

    from . import site_cache

    site_cache.changed()
    batch = None
    if get_backends():
        batch = PurgeBatch()
        batch.add_pages(pages)
    transaction.on_commit(lambda: _after_commit(batch=batch, urls=urls))


def _after_commit(*, batch, urls):
    _bump_generation()
    if batch is None:
        return
    from .http import site_url

    batch.add_pages(listing_pages())
    try:
        found = urls() if callable(urls) else urls
    except ObjectDoesNotExist:  # a deleted row's relations went with it
        found = ()
    batch.add_urls(site_url(url.split("#", 1)[0]) for url in found if url)
    batch.purge()


def _live_subtree(page):
    from wagtail.models import Page

    return Page.objects.descendant_of(page, inclusive=True).live().specific(defer=True)


def subtree_leaving(*, page):
    """`page` is about to move: it and every live page below it lose their
    addresses, which the frontend cache purges (taken now, before the move)."""
    content_changed(pages=_live_subtree(page))


def subtree_renamed(*, page, page_before):
    """`page` has a new slug (`page_before`: the row as it was), so it and
    every live page below it have new addresses: the frontend cache purges
    the new and the old ones (the new with the old page's prefix; readers
    asking there now get the redirect Wagtail made, not a kept copy)."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    subtree = _live_subtree(page)

    def old_addresses():
        new_root, old_root = page.get_full_url(), page_before.get_full_url()
        if not new_root or not old_root:
            return ()
        batch = PurgeBatch()
        batch.add_pages(subtree)
        return [old_root + url[len(new_root) :] for url in batch.urls if url.startswith(new_root)]

    content_changed(pages=subtree, urls=old_addresses)


def listing_pages():
    """The pages that list others: each site's home page and every live page
    whose type declares query keys (the article index, the questions page,
    the directory)."""
    from wagtail.models import Page, Site, get_page_models

    listing_types = [model for model in get_page_models() if getattr(model, "canonical_query_keys", ())]
    root_ids = Site.objects.values_list("root_page_id", flat=True)
    pages = Page.objects.live().filter(pk__in=list(root_ids))
    if listing_types:
        pages = pages | Page.objects.live().type(*listing_types)
    return pages.specific(defer=True)


def watch(model, *, urls=None, unless=None):
    """Rows of `model` are shown to readers: saving or deleting one is a
    change (content_changed), purging `urls(instance)` too. `unless(instance,
    **signal_kwargs)` true skips a save that changes nothing readers see.
    Writes through QuerySet.update() send no signal: their services call
    content_changed themselves."""

    def changed(sender, instance, raw=False, **kwargs):
        if raw or (unless is not None and unless(instance, **kwargs)):
            return
        content_changed(urls=(lambda: urls(instance)) if urls else ())

    label = model._meta.label_lower
    post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"page_cache_saved_{label}")
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"page_cache_deleted_{label}")
