"""Response headers that hold for the whole site."""

from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control


class PrivateResponsesMiddleware:
    """Nothing personal is kept by a browser cache or a shared one.

    - The account area (settings, data summary and download, e-mail, two-factor,
      sessions: our views and allauth's, all under the account URL) is never
      stored at all (`no-store`): on a shared computer, Back after logging out
      must not bring it back.
    - Every other response to a logged-in visitor is `private`, so no proxy or
      CDN keeps one member's page for another."""

    def __init__(self, get_response):
        self.get_response = get_response
        self._account_prefix = None

    def __call__(self, request):
        response = self.get_response(request)
        if self._account_prefix is None:
            self._account_prefix = reverse("account_home")
        if request.path.startswith(self._account_prefix):
            add_never_cache_headers(response)
        elif getattr(request, "user", None) is not None and request.user.is_authenticated:
            patch_cache_control(response, private=True)
        return response
