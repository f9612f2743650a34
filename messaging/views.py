"""Messaging views: thin. Check access (404 for anyone but the two
participants, staff included), run a form, call a service, redirect (PRG);
the reply form answers JSON to the page's script."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.decorators import member_required
from accounts.roles import is_specialist
from core import shared_cache
from core.guards import MemberError
from specialists.models import SpecialistPage

from . import permissions, selectors, services
from .forms import MessageForm, MessagingSettingsForm, ReportForm
from .models import Message
from .tokens import message_form_token

SENT = gettext_lazy("Your message has been sent.")
CRISIS_SESSION_KEY = "messaging_crisis_panel"


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _participant_conversation(request, pk):
    conversation = selectors.conversation_for_participant(pk=pk, user=request.user)
    if conversation is None:
        raise Http404
    return conversation


def _no_store(response):
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_safe
def inbox(request):
    user = request.user
    context = {"page_obj": selectors.inbox_page(user=user, page_number=request.GET.get("page"))}
    context["conversations"] = context["page_obj"].object_list
    if is_specialist(user):
        context["settings_form"] = MessagingSettingsForm(
            initial={"taking_new_conversations": services.specialist_takes_conversations(user=user)}
        )
    return _no_store(render(request, "messaging/inbox.html", context))


@login_required
@require_POST
def settings_update(request):
    if not is_specialist(request.user):
        raise Http404
    form = MessagingSettingsForm(request.POST)
    form.is_valid()  # a checkbox: always valid
    taking = form.cleaned_data.get("taking_new_conversations", False)
    services.messaging_settings_update(user=request.user, taking_new_conversations=taking)
    if taking:
        messages.success(request, _("Members can start new conversations with you."))
    else:
        messages.success(request, _("You are not taking new conversations. Your current conversations go on."))
    return redirect("messaging:inbox")


def _start_context(page, form, **extra):
    return {"specialist": page, "form": form, **extra}


@member_required(action=gettext_lazy("send a message"), login_redirect_on_get=True)
@require_http_methods(["GET", "HEAD", "POST"])
def conversation_new(request, slug):
    """ "Send a message" on a landing page: the member's conversation with
    this specialist, or a first message that starts it."""
    page = get_object_or_404(SpecialistPage.objects.live().verified().select_related("user"), slug=slug)
    user = request.user
    if not permissions.member_can_write_to(user=user, page=page):
        raise Http404
    existing = services.conversation_for(member=user, page=page)
    if existing is not None and request.method != "POST":
        return redirect(existing)
    if not permissions.member_can_message(user=user):
        return render(request, "messaging/verify_email.html", {"specialist": page}, status=403)
    # A form posted from a tab opened before the conversation began still
    # arrives: conversation_start adds it to the conversation (once).
    if existing is None and not services.specialist_takes_conversations(user=page.user):
        return render(request, "messaging/new.html", _start_context(page, None, not_taking=True), status=200)
    if request.method == "POST":
        form = MessageForm(request.POST)
        if form.is_valid():
            try:
                conversation, message = services.conversation_start(
                    member=user, page=page, body=form.cleaned_data["body"], token=form.cleaned_data["token"]
                )
            except shared_cache.Unavailable as error:
                form.add_error(None, error.message)
                return shared_cache.refused(render(request, "messaging/new.html", _start_context(page, form)))
            except MemberError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, SENT)
                if message.crisis:
                    request.session[CRISIS_SESSION_KEY] = str(conversation.pk)
                return redirect(conversation)
        return _no_store(render(request, "messaging/new.html", _start_context(page, form), status=400))
    return _no_store(render(request, "messaging/new.html", _start_context(page, MessageForm())))


def _conversation_context(request, conversation, form=None):
    thread = selectors.conversation_thread(conversation, before=selectors.parse_before(request.GET.get("before")))
    show_crisis_panel = request.session.pop(CRISIS_SESSION_KEY, None) == str(conversation.pk)
    return {
        "conversation": conversation,
        "thread": thread.messages,
        "thread_page": thread,
        "form": form or MessageForm(),
        "show_crisis_panel": show_crisis_panel,
        # The specialist sees the crisis lines to pass on when the member's
        # words matched, whichever page of the thread they are reading.
        "crisis_notice": conversation.viewer_side == "specialist" and selectors.member_wrote_crisis(conversation),
        "blocked_by_me": permissions.can_unblock(user=request.user, conversation=conversation),
    }


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def conversation_detail(request, pk):
    conversation = _participant_conversation(request, pk)
    if request.method == "POST":
        form = MessageForm(request.POST)
        error = None
        refused = False  # the limit could not be counted (core.shared_cache)
        if form.is_valid():
            try:
                message = services.message_send(
                    conversation=conversation,
                    sender=request.user,
                    body=form.cleaned_data["body"],
                    token=form.cleaned_data["token"],
                )
            except MemberError as problem:
                error = problem.message
                form.add_error(None, error)
                refused = isinstance(problem, shared_cache.Unavailable)
            else:
                if _wants_json(request):
                    html = render_to_string(
                        "messaging/components/message.html",
                        {"message": message, "conversation": conversation, "viewer": request.user},
                        request=request,
                    )
                    return JsonResponse(
                        {
                            "status": str(SENT),
                            "html": html,
                            "crisis": message.crisis,
                            "token": str(message_form_token()),
                        }
                    )
                messages.success(request, SENT)
                if message.crisis:
                    request.session[CRISIS_SESSION_KEY] = str(conversation.pk)
                return redirect(conversation)
        if _wants_json(request):
            errors = {field: [str(e) for e in errs] for field, errs in form.errors.items()}
            response = JsonResponse({"errors": errors, "error": error or _("Please check your message.")}, status=400)
        else:
            context = _conversation_context(request, conversation, form)
            response = render(request, "messaging/conversation.html", context, status=400)
        return shared_cache.refused(response) if refused else _no_store(response)
    context = _conversation_context(request, conversation)
    services.conversation_mark_read(conversation=conversation, user=request.user)
    return _no_store(render(request, "messaging/conversation.html", context))


@login_required
@require_POST
def conversation_block(request, pk):
    conversation = _participant_conversation(request, pk)
    services.conversation_block(conversation=conversation, by=request.user)
    messages.success(request, _("The conversation is closed. Neither of you can send new messages."))
    return redirect(conversation)


@login_required
@require_POST
def conversation_unblock(request, pk):
    conversation = _participant_conversation(request, pk)
    try:
        services.conversation_unblock(conversation=conversation, by=request.user)
    except services.NotAllowed as error:
        raise Http404 from error
    messages.success(request, _("The conversation is open again."))
    return redirect(conversation)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def message_report(request, pk, message_id):
    conversation = _participant_conversation(request, pk)
    message = get_object_or_404(Message, pk=message_id, conversation=conversation)
    message.conversation = conversation
    if not permissions.can_report(user=request.user, message=message):
        raise Http404
    form = ReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.message_report(message=message, by=request.user, **form.cleaned_data)
        messages.success(request, _("Thank you. A moderator will look at this message."))
        return redirect(conversation)
    status = 400 if form.is_bound else 200
    return _no_store(
        render(
            request,
            "messaging/report.html",
            {"conversation": conversation, "message": message, "form": form},
            status=status,
        )
    )
