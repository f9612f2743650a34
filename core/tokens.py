"""Signed tokens for links in the site's e-mails: they act without a login,
so each names the one thing it may do (the salt keeps one kind from passing
for another)."""

from django.core import signing

UNSUBSCRIBE_SALT = "core.mail.unsubscribe"


def unsubscribe_token(*, user, kind):
    """For the one-click link that turns off e-mails of `kind` for `user`."""
    return signing.dumps([user.pk, kind], salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_token_payload(token):
    """(user id, kind) a genuine token was made for, else None."""
    try:
        user_pk, kind = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return user_pk, kind
