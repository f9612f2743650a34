"""Form building blocks shared by every app that takes member text."""

from django import forms
from django.forms.renderers import TemplatesSetting

from .validators import refuse_control_characters, refuse_control_characters_multiline


class MemberTextMixin:
    """Every text field of the form refuses control characters: on one line
    for inputs, with line breaks allowed for text areas. Put it first in the
    bases of any form members type into."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and not isinstance(field.widget, forms.PasswordInput):
                multiline = isinstance(field.widget, forms.Textarea)
                field.validators.append(refuse_control_characters_multiline if multiline else refuse_control_characters)


class SiteFormRenderer(TemplatesSetting):
    """FORM_RENDERER: Django draws every field through one template,
    templates/forms/field.html (label, help text, errors, input), and links
    the help text and errors to the input itself (aria-describedby,
    aria-invalid). Templates write {{ form.field.as_field_group }}."""

    field_template_name = "forms/field.html"
