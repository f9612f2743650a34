"""Who may do what. Roles are derived from groups and verified profiles,
never from a field the member edits."""

from allauth.account.models import EmailAddress

MEMBERS = "Members"
SPECIALISTS = "Specialists"
MODERATORS = "Moderators"
EDITORS = "Editors"
GROUP_NAMES = (MEMBERS, SPECIALISTS, MODERATORS, EDITORS)


def in_group(user, name):
    if not user.is_authenticated:
        return False
    cache = getattr(user, "_group_names", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._group_names = cache
    return name in cache


def is_staff_member(user):
    """Editors, moderators and superusers: people with admin access."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.is_staff or in_group(user, MODERATORS) or in_group(user, EDITORS)


def is_specialist(user):
    """A member with a live, verified specialist profile or in the Specialists group."""
    if not user.is_authenticated:
        return False
    if in_group(user, SPECIALISTS):
        return True
    page = getattr(user, "specialist_page", None)
    return bool(page and page.live and getattr(page, "is_verified", False))


def has_verified_email(user):
    if not user.is_authenticated:
        return False
    return EmailAddress.objects.filter(user=user, verified=True).exists()
