"""Writes on accounts that have rules or side effects: consent, data export
and account deletion."""

import json

from allauth.account.models import EmailAddress
from allauth.core import ratelimit
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from core import mail

from . import member_data
from .models import Consent

DELETED_MEMBER_NAME = "Deleted member"


def consent_record(*, user, kind=Consent.HEALTH_DATA, version=None):
    return Consent.objects.create(user=user, kind=kind, policy_version=version or settings.PRIVACY_POLICY_VERSION)


def _row(obj, excluded):
    row = {}
    for field in obj._meta.concrete_fields:
        if field.name in excluded:
            continue
        value = field.value_from_object(obj)
        if isinstance(value, FieldFile):
            value = value.name or None
        row[field.attname] = value
    return row


def user_data_export(*, user):
    """Everything tied to `user`, as a JSON-serialisable dict: the rows of every
    foreign key the apps declare, and the sections they add (a conversation
    whole, with both sides' messages), through accounts.member_data."""
    excluded = member_data.export_excluded()
    data = {
        "format": "steady-ground-export/1",
        "exported_at": timezone.now(),
        "profile": _row(user, {"password"}),
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "records": {},
        "sections": {},
    }
    for registration in member_data.registered():
        if registration.export is not None:
            data["sections"].update(registration.export(user=user))
    for key, (model, field) in member_data.declared_fields().items():
        rows = model._default_manager.filter(**{field.name: user}).order_by("pk")
        data["records"][key] = [_row(obj, excluded.get(model._meta.label_lower, set())) for obj in rows]
    return data


def user_data_export_json(*, user):
    return json.dumps(user_data_export(user=user), cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)


def member_erase(*, user):
    """What Wagtail keeps of who did what, kept without the person (called
    last through the registry, after the apps above have removed their pages)."""
    from wagtail.models import ModelLogEntry, Page, PageLogEntry, Revision

    Revision.objects.filter(user=user).update(user=None)
    PageLogEntry.objects.filter(user=user).update(user=None)
    ModelLogEntry.objects.filter(user=user).update(user=None)
    Page.objects.filter(owner=user).update(owner=None)
    Page.objects.filter(locked_by=user).update(locked_by=None, locked=False)


def user_delete(*, user, request=None):
    """Remove a member's personal data for good.

    Public comments that others replied to stay, signed "Deleted member", so
    their threads still read; everything else tied to the person goes."""
    email_addresses = list(EmailAddress.objects.filter(user=user).values_list("email", flat=True))
    email_addresses.append(user.email)
    with transaction.atomic():
        for session in UserSession.objects.filter(user=user):
            session.end()
        # Each app erases what it holds (accounts.member_data): comments,
        # questions and answers, the specialist profile and its photo, and
        # last accounts' own share of Wagtail's records.
        for data in member_data.registered():
            if data.erase is not None:
                data.erase(user=user)
        # An e-mail to them still waiting in the task worker's outbox
        # (core.mail) goes with the account, not seconds after it.
        mail.unsent_dropped_for(email_addresses)
        # Everything else with a foreign key to the user (e-mail addresses,
        # consents, two-factor devices, flags, admin profile...) cascades.
        user.delete()
    if request is not None:
        # allauth counts failed logins per "<site domain>:<login>" key;
        # tests/accounts/test_privacy.py pins that the counter is gone.
        domain = get_current_site(request).domain
        for email in {address.lower() for address in email_addresses}:
            ratelimit.clear(request, action="login_failed", key=f"{domain}:{email}")
