"""Wagtail admin wiring for Q&A: moderation viewsets, saved replies, the
history's action labels, and what the crisis alerts
and the dashboard need to know about questions. No rules here: the
moderation views call qa.services."""

import django_filters
from django import forms
from django.db.models import Case, IntegerField, Value, When
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import Menu
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import HeaderButton, ListingButton

from accounts.member_data import MemberData
from core.decisions import ReasonFormatter
from core.wagtail_hooks import CountedSubmenuMenuItem, counted_menu_item_class

from .admin_views import ModerateView, asker_name_for
from .models import Answer, Question, SavedReply, Status


class AskerColumn(Column):
    """Who asked: moderators see the person; everyone else sees the name readers see."""

    def __init__(self, **kwargs):
        super().__init__("asker", label=_("Asked by"), **kwargs)

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["value"] = asker_name_for(instance, parent_context["request"].user)
        return context


class UrgentColumn(Column):
    """A red "Urgent" badge and what matched; empty for the others. Moderators only see the admin."""

    cell_template_name = "qa/admin/urgent_cell.html"

    def __init__(self, **kwargs):
        super().__init__("urgent", label=_("Urgent"), sort_key="urgent", **kwargs)

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        # What matched is for moderators: editors see the badge only.
        if _can_moderate(parent_context["request"], instance):
            context["matched"] = getattr(instance, "crisis_match", "")
        return context


def moderation_decisions(instance):
    """The decisions that change something for `instance`: approve unless it
    is published, reject unless it is rejected."""
    decisions = []
    if instance.status != Status.PUBLISHED:
        decisions.append("approve")
    if instance.status != Status.REJECTED:
        decisions.append("reject")
    return decisions


def _can_moderate(request, instance):
    return request.user.has_perm(f"qa.change_{instance._meta.model_name}")


DECISION_LABELS = {"approve": (_("Approve"), "check"), "reject": (_("Reject"), "cross")}


class ModerationButtonsMixin:
    """Approve and Reject buttons on each row that waits for a decision."""

    moderate_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if _can_moderate(self.request, instance):
            for position, decision in enumerate(moderation_decisions(instance)):
                label, icon = DECISION_LABELS[decision]
                buttons.insert(
                    position,
                    ListingButton(
                        label,
                        url=reverse(self.moderate_url_name, args=[instance.pk, decision]),
                        icon_name=icon,
                        priority=position + 1,
                    ),
                )
        return buttons


class ModerationHeaderButtonsMixin:
    """Approve and Reject in the header of an item's own views (inspect, edit)."""

    moderate_url_name = None

    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if _can_moderate(self.request, self.object):
            for decision in moderation_decisions(self.object):
                label, icon = DECISION_LABELS[decision]
                url = reverse(self.moderate_url_name, args=[self.object.pk, decision])
                buttons.append(HeaderButton(label, url=url, icon_name=icon))
        return buttons


class QAInspectView(ModerationHeaderButtonsMixin, ModelViewSet.inspect_view_class):
    def get_fields(self):
        fields = super().get_fields()
        if not self.request.user.has_perm(f"qa.change_{self.model._meta.model_name}"):
            fields = [name for name in fields if name != "crisis_match"]  # for moderators only
        return fields


class QAEditView(ModerationHeaderButtonsMixin, ModelViewSet.edit_view_class):
    pass


class PendingFirstFilterSet(WagtailFilterSet):
    """The queue opens on what needs a decision: with no status chosen, the
    status filter is "Waiting for review"; "All" shows everything."""

    ALL = "all"
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[*Status.choices, (ALL, _("All"))],
        empty_label=None,
        method="filter_status",
        widget=forms.RadioSelect,
    )

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not data.get("status"):
            data = data.copy()
            data["status"] = Status.PENDING
        super().__init__(data, *args, **kwargs)
        # Not "changed" (no active-filter pill) when it is the default.
        self.form.fields["status"].initial = Status.PENDING

    def filter_status(self, queryset, name, value):
        if value == self.ALL:
            return queryset
        return queryset.filter(status=value)


class QuestionFilterSet(PendingFirstFilterSet):
    class Meta:
        model = Question
        fields = ["status", "urgent", "reported", "topic"]


class AnswerFilterSet(PendingFirstFilterSet):
    class Meta:
        model = Answer
        fields = ["status", "reported"]


def _queue_order(queryset):
    """Urgent questions waiting for review first, then the rest that wait, then the others."""
    return queryset.annotate(
        queue=Case(
            When(status=Status.PENDING, urgent=True, then=Value(0)),
            When(status=Status.PENDING, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
    )


class QuestionIndexView(ModerationButtonsMixin, ModelViewSet.index_view_class):
    default_ordering = ["queue", "-urgent", "-created_at"]

    def get_base_queryset(self):
        return _queue_order(super().get_base_queryset().select_related("author", "topic"))


class AnswerIndexView(ModerationButtonsMixin, ModelViewSet.index_view_class):
    default_ordering = ["queue", "-created_at"]

    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("author", "question")
        return queryset.annotate(
            queue=Case(When(status=Status.PENDING, then=Value(0)), default=Value(1), output_field=IntegerField())
        )


class QAModelViewSet(ModelViewSet):
    add_to_admin_menu = False
    search_backend_name = None  # plain icontains on search_fields
    inspect_view_enabled = True
    copy_view_enabled = False

    inspect_view_class = QAInspectView
    edit_view_class = QAEditView

    def get_index_view_kwargs(self, **kwargs):
        kwargs = super().get_index_view_kwargs(**kwargs)
        if issubclass(self.index_view_class, ModerationButtonsMixin):
            kwargs["moderate_url_name"] = self.get_url_name("moderate")
        return kwargs

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(moderate_url_name=self.get_url_name("moderate"), **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(moderate_url_name=self.get_url_name("moderate"), **kwargs)

    def get_urlpatterns(self):
        urls = super().get_urlpatterns()
        if issubclass(self.index_view_class, ModerationButtonsMixin):
            moderate = ModerateView.as_view(model=self.model, index_url_name=self.get_url_name("index"))
            urls.append(path("moderate/<int:pk>/<str:decision>/", moderate, name="moderate"))
        return urls


class QuestionViewSet(QAModelViewSet):
    model = Question
    icon = "help"
    menu_label = _("Questions")
    menu_item_class = counted_menu_item_class("questions")
    index_view_class = QuestionIndexView
    list_display = [
        "title",
        AskerColumn(),
        UrgentColumn(),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        BooleanColumn("reported", label=_("Reported"), sort_key="reported"),
        Column("topic", label=_("Topic")),
        Column("answer_count", label=_("Answers"), sort_key="answer_count"),
        DateColumn("created_at", label=_("Asked"), sort_key="created_at"),
    ]
    filterset_class = QuestionFilterSet
    search_fields = ["title", "body"]
    # The asker is never a form or inspect field: the listing shows them to moderators only.
    form_fields = ["title", "body", "topic"]
    inspect_view_fields = [
        "title",
        "body",
        "topic",
        "status",
        "urgent",
        "crisis_match",
        "reported",
        "moderation_reason",
        "answer_count",
        "created_at",
    ]


class AnswerViewSet(QAModelViewSet):
    model = Answer
    icon = "comment"
    menu_label = _("Answers")
    menu_item_class = counted_menu_item_class("answers")
    index_view_class = AnswerIndexView
    list_display = [
        "question",
        Column("author", label=_("Specialist")),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        BooleanColumn("reported", label=_("Reported"), sort_key="reported"),
        Column("helpful_count", label=_("Helpful"), sort_key="helpful_count"),
        DateColumn("created_at", label=_("Answered"), sort_key="created_at"),
    ]
    filterset_class = AnswerFilterSet
    search_fields = ["body", "question__title"]
    form_fields = ["body"]
    inspect_view_fields = ["question", "author", "body", "status", "reported", "helpful_count", "created_at"]


class SavedReplyViewSet(ModelViewSet):
    model = SavedReply
    icon = "doc-full"
    menu_label = _("Saved replies")
    add_to_admin_menu = False
    form_fields = ["title", "kind", "text"]
    list_display = ["title", Column("kind", label=_("Used for"), accessor="get_kind_display"), "text"]
    list_filter = ["kind"]
    search_fields = ["title", "text"]
    search_backend_name = None


class QAViewSetGroup(ModelViewSetGroup):
    menu_label = _("Q&A")
    menu_icon = "help"
    menu_order = 260
    items = (QuestionViewSet("qa_questions"), AnswerViewSet("qa_answers"), SavedReplyViewSet("qa_saved_replies"))

    def get_menu_item(self, order=None):
        # The group's label adds up what waits in it, so a closed menu still shows it.
        menu_item_class = counted_menu_item_class("questions", "answers", "qa_reports", base=CountedSubmenuMenuItem)
        return menu_item_class(
            label=self.menu_label,
            menu=Menu(register_hook_name=self.submenu_hook, items=self.get_submenu_items()),
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
        )


@hooks.register("register_admin_viewset")
def register_qa_viewsets():
    return QAViewSetGroup()


@hooks.register("insert_global_admin_js")
def saved_reply_script():
    """Choosing a saved reply fills the reason (the form works without it too)."""
    return format_html('<script src="{}" defer></script>', static("js/admin-saved-replies.js"))


@hooks.register("insert_global_admin_css")
def moderation_styles():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin-moderation.css"))


@hooks.register("register_log_actions")
def register_qa_log_actions(actions):
    actions.register_action("qa.ask", _("Ask"), _("Question asked"))
    actions.register_action("qa.answer", _("Answer"), _("Answer posted"))
    actions.register_action("qa.hidden", _("Hide after reports"), _("Hidden after reports from members"))

    @actions.register_action("qa.approve")
    class Approve(ReasonFormatter):
        label = _("Approve")
        message = _("Approved")

    @actions.register_action("qa.reject")
    class Reject(ReasonFormatter):
        label = _("Reject")
        message = _("Rejected")


@hooks.register("moderation_saved_replies")
def saved_replies_for_other_apps(decision):
    """Comments' removal form offers the same saved replies (articles sits below qa)."""
    return list(SavedReply.objects.for_decision(decision))


@hooks.register("specialist_public_answers")
def specialist_public_answers(page, limit):
    """The specialist landing page lists their published answers (one query)."""
    from .models import Answer

    if not page.user_id:
        return []
    return (
        Answer.objects.published()
        .filter(author_id=page.user_id)
        .select_related("question")
        .order_by("-created_at", "-pk")[:limit]
    )


@hooks.register("crisis_alert_kinds")
def question_alert_kind():
    """What core.crisis.alerts needs to alert on-call moderators about urgent questions."""
    from django.urls import reverse

    return {
        "kind": "question",
        "label": _("question"),
        "is_unhandled": lambda object_id: Question.objects.filter(
            pk=object_id, urgent=True, status=Status.PENDING
        ).exists(),
        "admin_url": lambda object_id: reverse("qa_questions:inspect", args=[object_id]),
    }


@hooks.register("moderation_counts")
def qa_moderation_counts(request):
    """Questions, answers and reports waiting for a decision, for the dashboard and the menu."""
    from django.db.models import Count, Q
    from django.urls import reverse

    from . import permissions

    if not permissions.can_moderate(request.user):
        return []
    pending = Q(status=Status.PENDING)
    questions = Question.objects.aggregate(
        pending=Count("pk", filter=pending),
        urgent=Count("pk", filter=pending & Q(urgent=True)),
        reported=Count("pk", filter=pending & Q(reported=True)),
    )
    answers = Answer.objects.aggregate(
        pending=Count("pk", filter=pending), reported=Count("pk", filter=pending & Q(reported=True))
    )
    questions_url = reverse("qa_questions:index")
    return [
        {
            "name": "questions",
            "label": _("Questions"),
            "pending": questions["pending"],
            "urgent": questions["urgent"],
            "url": f"{questions_url}?status=pending",
        },
        {
            "name": "answers",
            "label": _("Answers"),
            "pending": answers["pending"],
            "urgent": 0,
            "url": reverse("qa_answers:index") + "?status=pending",
        },
        {
            "name": "qa_reports",
            "label": _("Reported questions and answers"),
            "pending": questions["reported"] + answers["reported"],
            "urgent": 0,
            "url": f"{questions_url}?reported=true",
        },
    ]


@hooks.register("register_member_data")
def qa_member_data():
    """Questions, answers, helpful votes and reports (accounts.member_data)."""
    from .services import member_erase

    return MemberData(
        fields=("qa.question.author", "qa.answer.author", "qa.answervote.user", "qa.report.reporter"),
        erase=member_erase,
    )
