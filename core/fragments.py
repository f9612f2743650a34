"""Parts of a page kept rendered in the shared cache, so a page rendered
afresh (a member's, or any reader's with the page cache off or missed) does
not build them again from the database on every request (README "Queries
per page, the page cache off").

A page names the parts it may take from the cache (`Fragments(request,
names, *parts)` in its get_context) and wraps each in its template with
`{% fragment fragments "name" %}...{% endfragment %}`. All of them are read
in one round trip when the page starts; the page skips the work behind the
parts it found (`all_found`), and a part it did not find is rendered and
kept.

Keys: the site generation (core.site_cache), which every change readers
could see moves on (core.page_cache.content_changed: pages published,
moved or deleted, images, members' names, topics, site settings, comments
posted and moderated), the scheme, host, language and time zone, and what
the page adds (its id and live revision). So a part is never shown after
anything in it changed, whatever it links to. Nothing per person goes into
a part: a page only names the parts that are the same for everyone who may
get them (the comment list only for readers not logged in), and no part
holds a form, a CSRF token or a nonce.

Previews never read or keep parts: their content is not the live one. A
shared cache that does not answer (core.shared_cache) finds nothing and
keeps nothing: the page is rendered in full.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation

from . import site_cache


class Fragments:
    def __init__(self, request, names, *parts):
        self.keys = {}
        self.found = {}
        if request is None or getattr(request, "is_preview", False):
            return
        generation = site_cache.current()
        if generation is None:
            return
        common = [
            request.scheme,
            request.get_host(),
            translation.get_language(),
            timezone.get_current_timezone_name(),
            *parts,
        ]
        for name in dict.fromkeys(names):
            digest = hashlib.sha256("\n".join(str(part) for part in [name, *common]).encode()).hexdigest()
            self.keys[name] = f"fragment:{generation}:{name}:{digest}"
        self.found = cache.get_many(list(self.keys.values())) or {}

    def cached(self, name):
        """The part's HTML as kept, or None."""
        key = self.keys.get(name)
        return self.found.get(key) if key else None

    def all_found(self, *names):
        return all(self.cached(name) is not None for name in names)

    def keep(self, name, html):
        key = self.keys.get(name)
        if key:
            cache.set(key, str(html), timeout=settings.PAGE_CACHE_SECONDS)
            self.found[key] = html
