"""Reads for the landing pages and the owner's view of their profile, at a
fixed number of queries whatever the number of articles or answers. The
directory's list is shaped by SpecialistPage's QuerySet methods; nothing here
imports the models, which build their context from these functions."""

from wagtail import hooks
from wagtail.images import get_image_model
from wagtail.models import Page, WorkflowState

from core.renditions import prefetch_renditions
from core.site_cache import cached

from .consultation_selectors import availability_of, next_open_slot
from .structured_data import specialist_json_ld

FREE_CONSULTATION_SLUG = "free-consultation"
ARTICLES_ON_PROFILE = 6
ANSWERS_ON_PROFILE = 5
PUBLIC_ANSWERS_HOOK = "specialist_public_answers"


def free_consultation_page_url(request):
    """The editor's page explaining the free consultation, looked up once
    until the pages change (core.site_cache)."""
    found = cached(
        "free-consultation-page",
        lambda: list(Page.objects.live().filter(slug=FREE_CONSULTATION_SLUG).order_by("depth", "pk")[:1]),
    )
    return found[0].get_url(request) if found else None


# --- Landing page ---------------------------------------------------------------


def specialist_contact_urls(page, user=None):
    """Where the landing page's contact buttons go, by action ("message",
    "consultation"), and which of those actions are closed to `user` for now.

    Apps above this one (messaging) give them through the
    "specialist_contact_urls" hook: a function (page, user) -> {action: url},
    where a url of None means the action exists but is closed at the moment
    (a specialist not taking new conversations): the page says so instead of
    drawing a dead button. An action no app provides has no button at all.
    Returns (urls, closed)."""
    urls, closed = {}, set()
    for provide in hooks.get_hooks("specialist_contact_urls"):
        for action, url in provide(page, user).items():
            if url:
                urls[action] = url
                closed.discard(action)
            elif action not in urls:
                closed.add(action)
    if not page.offers_free_consultation:
        urls.pop("consultation", None)
        closed.discard("consultation")
    return urls, closed


def specialist_public_answers(page, limit=ANSWERS_ON_PROFILE):
    """The specialist's published answers, for their landing page.

    The Q&A app sits above this one, so it hands them over through the
    "specialist_public_answers" hook: a function (page, limit) returning at
    most `limit` answers, each with get_absolute_url() and a question, in a
    fixed number of queries. Empty while no app registers it."""
    if page.pk is None:
        return []
    for provide in hooks.get_hooks(PUBLIC_ANSWERS_HOOK):
        return list(provide(page, limit))[:limit]
    return []


def _attach_photo(page):
    """The photo, shared by the header, the social tags and the structured
    data: loaded with the page when it was routed (route_select_related),
    else in one query. Returns it, for its renditions (read with the cards')."""
    if not page.photo_id:
        return None
    if not page._meta.get_field("photo").is_cached(page):
        photo = get_image_model().objects.filter(pk=page.photo_id).first()
        if photo is None:
            return None
        page.photo = photo
    return page.photo


def specialist_page_context(page, request):
    photo = _attach_photo(page)
    articles = (
        list(page.authored_articles.live().cards(renditions=False).newest_first()[:ARTICLES_ON_PROFILE])
        if page.pk
        else []
    )
    prefetch_renditions([photo, *(article.hero_image for article in articles)])  # one query for all
    topics = list(page.topics.all())
    languages = list(page.languages.all())
    next_slot = next_open_slot(page) if page.pk and page.offers_free_consultation and page.user_id else None
    contact_urls, contact_closed = specialist_contact_urls(page, request.user)
    context = {
        "next_slot": next_slot,
        "next_slot_zone": availability_of(page).zone if next_slot else None,
        "topics": topics,
        "approaches": list(page.approaches.all()),
        "languages": languages,
        "articles": articles,
        "answers": specialist_public_answers(page),
        "contact_urls": contact_urls,
        "messages_closed": "message" in contact_closed,
        "free_consultation_url": free_consultation_page_url(request),
        "is_owner": bool(page.user_id and request.user.is_authenticated and page.user_id == request.user.pk),
        "page_json_ld": specialist_json_ld(page, request, topics=topics, languages=languages),
        "directory": page.get_parent().specific_deferred if page.pk else None,
    }
    return context


# --- The owner's view of their profile ----------------------------------------


def profile_status(page):
    """Where `page` stands, for its owner: a code and, when a moderator asked
    for changes, their note.

    Codes: "pending" (first review), "live", "changes_pending" (live, with
    changes waiting), "changes_requested", "draft" (not submitted)."""
    state = (
        WorkflowState.objects.active()
        .filter(base_content_type_id=page.get_base_content_type().pk, object_id=str(page.pk))
        .select_related("current_task_state")
        .first()
    )
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        task_state = state.current_task_state
        return {"code": "changes_requested", "note": task_state.comment if task_state else ""}
    if state is not None:
        return {"code": "changes_pending" if page.live else "pending", "submitted_at": state.created_at}
    if page.live:
        return {"code": "live"}
    return {"code": "draft"}
