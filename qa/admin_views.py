"""Admin views for Q&A moderation: approve or reject with a reason."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages as admin_messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import permissions, services
from .forms import ModerationForm
from .models import ANONYMOUS_NAME, DELETED_NAME, Answer, Question, SavedReply

DECISIONS = {"approve", "reject"}


def asker_name_for(question, user):
    """The asker as `user` may see them in the admin: moderators see who it
    is; editors see what readers see."""
    if question.author_id is None:
        return str(DELETED_NAME)
    if question.anonymous and not permissions.can_moderate(user):
        return str(ANONYMOUS_NAME)
    if question.anonymous:
        return _("%(name)s (asked anonymously)") % {"name": question.author.display_name}
    return question.author.display_name


class ModerateView(WagtailAdminTemplateMixin, TemplateView):
    """GET shows the item, the saved replies and the reason field; POST decides."""

    template_name = "qa/admin/moderate.html"
    header_icon = "help"
    model = None
    index_url_name = None
    http_method_names = ["get", "head", "post"]

    def dispatch(self, request, pk, decision):
        if decision not in DECISIONS:
            raise Http404
        if not request.user.has_perm(f"qa.change_{self.model._meta.model_name}"):
            return TemplateResponse(
                request,
                "qa/admin/forbidden.html",
                {"page_title": gettext_lazy("Moderation"), "header_title": gettext_lazy("Moderation")},
                status=403,
            )
        queryset = self.model.objects.select_related("author")
        if self.model is Answer:
            queryset = queryset.select_related("question")
        self.object = get_object_or_404(queryset, pk=pk)
        self.decision = decision
        return super().dispatch(request, pk=pk, decision=decision)

    def get_page_title(self):
        if self.decision == "approve":
            return _("Approve %(item)s") % {"item": self.model._meta.verbose_name}
        return _("Reject %(item)s") % {"item": self.model._meta.verbose_name}

    def get_form(self):
        initial = {}
        reply_id = self.request.GET.get("reply", "")
        if reply_id.isdigit():
            reply = SavedReply.objects.for_decision(self.decision).filter(pk=int(reply_id)).first()
            if reply is not None:
                initial = {"saved_reply": reply.pk, "reason": reply.text}
        data = self.request.POST if self.request.method == "POST" else None
        return ModerationForm(data, initial=initial, decision=self.decision)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        question = self.object if self.model is Question else self.object.question
        form = kwargs.get("form") or self.get_form()
        context.update(
            object=self.object,
            question=question,
            is_question=self.model is Question,
            asker=asker_name_for(question, self.request.user),
            decision=self.decision,
            saved_reply_texts=form.saved_reply_texts(),
            index_url=reverse(self.index_url_name),
            form=form,
        )
        return context

    def post(self, request, pk, decision):
        form = self.get_form()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        reason = form.cleaned_data["reason"]
        if self.model is Question:
            action = services.question_approve if decision == "approve" else services.question_reject
            action(question=self.object, by=request.user, reason=reason)
        else:
            action = services.answer_approve if decision == "approve" else services.answer_reject
            action(answer=self.object, by=request.user, reason=reason)
        if decision == "approve":
            admin_messages.success(request, _("Approved: readers can see it. The author has been told."))
        else:
            admin_messages.success(request, _("Rejected: readers do not see it. The author has been told."))
        return redirect(reverse(self.index_url_name))
