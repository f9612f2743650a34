"""Comment views: posting, replying and flagging on the site, and the
moderation queue in the Wagtail admin. Thin: check access, run the form,
call a service, redirect."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django.views.generic import TemplateView
from wagtail.admin import messages as admin_messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import registry as log_registry

from core.guards import MemberError

from . import permissions, services
from .comments import (
    ArticleCommentForm,
    all_comments,
    article_for_comment,
    article_for_comment_form,
    comment_editable_by,
    comment_parent_is_open,
    comments_awaiting_moderation,
    flagging_allowed,
    looks_like_id,
    member_comments,
    visible_comments,
)
from .forms import CommentEditForm, CommentRemovalForm
from .models import ArticlePage
from .permissions import MEMBER, MODERATE_PERMISSION, comment_access

MODERATION_PAGE_SIZE = 50
MY_COMMENTS_PAGE_SIZE = 20


def _comment_url(request, article, comment):
    """Where a comment is on its article: its own anchor once readers can see it."""
    anchor = f"#c{comment.pk}" if comment.is_public and not comment.is_removed else "#comments"
    return article.get_url(request) + anchor


def _bad_request(request, article=None):
    return render(request, "comments/400.html", {"article": article}, status=400)


def _not_allowed(request, article, access, next_url):
    context = {"article": article, "comment_access": access, "next": next_url}
    return render(request, "comments/not_allowed.html", context, status=403)


def _form_page(request, article, form, *, notice=None):
    """The form again, with the member's text, its errors or its preview."""
    context = {"article": article, "form": form, "parent": form.parent, "notice": notice}
    return render(request, "comments/preview.html", context)


@require_POST
def comment_post(request):
    article = article_for_comment_form(request.POST)
    if article is None:
        return _bad_request(request)
    access = comment_access(request.user)
    if access != MEMBER:
        return _not_allowed(request, article, access, article.get_url(request) + "#comments")

    form = ArticleCommentForm(article, data=request.POST)
    security_errors = form.security_errors()
    if security_errors:
        if set(security_errors) == {"timestamp"}:
            # Signed correctly but open too long: keep the text, sign afresh.
            text = request.POST.get("comment", "")
            fresh = ArticleCommentForm(article, initial={"comment": text}, parent=form.parent)
            notice = _("This page was open a long time, so your comment is not posted yet. Check it and post it again.")
            return _form_page(request, article, fresh, notice=notice)
        return _bad_request(request, article)

    if not form.is_valid() or "preview" in request.POST:
        return _form_page(request, article, form)

    try:
        comment = services.comment_post(
            article=article,
            user=request.user,
            text=form.cleaned_data["comment"],
            parent=form.parent,
        )
    except services.CommentNotAllowed:
        return _not_allowed(request, article, comment_access(request.user), article.get_url(request) + "#comments")
    except services.CommentRateLimited as error:
        form.add_error("comment", error.message)
        return _form_page(request, article, form)
    except MemberError as error:
        form.add_error(None, error.message)
        return _form_page(request, article, form)

    if services.comment_is_urgent(comment=comment):
        messages.info(request, _("Thank you. Your comment is kept, and a moderator will read it soon."))
    elif comment.is_public:
        messages.success(request, _("Your comment is published."))
    else:
        messages.info(
            request,
            _(
                "Thank you. Your first comment is waiting for a moderator. "
                "Once it is approved, your comments are published straight away."
            ),
        )
    return redirect(_comment_url(request, article, comment))


@require_safe
def comment_reply(request, cid):
    """The comment being answered, with the reply form under it (works without JavaScript)."""
    parent = get_object_or_404(visible_comments(), pk=cid)
    article = article_for_comment(parent)
    if article is None or not comment_parent_is_open(article=article, parent=parent):
        raise Http404
    access = comment_access(request.user)
    form = ArticleCommentForm(article, parent=parent) if access == MEMBER else None
    context = {"comment": parent, "article": article, "form": form, "comment_access": access}
    return render(request, "django_comments_xtd/reply.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def comment_flag(request, comment_id):
    """Ask on GET, flag on POST."""
    comment = get_object_or_404(visible_comments(), pk=comment_id)
    article = article_for_comment(comment)
    if article is None or not flagging_allowed(article):
        raise Http404
    access = comment_access(request.user)
    if access != MEMBER:
        return _not_allowed(request, article, access, request.get_full_path())
    if not permissions.member_can_flag(comment=comment, user=request.user):
        messages.info(request, services.CommentFlagNotAllowed.message)
        return redirect(_comment_url(request, article, comment))
    if request.method == "POST":
        services.comment_flag(comment=comment, by=request.user)
        messages.success(request, _("Thank you for telling us. A moderator will read this comment."))
        return redirect(_comment_url(request, article, comment))
    return render(request, "comments/flag.html", {"comment": comment, "article": article})


@require_safe
def comment_permalink(request, content_type_id, object_pk):
    """comments-url-redirect, used by Comment.get_absolute_url(): the article's page."""
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    if content_type.model_class() is not ArticlePage or not looks_like_id(object_pk):
        raise Http404
    article = get_object_or_404(ArticlePage.objects.live().public(), pk=object_pk)
    return redirect(article.get_url(request))


# A member's own comments ------------------------------------------------------


def _own_comment_or_404(request, comment_id):
    """The member's own comment on a live article; anyone else's is a 404
    (which does not tell whether it exists)."""
    comment = get_object_or_404(
        all_comments().filter(is_removed=False, user=request.user, site_id=settings.SITE_ID), pk=comment_id
    )
    article = article_for_comment(comment)
    if article is None:
        raise Http404
    return comment, article


def _not_editable(request, article, comment):
    messages.error(request, services.CommentNotEditable.message)
    return redirect(_comment_url(request, article, comment))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def comment_edit(request, comment_id):
    """The author rewrites their comment while no one has replied to it."""
    comment, article = _own_comment_or_404(request, comment_id)
    if not comment_editable_by(comment=comment, user=request.user):
        return _not_editable(request, article, comment)
    if request.method == "POST":
        form = CommentEditForm(request.POST)
        if form.is_valid():
            try:
                services.comment_update(comment=comment, by=request.user, text=form.cleaned_data["comment"])
            except services.CommentNotEditable:
                return _not_editable(request, article, comment)
            messages.success(request, _("Your comment is saved."))
            return redirect(_comment_url(request, article, comment))
    else:
        form = CommentEditForm(initial={"comment": comment.comment})
    context = {"article": article, "comment": comment, "form": form}
    return render(request, "comments/edit_own.html", context, status=400 if form.is_bound else 200)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def comment_delete(request, comment_id):
    """Ask on GET; on POST the author's comment is deleted for good."""
    comment, article = _own_comment_or_404(request, comment_id)
    if not comment_editable_by(comment=comment, user=request.user):
        return _not_editable(request, article, comment)
    if request.method == "POST":
        try:
            services.comment_delete(comment=comment, by=request.user)
        except services.CommentNotEditable:
            return _not_editable(request, article, comment)
        messages.success(request, _("Your comment is deleted."))
        return redirect(article.get_url(request) + "#comments")
    return render(request, "comments/delete_own.html", {"article": article, "comment": comment})


@login_required
@require_safe
def my_comments(request):
    """Every comment the member has written, newest first, with its state."""
    page = Paginator(member_comments(user=request.user), MY_COMMENTS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "comments/my_comments.html", {"comments": page.object_list, "page_obj": page})


# Wagtail admin: the moderation queue ----------------------------------------


class CommentModeratorRequiredMixin:
    """Moderators only. Wagtail's admin turns PermissionDenied into a redirect
    to the dashboard, so refuse with an explicit 403 page."""

    permission_required = MODERATE_PERMISSION

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission_required):
            return TemplateResponse(
                request,
                "articles/admin/comment_moderation_forbidden.html",
                {"page_title": gettext_lazy("Comments"), "header_title": gettext_lazy("Comments")},
                status=403,
            )
        return super().dispatch(request, *args, **kwargs)


class CommentModerationIndexView(CommentModeratorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "articles/admin/comment_moderation.html"
    page_title = gettext_lazy("Comments to moderate")
    header_icon = "comment"
    index_url_name = None
    approve_url_name = None
    remove_url_name = None
    detail_url_name = None

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": gettext_lazy("Comments")}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        queue = comments_awaiting_moderation().select_related("safety").prefetch_related("content_object")
        page = Paginator(queue, MODERATION_PAGE_SIZE).get_page(self.request.GET.get("p"))
        context.update(
            comments=page.object_list,
            page_obj=page,
            approve_url_name=self.approve_url_name,
            remove_url_name=self.remove_url_name,
            detail_url_name=self.detail_url_name,
        )
        return context


class CommentModerationActionView(CommentModeratorRequiredMixin, View):
    """Approve one comment (POST only), then back to the queue."""

    http_method_names = ["post"]
    action = "approve"
    index_url_name = None

    def post(self, request, pk):
        comment = get_object_or_404(all_comments(), pk=pk)
        services.comment_approve(comment=comment, by=request.user)
        admin_messages.success(request, _("Comment approved: readers can see it."))
        return redirect(reverse(self.index_url_name))


class CommentAdminObjectMixin(CommentModeratorRequiredMixin, WagtailAdminTemplateMixin):
    header_icon = "comment"
    index_url_name = None
    detail_url_name = None
    approve_url_name = None
    remove_url_name = None

    def setup(self, request, *args, pk, **kwargs):
        super().setup(request, *args, pk=pk, **kwargs)
        self.pk = pk

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission_required):
            return super().dispatch(request, *args, **kwargs)  # the 403 page
        self.object = get_object_or_404(all_comments(), pk=self.pk)
        self.article = self.object.content_object
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": gettext_lazy("Comments")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            comment=self.object,
            article=self.article,
            index_url=reverse(self.index_url_name),
            detail_url=reverse(self.detail_url_name, args=[self.object.pk]),
            approve_url=reverse(self.approve_url_name, args=[self.object.pk]),
            remove_url=reverse(self.remove_url_name, args=[self.object.pk]),
        )
        return context


class CommentDetailView(CommentAdminObjectMixin, TemplateView):
    """One comment: its text, where it is, its state and its history (who did what, when)."""

    template_name = "articles/admin/comment_detail.html"
    http_method_names = ["get", "head"]

    def get_page_title(self):
        return services.comment_label(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["history"] = log_registry.get_logs_for_instance(self.object).select_related("user")
        return context


class CommentRemoveView(CommentAdminObjectMixin, TemplateView):
    """GET: the comment and the reason field; POST: remove it and tell its author."""

    template_name = "articles/admin/comment_remove.html"
    http_method_names = ["get", "head", "post"]

    def get_page_title(self):
        return _("Remove %(comment)s") % {"comment": services.comment_label(self.object)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = kwargs.get("form") or CommentRemovalForm()
        context.update(form=form, saved_reply_texts=form.saved_reply_texts())
        return context

    def post(self, request, pk):
        if self.object.is_removed:
            admin_messages.error(request, _("This comment was already removed."))
            return redirect(reverse(self.index_url_name))
        form = CommentRemovalForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        services.comment_remove(comment=self.object, by=request.user, reason=form.cleaned_data["reason"])
        admin_messages.success(request, _("Comment removed: readers no longer see it. The author has been told."))
        return redirect(reverse(self.index_url_name))
