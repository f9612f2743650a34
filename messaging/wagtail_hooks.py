"""What messaging adds to the rest of the site through hooks (the header's
unread count, the landing page's "Send a message", e-mail kinds, erasing a
member) and the moderators' queue of reported messages. No rules here: the
views call messaging.services."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from accounts.member_data import MemberData
from core.wagtail_hooks import counted_menu_item_class

from .models import Conversation, MessageReport
from .permissions import can_moderate

# The public site ----------------------------------------------------------------


@hooks.register("header_account_links")
def messages_header_link(request):
    """ "Messages" in the header with the unread total: one aggregate query,
    on the counters the services keep."""
    user = request.user
    return [
        {
            "name": "messages",
            "label": _("Messages"),
            "url": reverse("messaging:inbox"),
            "count": Conversation.objects.unread_total(user),
            "count_label": _("unread"),
            "current": request.path.startswith(reverse("messaging:inbox")),
        }
    ]


@hooks.register("specialist_contact_urls")
def specialist_message_url(page, user):
    """ "Send a message": to the member's conversation with this specialist,
    or to start one. None (closed, said neutrally on the page) while the
    specialist takes no new conversations and `user` has none with them: an
    existing conversation still opens."""
    from .services import conversation_for, specialist_takes_conversations

    if page.user_id is None:
        return {}
    url = reverse("messaging:new", kwargs={"slug": page.slug})
    if specialist_takes_conversations(user=page.user_id):
        return {"message": url}
    if user is not None and user.is_authenticated and conversation_for(member=user, page=page) is not None:
        return {"message": url}
    return {"message": None}


@hooks.register("register_member_data")
def messaging_member_data():
    """Conversations, messages, reports and settings (accounts.member_data);
    the export adds each conversation whole, both sides' messages."""
    from .selectors import conversations_export
    from .services import member_erase

    return MemberData(
        fields=(
            "messaging.conversation.member",
            "messaging.conversation.specialist",
            "messaging.conversation.blocked_by",
            "messaging.message.sender",
            "messaging.messagereport.reporter",
            "messaging.messagereport.resolved_by",
            "messaging.messagingsettings.user",
        ),
        erase=member_erase,
        export=conversations_export,
        export_templates={"conversations": "messaging/data_conversations.html"},
    )


# The moderators' queue ------------------------------------------------------------


class ReportPermissionPolicy(ModelPermissionPolicy):
    """Reports are made by members on the site: in the admin they are only
    read and handled, never added or deleted."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(MessageReport, ReportPermissionPolicy(MessageReport))


class ReportIndexView(ModelViewSet.index_view_class):
    default_ordering = ["status", "-created_at"]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("reporter")


class ReportInspectView(ModelViewSet.inspect_view_class):
    """The reported message and nothing else of its conversation. Each read
    is logged in the report's history, with who read it."""

    template_name = "messaging/admin/report_inspect.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_moderate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        from .services import report_staff_read

        context = super().get_context_data(**kwargs)
        # Rendering the message is the read: logged here, after the permission checks.
        report_staff_read(report=self.object, by=self.request.user)
        context["reported_message"] = self.object.message
        return context


class ReportEditView(ModelViewSet.edit_view_class):
    """Handling a report: what the moderator did; saving marks it handled."""

    def save_instance(self):
        from .services import message_report_resolve

        return message_report_resolve(
            report=self.object, by=self.request.user, resolution=self.form.cleaned_data["resolution"]
        )


class ReportViewSet(ModelViewSet):
    model = MessageReport
    icon = "warning"
    menu_label = _("Reported messages")
    menu_order = 265
    add_to_admin_menu = True
    menu_item_class = counted_menu_item_class("message_reports")
    index_view_class = ReportIndexView
    inspect_view_class = ReportInspectView
    edit_view_class = ReportEditView
    inspect_view_enabled = True
    copy_view_enabled = False
    search_backend_name = None
    list_display = [
        # The reason opens the report (reading the message there is what gets logged).
        TitleColumn(
            "reason",
            label=_("Reason"),
            accessor="get_reason_display",
            sort_key="reason",
            get_url=lambda report: reverse("message_reports:inspect", args=[report.pk]),
        ),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        DateColumn("created_at", label=_("Reported"), sort_key="created_at"),
    ]
    list_filter = ["status", "reason"]
    # Handling a report: what was done (saving marks it handled). The message
    # itself is not editable here.
    form_fields = ["resolution"]
    inspect_view_fields = ["reason", "note", "status", "created_at", "resolved_at", "resolved_by", "resolution"]


@hooks.register("register_admin_viewset")
def register_message_reports():
    return ReportViewSet("message_reports")


@hooks.register("moderation_counts")
def message_report_counts(request):
    if not can_moderate(request.user):
        return []
    return [
        {
            "name": "message_reports",
            "label": _("Reported messages"),
            "pending": MessageReport.objects.open().count(),
            "urgent": 0,
            "url": reverse("message_reports:index") + "?status=open",
        }
    ]


@hooks.register("register_log_actions")
def register_messaging_log_actions(actions):
    actions.register_action("messaging.report", _("Report"), _("Reported by a participant"))
    actions.register_action("messaging.staff_read", _("Staff read"), _("The reported message was read by staff"))
    actions.register_action("messaging.resolve", _("Handle"), _("Marked handled"))
