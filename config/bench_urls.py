"""The URLs of `make bench` (config.settings.bench only): the site's own, and
a plain Django view returning "ok" through the same middleware and server,
the yardstick the benchmark compares every page with."""

from django.http import HttpResponse
from django.urls import path

from config.urls import handler404, handler500
from config.urls import urlpatterns as site_urlpatterns

__all__ = ["handler404", "handler500", "urlpatterns"]

PLAIN_PATH = "_bench/ok/"


def plain(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path(PLAIN_PATH, plain, name="bench_plain"), *site_urlpatterns]
