"""Reads for the account area: the member's data export laid out to read
(/accounts/data/), from the same dict the JSON download is made of."""

import datetime

from django.apps import apps
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

# The kinds a member looks for first, in this order; the rest follow by name.
FIRST_KINDS = (
    "qa.question",
    "qa.answer",
    "django_comments.comment",
    "messaging.conversation",
    "specialists.consultationrequest",
)
# Shown whole by an app's own section (messaging's conversations): not again as rows.
COVERED_BY_SECTION = {"conversations": ("messaging.conversation", "messaging.message")}
EMPTY = "—"


def readable_value(value):
    """A value of an export row as people read it: dates in the site's style
    ("2 December 2026, 14:30 UTC"), yes or no, a dash for nothing."""
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        moment = timezone.localtime(value) if timezone.is_aware(value) else value
        return date_format(moment, "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "DATE_FORMAT")
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value)
    return str(value)


def _fields_by_attname(model):
    return {field.attname: field for field in model._meta.concrete_fields}


def readable_row(model, row, *, user_pk):
    """[(label, text)] for one exported row: labelled by the fields' own
    names, without its id or the links back to the member themselves."""
    fields = _fields_by_attname(model)
    pairs = []
    for attname, value in row.items():
        field = fields.get(attname)
        if field is None or field.primary_key:
            continue
        if field.is_relation and value == user_pk:
            continue
        pairs.append((capfirst(str(field.verbose_name)), readable_value(value)))
    return pairs


def data_summary(export, *, user_pk, sections=()):
    """The export's records grouped by kind, one heading each: [{"title",
    "rows": [[(label, text)]]}], the kinds members look for first."""
    covered = {label for name in sections for label in COVERED_BY_SECTION.get(name, ())}
    kinds = {}
    for key, rows in export["records"].items():
        label = key.rpartition(".")[0]
        if not rows or label in covered:
            continue
        model = apps.get_model(label)
        kind = kinds.setdefault(
            label, {"title": capfirst(str(model._meta.verbose_name_plural)), "rows": {}, "model": model}
        )
        for row in rows:
            kind["rows"].setdefault(row.get("id", id(row)), row)
    order = {label: position for position, label in enumerate(FIRST_KINDS)}
    ordered = sorted(kinds.items(), key=lambda item: (order.get(item[0], len(order)), item[1]["title"]))
    return [
        {
            "title": kind["title"],
            "rows": [readable_row(kind["model"], row, user_pk=user_pk) for row in kind["rows"].values()],
        }
        for _label, kind in ordered
    ]


def profile_summary(export):
    """[(label, text)] of the member's own account row."""
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    pairs = readable_row(user_model, export["profile"], user_pk=None)
    pairs.append((_("Groups"), readable_value(export["groups"])))
    return pairs
