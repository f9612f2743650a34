"""Signed tokens for links in Q&A e-mails: they act without a login, so each
names the one thing it may do."""

from django.core import signing

MUTE_SALT = "qa.question.mute"


def question_mute_token(question):
    return signing.dumps(question.pk, salt=MUTE_SALT, compress=True)


def question_mute_token_valid(*, question, token):
    try:
        return signing.loads(token, salt=MUTE_SALT) == question.pk
    except signing.BadSignature:
        return False
