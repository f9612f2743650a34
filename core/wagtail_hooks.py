"""Wagtail admin wiring for core: the crisis lexicon editors keep (with a box
to test the detector), and the counts of what waits for moderators, on the
dashboard and in the menu. No rules here."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail import hooks
from wagtail.admin.menu import MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .admin_forms import CrisisPhraseForm
from .crisis import crisis_matches
from .models import CrisisPhrase, CspReport
from .moderation import moderation_counts
from .request_log import page_route

# The crisis lexicon ----------------------------------------------------------

TEST_BOX_MAX_LINES = 200


class CrisisCheckForm(forms.Form):
    texts = forms.CharField(
        label=_("Texts to test, one per line"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=20000,
        help_text=_("Nothing here is saved. Each line is checked as a member's post would be."),
    )

    def clean_texts(self):
        lines = [line.strip() for line in self.cleaned_data["texts"].splitlines() if line.strip()]
        if len(lines) > TEST_BOX_MAX_LINES:
            raise forms.ValidationError(_("Test at most %(limit)s lines at a time.") % {"limit": TEST_BOX_MAX_LINES})
        return lines


class CrisisCheckView(WagtailAdminTemplateMixin, FormView):
    """The same check as `manage.py crisis_check`, in the admin."""

    template_name = "core/admin/crisis_check.html"
    form_class = CrisisCheckForm
    page_title = _("Test the crisis detector")
    header_icon = "warning"
    index_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("core.view_crisisphrase"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": CrisisPhrase._meta.verbose_name_plural.capitalize()},
            {"url": "", "label": self.page_title},
        ]

    def form_valid(self, form):
        results = []
        for line in form.cleaned_data["texts"]:
            matches = crisis_matches(line)
            results.append({"text": line, "urgent": bool(matches), "matches": matches})
        context = self.get_context_data(form=form, results=results)
        context["urgent_count"] = sum(1 for result in results if result["urgent"])
        return self.render_to_response(context)


class CrisisPhraseIndexView(ModelViewSet.index_view_class):
    test_url_name = None

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        buttons.append(HeaderButton(_("Test the detector"), url=reverse(self.test_url_name), icon_name="search"))
        return buttons


class CrisisPhraseViewSet(ModelViewSet):
    model = CrisisPhrase
    icon = "warning"
    menu_label = _("Crisis lexicon")
    add_to_admin_menu = True
    menu_order = 270
    index_view_class = CrisisPhraseIndexView
    form_fields = ["phrase", "kind", "note", "active"]

    def get_form_class(self, for_update=False):
        return CrisisPhraseForm

    list_display = [
        "phrase",
        Column("kind", label=_("Kind"), accessor="get_kind_display", sort_key="kind"),
        BooleanColumn("active", label=_("Active"), sort_key="active"),
        "note",
    ]
    list_filter = ["kind", "active"]
    search_fields = ["phrase", "note"]
    search_backend_name = None
    copy_view_enabled = False

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(test_url_name=self.get_url_name("test"), **kwargs)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("test/", CrisisCheckView.as_view(index_url_name=self.get_url_name("index")), name="test"),
        ]


@hooks.register("register_admin_viewset")
def register_crisis_lexicon():
    # Editors keep the lexicon; it sits with the other editorial settings.
    return CrisisPhraseViewSet("crisis_lexicon")


# Content-Security-Policy reports ---------------------------------------------


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Rows browsers wrote: staff may look and clear them, nobody adds or edits."""

    def user_has_permission(self, user, action):
        return action not in {"add", "change"} and super().user_has_permission(user, action)


class CspReportViewSet(ModelViewSet):
    model = CspReport
    icon = "warning"
    menu_label = _("CSP reports")
    add_to_settings_menu = True
    menu_order = 900
    list_display = ["directive", "blocked", "page", "source", "line", "enforced", "count", "last_seen"]
    list_filter = ["directive", "enforced"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = []  # never edited; the policy above refuses add and change


@hooks.register("register_admin_viewset")
def register_csp_reports():
    # Superusers, and staff given "Can view CSP violation report".
    register_permission_policy(CspReport, ReadOnlyPermissionPolicy(CspReport))
    return CspReportViewSet("csp_reports")


# Counts for moderators -----------------------------------------------------


class ModerationCountsPanel(Component):
    """The dashboard's first panel: what waits for a moderator, urgent first."""

    name = "moderation_counts"
    order = 10
    template_name = "core/admin/moderation_counts_panel.html"

    def __init__(self, rows):
        self.rows = rows

    def get_context_data(self, parent_context):
        return {
            "rows": self.rows,
            "urgent_total": sum(row["urgent"] for row in self.rows),
            "pending_total": sum(row["pending"] for row in self.rows),
        }


@hooks.register("construct_homepage_panels")
def add_moderation_counts_panel(request, panels):
    rows = moderation_counts(request)
    if rows:
        panels.insert(0, ModerationCountsPanel(rows))


def _count_label(label, rows):
    pending = sum(row["pending"] for row in rows)
    urgent = sum(row["urgent"] for row in rows)
    if urgent:
        return _("%(label)s (%(pending)s, %(urgent)s urgent)") % {"label": label, "pending": pending, "urgent": urgent}
    if pending:
        return f"{label} ({pending})"
    return label


class CountedMenuItem(MenuItem):
    """A menu item that shows how many of its items wait (and how many are
    urgent). `count_names` are the rows of moderation_counts it adds up."""

    count_names = ()

    def render_component(self, request):
        component = super().render_component(request)
        rows = [row for row in moderation_counts(request) if row["name"] in self.count_names]
        component.label = _count_label(self.label, rows)
        return component


class CountedSubmenuMenuItem(SubmenuMenuItem):
    count_names = ()

    def render_component(self, request):
        component = super().render_component(request)
        rows = [row for row in moderation_counts(request) if row["name"] in self.count_names]
        component.label = _count_label(self.label, rows)
        return component


def counted_menu_item_class(*names, base=CountedMenuItem):
    """A menu item class for a viewset (its `menu_item_class`) that shows the
    counts of the rows `names`."""
    return type(f"Counted{base.__name__}", (base,), {"count_names": names})


@hooks.register("email_kinds")
def staff_email_kinds():
    from .mail import EmailKind

    # To the team's own addresses (on-call alerts, the contact form): never a member's.
    return [EmailKind("staff", _("messages to the team"))]


# The request log -------------------------------------------------------------


@hooks.register("before_serve_page")
def name_the_page_for_the_request_log(page, request, serve_args, serve_kwargs):
    """The request log (core/request_log.py) names a page by its kind, not its path."""
    request._log_page_route = page_route(page, serve_args)
