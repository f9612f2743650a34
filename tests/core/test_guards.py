"""The shared write guards and the one error members are shown."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.functional import Promise

import articles.services
import home.services
import messaging.services
import qa.services
import specialists.services
from core.guards import MemberError, count_since, first_since
from home.models import ContactMessage


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_services_error_is_a_member_error_with_a_translatable_message():
    errors = set(_subclasses(MemberError))
    modules = {error.__module__ for error in errors}
    for module in (articles.services, home.services, messaging.services, qa.services, specialists.services):
        assert module.__name__ in modules
    for error in errors | {MemberError}:
        assert isinstance(error.message, Promise), error  # gettext_lazy, translated when shown


def test_a_message_given_when_raised_replaces_the_default():
    assert MemberError().message == "That could not be done."
    assert str(MemberError("Not today.")) == "Not today."


@pytest.mark.django_db
def test_first_since_and_count_since_look_only_inside_the_window(a_member):
    old = ContactMessage.objects.create(user=a_member, subject="Old", message="x")
    ContactMessage.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=2))
    first = ContactMessage.objects.create(user=a_member, subject="First", message="x")
    ContactMessage.objects.create(user=a_member, subject="Second", message="x")
    theirs = ContactMessage.objects.filter(user=a_member)
    assert first_since(theirs, window=timedelta(days=1)) == first
    assert count_since(theirs, window=timedelta(days=1)) == 2
    assert count_since(theirs, window=timedelta(days=3)) == 3
    assert first_since(theirs.filter(subject="Nope"), window=timedelta(days=1)) is None
