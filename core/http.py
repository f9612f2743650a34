"""Facts about a request that several apps need, taken one way everywhere."""

from allauth.account.adapter import get_adapter


def client_ip(request):
    """The visitor's address, as every rate limit counts it.

    Behind proxies, REMOTE_ADDR is the nearest proxy's address, shared by
    every visitor. settings.TRUSTED_PROXY_COUNT (the number of proxies of
    ours in front of the app, each appending to X-Forwarded-For) says which
    entry of that header to believe; entries further left are the client's
    own claims and are ignored. allauth's limits read the same setting
    (ALLAUTH_TRUSTED_PROXY_COUNT), so ours and theirs agree."""
    return get_adapter(request).get_client_ip(request)
