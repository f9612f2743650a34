"""Drafts kept in the browser (static/js/drafts.js) are filed under an opaque
value per user, so two people who share a browser never see each other's
drafts, and nothing in the browser's storage names anyone: not the e-mail
address, not the user id. The value is an HMAC of the id under the site's
secret key; it stays the same across logins (a draft survives a session that
ran out) and cannot be turned back into the id without the key."""

from django.utils.crypto import salted_hmac

SALT = "steady-ground.drafts.owner"


def draft_owner_key(user):
    """The value drafts.js files `user`'s drafts under; "" for a visitor."""
    if user is None or not user.is_authenticated:
        return ""
    return salted_hmac(SALT, str(user.pk), algorithm="sha256").hexdigest()[:32]
