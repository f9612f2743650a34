"""The directory's list and a member's own specialist profile (create it,
then edit it). Thin views: check access, run the form, call a service,
redirect. The directory page hands its requests over to this module (its
join/ and me/edit/ routes included); the free consultation's views are in
consultation_views, handed on from here."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from accounts.decorators import member_required

from . import services
from .consultation_selectors import attach_next_slots
from .consultation_views import (  # noqa: F401 - the pages' routes reach every view through this module
    availability_edit,
    consultation_book,
    specialist_request_action,
    specialist_requests,
)
from .filters import DirectoryFilter
from .forms import ProfileForm
from .models import SPECIALISTS_PER_PAGE, SpecialistPage
from .permissions import member_can_create_profile
from .selectors import free_consultation_page_url, profile_status


def directory_context(index, request):
    """The directory narrowed by the query string's filters, free consultations first."""
    filters = DirectoryFilter(request.GET, queryset=SpecialistPage.objects.in_directory(index))
    # get_page: a page number that is not a number gives page 1, one past the end the last page.
    page_obj = Paginator(filters.qs.featured_first().cards().with_next_slot(), SPECIALISTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    attach_next_slots(page_obj.object_list)
    return {
        "filter_form": filters.form,
        "active_filters": filters.active(),
        "ignored_filters": filters.ignored(),
        "specialists": page_obj.object_list,
        "page_obj": page_obj,
        "free_consultation_url": free_consultation_page_url(request),
    }


def _render_form(request, form, *, section, mode, page=None, draft=None):
    context = {
        "section": section,
        "form": form,
        "mode": mode,
        "profile": page,
        "draft": draft,
        "status": profile_status(page) if page is not None else None,
        "free_consultation_url": free_consultation_page_url(request),
    }
    return render(request, "specialists/profile_form.html", context, status=400 if form.is_bound else 200)


@member_required(action=gettext_lazy("create a specialist profile"))
@require_http_methods(["GET", "HEAD", "POST"])
def profile_join(request, *, section):
    edit_url = section.route_url("profile_edit", request)
    if SpecialistPage.objects.filter(user=request.user).exists():
        return redirect(edit_url)
    if not member_can_create_profile(request.user):
        return render(request, "specialists/email_required.html", {"section": section}, status=403)
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.specialist_profile_submit(
                    user=request.user, data=form.profile_data(), photo=form.cleaned_data["photo"]
                )
            except services.ProfileAlreadyExists:
                messages.info(request, _("You already have a specialist profile: here it is."))
                return redirect(edit_url)
            messages.success(
                request,
                _(
                    "Thank you. Your profile has been submitted for review. "
                    "We will e-mail you when a moderator has checked it."
                ),
            )
            return redirect(edit_url)
    else:
        form = ProfileForm(
            initial={"display_name": request.user.display_name, "offers_online": True, "accepting_new_clients": True}
        )
    return _render_form(request, form, section=section, mode="join")


@member_required(action=gettext_lazy("edit your specialist profile"))
@require_http_methods(["GET", "HEAD", "POST"])
def profile_edit(request, *, section):
    # The profile is always the member's own: there is no id to change.
    page = SpecialistPage.objects.filter(user=request.user).first()
    if page is None:
        return redirect(section.route_url("join", request))
    draft = page.get_latest_revision_as_object()
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES, instance=draft)
        if form.is_valid():
            services.specialist_profile_update(
                page=page, user=request.user, data=form.profile_data(), photo=form.cleaned_data["photo"]
            )
            if page.live:
                text = _(
                    "Your changes have been submitted for review. "
                    "Your page stays as it is until a moderator approves them."
                )
            else:
                text = _("Your profile has been submitted for review again.")
            messages.success(request, text)
            return redirect(section.route_url("profile_edit", request))
    else:
        form = ProfileForm(instance=draft)
    return _render_form(request, form, section=section, mode="edit", page=page, draft=draft)
