from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "messaging"
    verbose_name = _("Messages")

    def ready(self):
        from core import page_cache

        from .models import MessagingSettings

        # A specialist's landing page says whether they take new conversations.
        page_cache.watch(MessagingSettings, urls=_specialist_page_urls)


def _specialist_page_urls(settings_row):
    page = getattr(settings_row.user, "specialist_page", None)
    return [page.url] if page is not None and page.url else []
