import datetime
import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail import hooks

from core import dates
from core.dates import machine_datetime as _machine_datetime
from core.drafts import draft_owner_key

register = template.Library()

# The same escapes as django.utils.html.json_script: nothing in the data can
# close the <script> element or start an HTML comment.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _json_value(value):
    # A date or time left in the data still comes out as ISO 8601 in whole seconds.
    if isinstance(value, datetime.date):
        return _machine_datetime(value)
    return str(value)


@register.filter
def draft_owner(user):
    """The opaque per-user value browser drafts are kept under (core.drafts)."""
    return draft_owner_key(user)


@register.filter
def is_within(page, section):
    """Whether `page` is `section` or lies below it in the page tree: the
    menu's current item."""
    return bool(getattr(page, "path", "")) and page.path.startswith(section.path)


@register.simple_tag
def json_ld(data):
    """Render structured data as a JSON-LD script element."""
    payload = json.dumps(data, ensure_ascii=False, default=_json_value).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308


@register.filter
def machine_datetime(value, precision="seconds"):
    """A date or datetime for machines (`<time datetime>`, meta tags, sitemaps):
    ISO 8601 in whole seconds, valid HTML; `|machine_datetime:"date"` for the
    day only. See core.dates."""
    return _machine_datetime(value, precision)


@register.filter
def when(value, zone):
    """An appointment for people, in `zone`: "Wednesday 2 December 2026,
    14:30 (New York time)" (core.dates.format_when)."""
    if not value:
        return ""
    return dates.format_when(value, zone)


@register.filter
def day_of(value, zone=None):
    """The day, with its weekday: "Wednesday 2 December 2026"."""
    if not value:
        return ""
    return dates.format_day(value, zone)


@register.filter
def zone_label(zone):
    """A time zone as people say it: "New York time", not "America/New_York"."""
    return dates.zone_label(zone) if zone else ""


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """`url` (a path, or a media URL that may already be absolute) on the
    configured Wagtail site (core.http.site_url), never the request's host."""
    from core.http import site_url

    return site_url(url, context.get("request")) if url else ""


@register.simple_tag
def canonical_url(page, request):
    """The page's full URL plus the query parameters that make a different
    listing (a topic, a filter, a page number), from the page's allow-list."""
    from django.http import QueryDict

    url = page.get_full_url(request)
    keys = getattr(page, "canonical_query_keys", ())
    if not keys or request is None:
        return url
    query = QueryDict(mutable=True)
    for key in sorted(keys):
        value = request.GET.get(key, "").strip()
        if value and not (key == "page" and value == "1"):
            query[key] = value
    return f"{url}?{query.urlencode()}" if query else url


@register.simple_tag(takes_context=True)
def header_account_links(context):
    """Links apps add next to a logged-in member's name in the header, through
    the `header_account_links` hook: a function of the request returning
    [{"name", "label", "url", "count", "count_label", "current"}]. Core knows
    none of them (messages live in an app above it)."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return []
    links = []
    for hook in hooks.get_hooks("header_account_links"):
        links.extend(hook(request))
    return links


class FragmentNode(template.Node):
    def __init__(self, nodelist, fragments, name):
        self.nodelist, self.fragments, self.name = nodelist, fragments, name

    def render(self, context):
        fragments = self.fragments.resolve(context)
        name = self.name.resolve(context)
        if fragments is None or name not in fragments.keys:
            return self.nodelist.render(context)
        html = fragments.cached(name)
        if html is None:
            html = self.nodelist.render(context)
            fragments.keep(name, html)
        return mark_safe(html)  # noqa: S308 - our own template's output, kept as rendered


@register.tag
def fragment(parser, token):
    """{% fragment fragments "name" %}...{% endfragment %}: the enclosed part
    from the shared cache when `fragments` (core.fragments.Fragments) found
    it, else rendered and kept there; rendered afresh when `fragments` is
    missing or does not name it (a preview, a member's own part)."""
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a Fragments and a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, parser.compile_filter(bits[1]), parser.compile_filter(bits[2]))
