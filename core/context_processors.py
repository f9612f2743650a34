"""The site's sections for every template, read from the page tree: links
and the main menu come from the pages, never from literal paths."""

from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from .site_cache import cached


class Sections:
    """`home` (the site's root page), `menu` (the live pages under it that
    editors marked "Show in menus", in the tree's order) and each live
    section by its page type, e.g. `sections.articleindexpage` (empty in a
    template when the site has none). One query for all of them, on first use,
    kept in the shared cache until the next change (core.site_cache)."""

    def __init__(self, request):
        site = Site.find_for_request(request)
        self.home = site.root_page if site else None
        children = cached(f"sections:{self.home.pk}", lambda: self._children(self.home)) if self.home else []
        self.menu = [page for page in children if page.show_in_menus]
        self._by_type = {}
        for page in children:
            self._by_type.setdefault(page._meta.model_name, page)

    @staticmethod
    def _children(home):
        return list(home.get_children().live().specific(defer=True))

    def __getitem__(self, page_type):
        return self._by_type[page_type]


def sections(request):
    return {"sections": SimpleLazyObject(lambda: Sections(request))}
