"""The registry of what the site holds of a member, for their export and erasure.

Each app declares, through the "register_member_data" hook, the foreign keys to
the user it answers for and, when deleting the account must do more than
Django's `on_delete` (keep a copy signed "Deleted member", recount, remove
files), a function that erases them. accounts never imports the apps above it:

    @hooks.register("register_member_data")
    def qa_member_data():
        return MemberData(
            fields=("qa.question.author", "qa.answer.author", ...),
            erase=services.member_erase,
        )

The export writes every declared field's rows; the deletion calls every
`erase` (in the order of INSTALLED_APPS) before the user row goes. A foreign key
to the user that nobody declares fails tests/accounts/test_privacy.py."""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth import get_user_model
from wagtail import hooks

HOOK = "register_member_data"


@dataclass(frozen=True)
class MemberData:
    # "app_label.model.field" of each foreign key to the user the app answers for.
    fields: tuple
    # Called with the user inside the deletion's transaction, before the user
    # row goes; None when on_delete (CASCADE, SET_NULL) is all it takes.
    erase: object = None
    # "app_label.model" -> field names never written into an export (secrets).
    export_excluded: dict = field(default_factory=dict)
    # Called with user=...: {section name: JSON-serialisable data} for what the
    # rows alone do not tell (a conversation whole, both sides, who wrote what).
    export: object = None
    # {section name: template} drawing that section on the readable page; the
    # template gets the section's data as `section`.
    export_templates: dict = field(default_factory=dict)


def registered():
    return [provide() for provide in hooks.get_hooks(HOOK)]


def declared_fields():
    """{"app_label.model.field": (model, field)} over every registration, in order."""
    found = {}
    for data in registered():
        for name in data.fields:
            label, _, field_name = name.rpartition(".")
            model = apps.get_model(label)
            found[name] = (model, model._meta.get_field(field_name))
    return found


def export_excluded():
    excluded = {}
    for data in registered():
        for label, names in data.export_excluded.items():
            excluded.setdefault(label, set()).update(names)
    return excluded


def export_templates():
    """{section name: template} for the readable page of an export."""
    templates = {}
    for data in registered():
        templates.update(data.export_templates)
    return templates


def user_related_fields():
    """Every (model, field) in the project whose foreign key points at the user
    model, found by introspection: what the registrations must cover."""
    user_model = get_user_model()
    found = []
    for model in apps.get_models():
        for model_field in model._meta.get_fields():
            if (
                getattr(model_field, "concrete", False)
                and model_field.is_relation
                and (model_field.many_to_one or model_field.one_to_one)
                and model_field.related_model is user_model
                and model_field.model is model  # declared here, not inherited (page types)
            ):
                found.append((model, model_field))
    return found
