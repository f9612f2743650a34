"""Who may do what in the directory: a member's own profile, verifying
profiles, free consultations. Views ask these first (a request that is not
yours is "not found"); the services ask them again."""

from accounts import roles
from accounts.roles import has_verified_email

from .models import SpecialistPage

__all__ = [
    "booking_refusal",
    "can_verify",
    "member_can_create_profile",
    "owns",
    "is_member_of",
    "is_specialist_of",
    "own_specialist_page",
    "takes_consultations",
]


def member_can_create_profile(user):
    """Members with a verified e-mail address create their own profile."""
    return bool(user.is_authenticated and user.is_active and has_verified_email(user))


def owns(page, user):
    """`page` is `user`'s own specialist profile."""
    return bool(page.user_id is not None and user.is_authenticated and page.user_id == user.pk)


def can_verify(user):
    """Moderators check credentials; an editor publishing a page does not."""
    return bool(user and user.is_active and (user.is_superuser or roles.in_group(user, roles.MODERATORS)))


def takes_consultations(page):
    """A page members can book: live, verified, with an active account, offering the free consultation."""
    user = page.user if page.user_id else None
    return bool(page.live and page.is_verified and page.offers_free_consultation and user and user.is_active)


def booking_refusal(user, page):
    """Why `user` may not book `page` ("login", "own", "unverified_email",
    "not_offered"), or None when they may."""
    if not user.is_authenticated:
        return "login"
    if page.user_id == user.pk:
        return "own"
    if not takes_consultations(page):
        return "not_offered"
    if not user.is_active or not has_verified_email(user):
        return "unverified_email"
    return None


def own_specialist_page(user):
    """The specialist page `user` owns, or None (one query)."""
    if not user.is_authenticated:
        return None
    return SpecialistPage.objects.filter(user=user).first()


def is_member_of(request, user):
    return bool(user.is_authenticated and request.member_id == user.pk)


def is_specialist_of(request, user):
    return bool(user.is_authenticated and request.specialist.user_id == user.pk)
