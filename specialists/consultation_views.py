"""Views of the free consultation: thin. Check access (a request that is not
yours is "not found"), run a form, call a service, redirect (PRG).

- consultation_book: the specialist page's consultation/ route (members).
- availability_edit, specialist_requests, specialist_request_action: the
  directory's me/availability/ and me/requests/ routes (the specialist).
- member_consultations, member_consultation, member_consultation_action:
  /accounts/consultations/ (the member's own, in the account area)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from accounts.decorators import member_required
from core.guards import MemberError

from . import consultation_selectors as selectors
from . import consultation_services as services
from .consultation_forms import (
    AvailabilityForm,
    BookingForm,
    DateOffFormSet,
    DeclineForm,
    ProposeForm,
    TimeZoneForm,
    WindowFormSet,
)
from .consultation_tasks import other_specialists
from .models import ConsultationRequest
from .models.consultations import DEFAULT_TIME_ZONE
from .permissions import booking_refusal, own_specialist_page
from .slots import zone_or_none

CRISIS_SESSION_KEY = "consultation_crisis_panel"


def _no_store(response):
    response["Cache-Control"] = "no-store"
    return response


def _formats(page):
    formats = []
    if page.offers_online:
        formats.append((ConsultationRequest.Format.ONLINE, ConsultationRequest.Format.ONLINE.label))
    if page.offers_in_person:
        formats.append((ConsultationRequest.Format.IN_PERSON, ConsultationRequest.Format.IN_PERSON.label))
    return formats


def _specialist_zone(page):
    availability = selectors.availability_of(page)
    return availability.zone if availability is not None else zone_or_none(DEFAULT_TIME_ZONE)


# Booking --------------------------------------------------------------------------


def _booking_context(page, form, zone):
    hours, measured = selectors.reply_promise(page)
    return {
        "page": page,
        "specialist": page,
        "form": form,
        "zone": zone,
        "zone_form": TimeZoneForm(initial={"tz": zone.key}),
        "reply_hours": hours,
        "reply_measured": measured,
        "has_slots": bool(form.fields["slot"].choices),
    }


def _booking_form(page, zone, data=None, initial=None):
    slots = selectors.page_open_slots(page, limit=selectors.SLOTS_ON_FORM)
    return BookingForm(data, initial=initial, slots=slots, zone=zone, formats=_formats(page))


@member_required(action=gettext_lazy("request a free consultation"))
@require_http_methods(["GET", "HEAD", "POST"])
def consultation_book(request, *, page):
    user = request.user
    refusal = booking_refusal(user, page)
    if refusal in ("own", "not_offered"):
        raise Http404
    if refusal == "unverified_email":
        return render(request, "specialists/consultation_email_required.html", {"specialist": page}, status=403)
    existing = user.consultation_requests.held().filter(specialist=page).first()
    if existing is not None and request.method != "POST":
        messages.info(request, _("You already have a request with this specialist: here it is."))
        return redirect("consultations:detail", pk=existing.pk)
    # The member's zone: what the page's script detected or they chose, else the specialist's.
    zone = zone_or_none(request.POST.get("time_zone") or request.GET.get("tz")) or _specialist_zone(page)
    if request.method != "POST":
        form = _booking_form(page, zone)
        return _no_store(render(request, "specialists/consultation_book.html", _booking_context(page, form, zone)))
    form = _booking_form(page, zone, data=request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            consultation = services.consultation_request(
                member=user,
                page=page,
                slot_start=data["slot"],
                format=data["format"],
                note=data["note"],
                member_time_zone=zone.key,
            )
        except (services.SlotTaken, services.SlotUnavailable) as error:
            # Someone else holds it now: the next open slots, the rest of what they wrote kept.
            form = _booking_form(page, zone, data=request.POST)
            form.is_valid()
            form.errors.pop("slot", None)
            form.add_error("slot", error.message)
        except services.AlreadyRequested as error:
            messages.info(request, error.message)
            existing = user.consultation_requests.held().filter(specialist=page).first()
            if existing is not None:
                return redirect("consultations:detail", pk=existing.pk)
            form.add_error(None, error.message)
        except MemberError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your request has been sent. The time is held for you."))
            if consultation.crisis:
                request.session[CRISIS_SESSION_KEY] = str(consultation.pk)
            return redirect("consultations:detail", pk=consultation.pk)
    context = _booking_context(page, form, zone)
    return _no_store(render(request, "specialists/consultation_book.html", context, status=400))


# The member's own ------------------------------------------------------------------


def _own_request(user, pk):
    """The member's request `pk`, or 404 (someone else's looks the same as none)."""
    return get_object_or_404(ConsultationRequest.objects.select_related("specialist"), pk=pk, member=user)


@login_required
@require_safe
def member_consultations(request):
    context = {"consultations": selectors.member_consultations(request.user), "now": timezone.now()}
    return _no_store(render(request, "specialists/member_consultations.html", context))


@login_required
@require_safe
def member_consultation(request, pk):
    consultation = _own_request(request.user, pk)
    hours, measured = selectors.reply_promise(consultation.specialist)
    context = {
        "consultation": consultation,
        "local_start": consultation.member_local_start(),
        "reply_hours": hours,
        "reply_measured": measured,
        "show_crisis_panel": request.session.pop(CRISIS_SESSION_KEY, None) == str(consultation.pk),
        "others": [],
    }
    if consultation.status in (ConsultationRequest.Status.EXPIRED, ConsultationRequest.Status.DECLINED):
        context["others"] = other_specialists(consultation.specialist)
    return _no_store(render(request, "specialists/member_consultation.html", context))


MEMBER_ACTIONS = {
    "cancel": (services.consultation_cancel, gettext_lazy("Your request is cancelled; the specialist has been told.")),
    "accept": (services.consultation_proposal_accept, gettext_lazy("The new time is confirmed.")),
    "decline": (services.consultation_proposal_decline, gettext_lazy("You declined the proposed time.")),
}


def _cancel_confirmation(request, consultation, *, zone, action_url, back_url, for_specialist):
    """The step before cancelling (a GET, so it works without JavaScript):
    what is cancelled, and a form that posts the cancellation."""
    if not consultation.is_held:
        messages.info(request, _("This consultation is not open any more."))
        return redirect(back_url)
    context = {
        "consultation": consultation,
        "zone": zone,
        "action_url": action_url,
        "back_url": back_url,
        "for_specialist": for_specialist,
    }
    return _no_store(render(request, "specialists/consultation_cancel.html", context))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def member_consultation_action(request, pk, action):
    consultation = _own_request(request.user, pk)
    if action not in MEMBER_ACTIONS:
        raise Http404
    if request.method != "POST":
        if action != "cancel":
            return redirect("consultations:detail", pk=consultation.pk)
        return _cancel_confirmation(
            request,
            consultation,
            zone=consultation.member_zone,
            action_url=request.path,
            back_url=reverse("consultations:detail", kwargs={"pk": consultation.pk}),
            for_specialist=False,
        )
    service, done = MEMBER_ACTIONS[action]
    try:
        service(request=consultation, by=request.user)
    except MemberError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect("consultations:detail", pk=consultation.pk)


# The specialist's dashboard --------------------------------------------------------


def _own_page_or_404(request):
    page = own_specialist_page(request.user)
    if page is None:
        raise Http404
    return page


@member_required(action=gettext_lazy("manage your availability"))
@require_http_methods(["GET", "HEAD", "POST"])
def availability_edit(request, *, directory):
    page = _own_page_or_404(request)
    availability = selectors.availability_of(page)
    context = {"section": directory, "directory": directory, "specialist": page}
    if not page.offers_free_consultation:
        return render(request, "specialists/availability.html", context)
    if request.method == "POST":
        form = AvailabilityForm(request.POST)
        windows = WindowFormSet(request.POST, prefix="windows")
        dates_off = DateOffFormSet(request.POST, prefix="off")
        if form.is_valid() and windows.is_valid() and dates_off.is_valid():
            try:
                services.availability_update(
                    page=page,
                    by=request.user,
                    windows=windows.windows(),
                    dates_off=dates_off.dates(),
                    **form.cleaned_data,
                )
            except MemberError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Your availability has been saved."))
                return redirect(directory.route_url("availability", request))
        status = 400
    else:
        if availability is None:
            initial = {"time_zone": DEFAULT_TIME_ZONE, "notice_hours": 24, "horizon_days": 21}
            window_initial, off_initial = [], []
        else:
            initial = {
                "time_zone": availability.time_zone,
                "notice_hours": availability.notice_hours,
                "horizon_days": availability.horizon_days,
            }
            window_initial = [
                {"weekday": w.weekday, "start": w.start.strftime("%H:%M"), "end": w.end.strftime("%H:%M")}
                for w in availability.windows.all()
            ]
            off_initial = [{"date": d.date} for d in availability.dates_off.filter(date__gte=timezone.localdate())]
        form = AvailabilityForm(initial=initial)
        windows = WindowFormSet(initial=window_initial, prefix="windows")
        dates_off = DateOffFormSet(initial=off_initial, prefix="off")
        status = 200
    context.update(form=form, windows=windows, dates_off=dates_off, next_slots=selectors.page_open_slots(page, limit=5))
    context["zone"] = _specialist_zone(page)
    return _no_store(render(request, "specialists/availability.html", context, status=status))


def _dashboard_context(request, directory, page, *, bound=None):
    zone = _specialist_zone(page)
    lists = selectors.specialist_dashboard(page)
    slots = selectors.page_open_slots(page, limit=selectors.SLOTS_ON_FORM) if lists["pending"] else []
    for consultation in lists["pending"]:
        consultation.decline_form = DeclineForm(prefix=f"d-{consultation.pk}")
        consultation.propose_form = ProposeForm(prefix=f"p-{consultation.pk}", slots=slots, zone=zone)
        if bound is not None and bound[0] == consultation.pk:
            setattr(consultation, f"{bound[1]}_form", bound[2])
    return {
        "section": directory,
        "directory": directory,
        "specialist": page,
        "zone": zone,
        "now": timezone.now(),
        **lists,
        "crisis_notice": any(c.crisis for c in lists["pending"] + lists["upcoming"]),
    }


@member_required(action=gettext_lazy("see your consultation requests"))
@require_safe
def specialist_requests(request, *, directory):
    page = _own_page_or_404(request)
    return _no_store(render(request, "specialists/requests.html", _dashboard_context(request, directory, page)))


SPECIALIST_DONE = {
    "accept": gettext_lazy("Accepted. You and the member have been sent the calendar invitation."),
    "decline": gettext_lazy("Declined. The member has been told."),
    "propose": gettext_lazy("Proposed. The member has been asked to confirm the new time."),
    "cancel": gettext_lazy("Cancelled. The member has been told."),
    "done": gettext_lazy("Marked as taken place."),
    "missed": gettext_lazy("Marked as missed."),
}


@member_required(action=gettext_lazy("answer consultation requests"))
@require_http_methods(["GET", "HEAD", "POST"])
def specialist_request_action(request, *, directory, pk, action):
    page = _own_page_or_404(request)
    consultation = get_object_or_404(ConsultationRequest.objects.select_related("member"), pk=pk, specialist=page)
    if action not in SPECIALIST_DONE:
        raise Http404
    back = redirect(directory.route_url("requests", request))
    if request.method != "POST":
        if action != "cancel":
            return back
        return _cancel_confirmation(
            request,
            consultation,
            zone=_specialist_zone(page),
            action_url=request.path,
            back_url=directory.route_url("requests", request),
            for_specialist=True,
        )
    user = request.user
    try:
        if action == "accept":
            services.consultation_accept(request=consultation, by=user)
        elif action == "decline":
            form = DeclineForm(request.POST, prefix=f"d-{consultation.pk}")
            if not form.is_valid():
                return _invalid(request, directory, page, consultation, "decline", form)
            services.consultation_decline(request=consultation, by=user, message=form.cleaned_data["message"])
        elif action == "propose":
            slots = selectors.page_open_slots(page, limit=selectors.SLOTS_ON_FORM)
            form = ProposeForm(request.POST, prefix=f"p-{consultation.pk}", slots=slots, zone=_specialist_zone(page))
            if not form.is_valid():
                return _invalid(request, directory, page, consultation, "propose", form)
            services.consultation_propose(request=consultation, by=user, slot_start=form.cleaned_data["slot"])
        elif action == "cancel":
            services.consultation_cancel(request=consultation, by=user)
        else:
            services.consultation_mark(request=consultation, by=user, outcome=action)
    except MemberError as error:
        messages.error(request, error.message)
        return back
    messages.success(request, SPECIALIST_DONE[action])
    return back


def _invalid(request, directory, page, consultation, name, form):
    context = _dashboard_context(request, directory, page, bound=(consultation.pk, name, form))
    return _no_store(render(request, "specialists/requests.html", context, status=400))
