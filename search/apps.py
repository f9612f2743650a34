from django.apps import AppConfig


class SearchConfig(AppConfig):
    """The site search across articles, questions and specialists, and what
    search engines are given (sitemaps). The top layer: it reads every app."""

    name = "search"
    verbose_name = "Site search"

    def ready(self):
        from . import signals  # noqa: F401
