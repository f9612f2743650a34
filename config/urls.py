import re

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.views import AllauthDoorView
from core import views as core_views
from search import sitemaps as search_sitemaps
from search import views as search_views

# Every login-ish view of the Wagtail and Django admins goes to allauth, the
# one door with rate limits, e-mail verification and the two-factor step.
# A POST is sent on as a POST (307), so the admins' logout forms work.
to_allauth = AllauthDoorView.as_view
ADMIN_DOORS = [
    path("admin/login/", to_allauth(pattern_name="account_login", query_string=True)),
    path("admin/logout/", to_allauth(pattern_name="account_logout", query_string=True)),
    path("admin/password_reset/", to_allauth(pattern_name="account_reset_password")),
    path("django-admin/login/", to_allauth(pattern_name="account_login", query_string=True)),
    path("django-admin/logout/", to_allauth(pattern_name="account_logout", query_string=True)),
    path("django-admin/password_change/", to_allauth(pattern_name="account_change_password")),
    path("django-admin/password_change/done/", to_allauth(pattern_name="account_change_password")),
    # Wagtail's login for private pages.
    path("_util/login/", to_allauth(pattern_name="account_login", query_string=True)),
]

urlpatterns = [
    *ADMIN_DOORS,
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    # A member's own free-consultation requests, in the account area.
    path("accounts/consultations/", include("specialists.consultation_urls")),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("comments/", include("articles.comment_urls")),
    path("help-now/", core_views.help_now, name="help_now"),
    # Messages between members and specialists (participants only).
    path("messages/", include("messaging.urls")),
    path("email/unsubscribe/<str:token>/", core_views.email_unsubscribe, name="email_unsubscribe"),
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("health/", core_views.health, name="health"),
    path(settings.CSP_REPORT_URL.strip("/") + "/", core_views.csp_report, name="csp_report"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    # A sitemap index, and each section's sitemap (paginated past 50,000 URLs).
    path("sitemap.xml", search_sitemaps.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", search_sitemaps.sitemap_section, name="sitemap_section"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.SERVE_MEDIA:
    from django.views.static import serve as serve_file

    # Images and their renditions only: documents go through Wagtail's own
    # view (/documents/), which checks their collection's privacy.
    urlpatterns += [
        re_path(
            "^" + re.escape(settings.MEDIA_URL.lstrip("/")) + r"(?P<path>(?:images|original_images)/[^/]+)$",
            serve_file,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [
    # The page tree, any character but "/" in a segment (Wagtail's own pattern,
    # below, takes letters, digits, "_" and "-" only): the routes pages serve
    # take what Django's str converter takes, such as the ":" of the signed
    # tokens in e-mailed links (qa.QuestionIndexPage's mute/<token>/).
    re_path(r"^((?:[^/]+/)*)$", wagtail_views.serve),
    path("", include(wagtail_urls)),
]

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
# allauth answers its reached limits with the URLconf's handler429.
handler429 = "core.views.too_many_requests"
