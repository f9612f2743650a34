"""Writes on accounts that have rules or side effects: consent, data export
and account deletion."""

import json

from allauth.account.models import EmailAddress
from allauth.core import ratelimit
from allauth.usersessions.models import UserSession
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sites.shortcuts import get_current_site
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from wagtail import hooks

from .models import Consent

DELETED_MEMBER_NAME = "Deleted member"

# Fields never written into an export: secrets that would let the file's
# reader take over the account.
EXPORT_EXCLUDED_FIELDS = {
    "accounts.user": {"password"},
    "mfa.authenticator": {"data"},
    "usersessions.usersession": {"session_key", "data"},
    "account.emailconfirmation": {"key"},
}


def consent_record(*, user, kind=Consent.HEALTH_DATA, version=None):
    return Consent.objects.create(user=user, kind=kind, policy_version=version or settings.PRIVACY_POLICY_VERSION)


def user_related_fields():
    """Every (model, field) in the project whose foreign key points at the user model."""
    user_model = get_user_model()
    found = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (
                getattr(field, "concrete", False)
                and field.is_relation
                and (field.many_to_one or field.one_to_one)
                and field.related_model is user_model
                and field.model is model  # declared here, not inherited (page types)
            ):
                found.append((model, field))
    return found


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
    """Everything tied to `user`, as a JSON-serialisable dict."""
    user_model = get_user_model()
    data = {
        "format": "steady-ground-export/1",
        "exported_at": timezone.now(),
        "profile": _row(user, EXPORT_EXCLUDED_FIELDS["accounts.user"]),
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "records": {},
    }
    for model, field in user_related_fields():
        if model is user_model:
            continue
        label = model._meta.label_lower
        excluded = EXPORT_EXCLUDED_FIELDS.get(label, set())
        rows = [_row(obj, excluded) for obj in model._default_manager.filter(**{field.name: user}).order_by("pk")]
        key = f"{label}.{field.name}"
        data["records"][key] = rows
    return data


def user_data_export_json(*, user):
    return json.dumps(user_data_export(user=user), cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)


def _anonymise_comments(user):
    """Comments others replied to stay, signed "Deleted member"; the rest go.

    Leaves first, so a member's reply to their own comment does not keep it."""
    from django_comments_xtd.models import XtdComment

    from core.history import history_forget

    erased = []
    for comment in XtdComment.objects.filter(user=user).order_by("-level", "-pk"):
        # In comments-xtd a top-level comment is its own parent.
        if XtdComment.objects.filter(parent_id=comment.pk).exclude(pk=comment.pk).exists():
            XtdComment.objects.filter(pk=comment.pk).update(
                user=None, user_name=DELETED_MEMBER_NAME, user_email="", user_url="", ip_address=None
            )
        else:
            erased.append(comment.pk)
            comment.delete()
    history_forget(model=XtdComment, pks=erased)


def _detach_wagtail_records(user):
    from wagtail.models import ModelLogEntry, Page, PageLogEntry, Revision

    Revision.objects.filter(user=user).update(user=None)
    PageLogEntry.objects.filter(user=user).update(user=None)
    ModelLogEntry.objects.filter(user=user).update(user=None)
    Page.objects.filter(owner=user).update(owner=None)
    Page.objects.filter(locked_by=user).update(locked_by=None, locked=False)


def _remove_specialist_profile(user):
    page = getattr(user, "specialist_page", None)
    if page is None:
        return
    page = page.specific
    if page.owner_id == user.pk and not page.authored_articles.exists():
        # A profile the member made themselves: it is their personal data.
        page.delete()
    else:
        # A profile editors made for an author: keep it, without the account.
        type(page).objects.filter(pk=page.pk).update(user=None)


def _delete_uploaded_photos(user):
    """Members upload pictures only as their profile photo (staff upload site
    images through the admin, which stay): the photos are personal data."""
    if user.is_staff or user.is_superuser:
        return
    from wagtail.images import get_image_model

    for image in get_image_model().objects.filter(uploaded_by_user=user):
        image.delete()  # Wagtail removes the file and its renditions


def user_delete(*, user, request=None):
    """Remove a member's personal data for good.

    Public comments that others replied to stay, signed "Deleted member", so
    their threads still read; everything else tied to the person goes."""
    email_addresses = list(EmailAddress.objects.filter(user=user).values_list("email", flat=True))
    email_addresses.append(user.email)
    with transaction.atomic():
        for session in UserSession.objects.filter(user=user):
            session.end()
        _anonymise_comments(user)
        # Apps above accounts erase their own data through this hook (accounts
        # never imports them): Q&A questions, answers, votes and reports.
        for erase in hooks.get_hooks("erase_member_data"):
            erase(user)
        _remove_specialist_profile(user)
        _delete_uploaded_photos(user)
        _detach_wagtail_records(user)
        # Everything else with a foreign key to the user (e-mail addresses,
        # consents, two-factor devices, flags, admin profile...) cascades.
        user.delete()
    if request is not None:
        # allauth counts failed logins per "<site domain>:<login>" key;
        # tests/accounts/test_privacy.py pins that the counter is gone.
        domain = get_current_site(request).domain
        for email in {address.lower() for address in email_addresses}:
            ratelimit.clear(request, action="login_failed", key=f"{domain}:{email}")
