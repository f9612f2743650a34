"""Q&A views: thin. Check access, run a form, call a service, redirect (PRG).

qa.QuestionIndexPage hands each request over to this module with itself
(`section`): its list, asking, a question's page and the member actions."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_ratelimit.decorators import ratelimit

from accounts.decorators import member_required
from core import shared_cache
from core.guards import MemberError
from core.models import SiteSettings
from core.page_cache import cache_for_readers

from . import permissions, selectors, services, tokens
from .forms import AnswerForm, QuestionForm, ReportForm, TitleCheckForm
from .models import Answer, Question, Status
from .structured_data import question_json_ld


def question_index_context(request):
    """The list (filters, one page of questions) for qa.QuestionIndexPage,
    which hands its requests to this module."""
    return selectors.question_list_context(request)


def _render(request, template, context, *, section, status=200):
    """Render with the questions page as the current section (the menu)."""
    return render(request, template, {"section": section, **context}, status=status)


def _ask_context(request, *, step, form=None, title=""):
    return {
        "step": step,
        "form": form,
        "check_form": TitleCheckForm(initial={"title": title}),
        "title": title,
        "similar": selectors.similar_questions(title) if title else [],
        "can_ask": permissions.member_can_ask(user=request.user),
    }


@login_required
@require_safe
def my_questions(request, *, section):
    """The member's own questions, those waiting for a moderator included."""
    page_obj = Paginator(selectors.member_questions(user=request.user), settings.QA_QUESTIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {"questions": page_obj.object_list, "page_obj": page_obj}
    return _render(request, "qa/my_questions.html", context, section=section)


@member_required(action=gettext_lazy("ask a question"), login_redirect_on_get=True)
@require_http_methods(["GET", "HEAD", "POST"])
def question_ask(request, *, section):
    """Step 1 (GET, no title): check for similar questions. Step 2 (GET with
    ?title=): the matches and the full form, title kept. POST: ask."""
    user = request.user
    if not permissions.member_can_ask(user=user):
        return _render(request, "qa/ask.html", _ask_context(request, step="verify"), section=section, status=403)
    if request.method == "POST":
        form = QuestionForm(request.POST, user=user)
        if form.is_valid():
            try:
                question = services.question_create(author=user, **form.cleaned_data)
            except MemberError as error:
                form.add_error(None, error.message)
            else:
                return redirect(question.get_absolute_url() + "?asked=1")
        title = request.POST.get("title", "")[:150]
        context = _ask_context(request, step="form", form=form, title=title)
        return _render(request, "qa/ask.html", context, section=section, status=400)
    check = TitleCheckForm(request.GET)
    title = check.cleaned_data["title"].strip() if check.is_valid() else ""
    if "title" not in request.GET and "step" not in request.GET:
        return _render(request, "qa/ask.html", _ask_context(request, step="check"), section=section)
    form = QuestionForm(initial={"title": title}, user=user)
    return _render(request, "qa/ask.html", _ask_context(request, step="form", form=form, title=title), section=section)


def _similar_rate(group, request):
    return f"{settings.QA_SIMILAR_PER_MINUTE}/m"


@require_safe
@ratelimit(key="user_or_ip", rate=_similar_rate, block=False)
def similar(request, *, section):
    """Published titles that resemble ?q=, as JSON, for the live suggestions.
    Limited per member, or per address (core.http.client_ip) for visitors.
    A read of published titles: when the shared cache cannot count, it is
    answered uncounted (core.shared_cache), like the page itself."""
    if request.limited and shared_cache.answering():
        return JsonResponse({"results": [], "error": "rate_limited"}, status=429)
    query = request.GET.get("q", "")[:150]
    results = [
        {"title": question.title, "url": question.get_absolute_url(), "answers": question.answer_count}
        for question in selectors.similar_questions(query)
    ]
    return JsonResponse({"results": results})


def _question_or_404(request, pk):
    question = selectors.question_for_viewer(pk=pk, user=request.user)
    if question is None:
        raise Http404
    return question


def _detail_context(request, question, *, answer_form=None):
    user = request.user
    answers = selectors.question_answers(question)
    marks = selectors.viewer_marks(question=question, answers=answers, user=user)
    is_asker = user.is_authenticated and question.author_id == user.pk
    can_answer = permissions.member_can_answer(user=user, question=question) and marks["own_answer"] is None
    if can_answer and answer_form is None:
        answer_form = AnswerForm()
    context = {
        "question": question,
        "answers": answers,
        "marks": marks,
        "is_asker": is_asker,
        "is_moderator": permissions.can_moderate(user),
        "can_answer": can_answer,
        "answer_form": answer_form if can_answer else None,
        "just_asked": is_asker and request.GET.get("asked") == "1",
        "show_crisis_panel": is_asker and question.urgent,
        "related_articles": selectors.related_articles(question),
        "page_json_ld": question_json_ld(question, answers, request) if question.is_public else None,
    }
    if context["show_crisis_panel"]:
        context["crisis_settings"] = SiteSettings.load(request_or_site=request)
    return context


@require_safe
def question_detail(request, pk, slug, *, section):
    question = _question_or_404(request, pk)
    if slug != question.slug:
        return HttpResponseRedirect(question.get_absolute_url(), status=301)
    cache_for_readers(request)
    return _render(request, "qa/question_detail.html", _detail_context(request, question), section=section)


@require_safe
def question_short(request, pk, *, section):
    question = _question_or_404(request, pk)
    return HttpResponseRedirect(question.get_absolute_url(), status=301)


@member_required(action=gettext_lazy("answer a question"))
@require_POST
def answer_create(request, pk, *, section):
    question = _question_or_404(request, pk)
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            answer = services.answer_create(question=question, author=request.user, body=form.cleaned_data["body"])
        except MemberError as error:
            form.add_error("body", error.message)
        else:
            messages.success(request, _("Your answer is published. Thank you."))
            return redirect(answer.get_absolute_url())
    if not permissions.member_can_answer(user=request.user, question=question):
        raise Http404
    context = _detail_context(request, question, answer_form=form)
    return _render(request, "qa/question_detail.html", context, section=section, status=400)


def _answer_or_404(request, pk):
    answer = get_object_or_404(Answer.objects.select_related("question", "author"), pk=pk)
    question = selectors.question_for_viewer(pk=answer.question_id, user=request.user)
    if question is None:
        raise Http404
    answer.question = question
    return answer


@member_required(action=gettext_lazy("edit an answer"))
@require_http_methods(["GET", "HEAD", "POST"])
def answer_edit(request, pk, *, section):
    answer = _answer_or_404(request, pk)
    if answer.author_id != request.user.pk:
        raise Http404
    form = AnswerForm(request.POST or None, instance=answer)
    if request.method == "POST":
        if form.is_valid():
            services.answer_update(answer=answer, by=request.user, body=form.cleaned_data["body"])
            messages.success(request, _("Your answer is updated."))
            return redirect(answer.get_absolute_url())
        answer.refresh_from_db(fields=["body"])
    status = 400 if request.method == "POST" else 200
    return _render(request, "qa/answer_edit.html", {"form": form, "answer": answer}, section=section, status=status)


@member_required(action=gettext_lazy("accept an answer"))
@require_POST
def answer_accept(request, pk, *, section):
    answer = _answer_or_404(request, pk)
    try:
        services.answer_accept(answer=answer, by=request.user)
    except MemberError:
        raise Http404 from None
    messages.success(request, _("You accepted this answer. You can choose another at any time."))
    return redirect(answer.get_absolute_url())


@member_required(action=gettext_lazy("mark an answer as helpful"))
@require_POST
def answer_helpful(request, pk, *, section):
    answer = _answer_or_404(request, pk)
    try:
        created = services.answer_vote_helpful(answer=answer, by=request.user)
    except MemberError as error:
        messages.error(request, error.message)
    else:
        if created:
            messages.success(request, _("Thank you: you marked this answer as helpful."))
        else:
            messages.info(request, _("You have already marked this answer as helpful."))
    return redirect(answer.get_absolute_url())


def _report(request, *, section, question=None, answer=None):
    target = question or answer
    back = target.get_absolute_url()
    if target.author_id == request.user.pk or target.status != Status.PUBLISHED:
        raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.report_create(by=request.user, question=question, answer=answer, **form.cleaned_data)
        except MemberError as error:
            form.add_error(None, error.message)
        else:
            if created:
                messages.success(request, _("Thank you. A moderator will look at it."))
            else:
                messages.info(request, _("You have already reported this. A moderator will look at it."))
            return redirect(back)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "target": target, "is_answer": answer is not None, "back": back}
    return _render(request, "qa/report.html", context, section=section, status=status)


@member_required(action=gettext_lazy("report a question"))
@require_http_methods(["GET", "HEAD", "POST"])
def question_report(request, pk, *, section):
    return _report(request, section=section, question=_question_or_404(request, pk))


@member_required(action=gettext_lazy("report an answer"))
@require_http_methods(["GET", "HEAD", "POST"])
def answer_report(request, pk, *, section):
    return _report(request, section=section, answer=_answer_or_404(request, pk))


@require_http_methods(["GET", "HEAD", "POST"])
def question_mute(request, pk, token, *, section):
    """The link in answer e-mails: GET asks, POST stops the e-mails. Works
    without logging in: the signed token is the permission."""
    question = get_object_or_404(Question, pk=pk)
    if not tokens.question_mute_token_valid(question=question, token=token):
        raise Http404
    if request.method == "POST":
        services.question_mute(question=question)
    return _render(request, "qa/mute.html", {"question": question, "done": request.method == "POST"}, section=section)
