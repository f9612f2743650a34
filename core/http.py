"""Facts about a request that several apps need, taken one way everywhere."""

from allauth.account.adapter import get_adapter
from django.conf import settings
from wagtail.models import Site


def client_ip(request):
    """The visitor's address, as every rate limit counts it.

    Behind proxies, REMOTE_ADDR is the nearest proxy's address, shared by
    every visitor. settings.TRUSTED_PROXY_COUNT (the number of proxies of
    ours in front of the app, each appending to X-Forwarded-For) says which
    entry of that header to believe; entries further left are the client's
    own claims and are ignored. allauth's limits read the same setting
    (ALLAUTH_TRUSTED_PROXY_COUNT), so ours and theirs agree."""
    return get_adapter(request).get_client_ip(request)


def site_root_url(request=None):
    """The scheme, host and port of the Wagtail site (Settings → Sites), the
    one source of the host for every absolute link: canonical links, og:url
    and og:image, the feed's links, robots.txt's sitemap line, sitemaps and
    e-mails. A request only chooses among the configured sites (falling back
    to the default one); its Host header never becomes a link."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).only("hostname", "port").first()
    return site.root_url if site is not None else settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def site_url(path, request=None):
    """`path` on the site, as an absolute URL (site_root_url)."""
    if path.startswith(("http://", "https://")):
        return path
    return site_root_url(request) + path
