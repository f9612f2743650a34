"""Routing a request from the site's root page in two queries whatever the
depth of the page, instead of Wagtail's two per level (each child looked up
by slug, then loaded as its own type).

The pages on the path are read at once by their `url_path` (Wagtail keeps it
for every page: the parent's path plus the slug), then walked the way
Wagtail's `Page.route` walks them: a page whose type routes sub-paths itself
(RoutablePageMixin, e.g. the article index's feed/) is asked first and
answers when one of its routes matches, otherwise the walk goes on to the
child. Only the page that answers is loaded as its own type, with its
parent attached so `get_parent()` costs nothing, and with the relations its
type names in `route_select_related` (a specialist's photo and
availability) in the same query. A page type with any other `route()` of its
own gets the rest of the path and routes it as it likes.
"""

from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page


def _routes_itself(page_class):
    return page_class.route not in (Page.route, RoutablePageMixin.route)


def _matches_own_route(page_class, remaining):
    if not issubclass(page_class, RoutablePageMixin):
        return False
    path = "/" + "".join(f"{component}/" for component in remaining)
    try:
        page_class.get_resolver().resolve(path)
    except Http404:
        return False
    return True


def route_from_root(root, request, path_components):
    """What `root.route(request, path_components)` would find, in two queries."""
    prefixes = [
        root.url_path + "".join(f"{c}/" for c in path_components[:n]) for n in range(1, len(path_components) + 1)
    ]
    found = {page.url_path: page for page in Page.objects.descendant_of(root).filter(url_path__in=prefixes)}
    parent = root
    for depth, prefix in enumerate(prefixes, start=1):
        page = found.get(prefix)
        if page is None:
            raise Http404  # no child with that slug: Wagtail's answer too
        page._cached_parent_obj = parent
        remaining = path_components[depth:]
        page_class = page.specific_class
        is_last = not remaining or found.get(prefixes[depth]) is None
        if (
            is_last
            or page_class is None
            or _routes_itself(page_class)
            or (page.live and _matches_own_route(page_class, remaining))
        ):
            return _specific(page, page_class).route(request, remaining)
        parent = page
    raise Http404


def _specific(page, page_class):
    related = getattr(page_class, "route_select_related", ()) if page_class is not None else ()
    if not related:
        return page.specific
    try:
        specific = page_class._default_manager.select_related(*related).get(pk=page.pk)
    except page_class.DoesNotExist as error:  # deleted since the first query
        raise Http404 from error
    specific._cached_parent_obj = page._cached_parent_obj
    return specific
