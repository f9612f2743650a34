"""Every form field on the site is drawn one way: Django's own field rendering
(FORM_RENDERER with templates/forms/field.html), which links the help text and
the errors to the input with aria-describedby and marks it aria-invalid."""

import re
from pathlib import Path

from bs4 import BeautifulSoup
from django import forms
from django.conf import settings
from django.forms.renderers import get_default_renderer

from core.forms import SiteFormRenderer


class _Sample(forms.Form):
    name = forms.CharField(label="Name", help_text="As others see it.")
    agree = forms.BooleanField(label="I agree", help_text="Needed to go on.")
    colours = forms.MultipleChoiceField(
        label="Colours", choices=[("red", "Red"), ("blue", "Blue")], widget=forms.CheckboxSelectMultiple
    )
    note = forms.CharField(label="Note", required=False)


def _drawn(form, name):
    return BeautifulSoup(form[name].as_field_group(), "html.parser")


def test_the_site_renderer_is_the_default_one():
    assert isinstance(get_default_renderer(), SiteFormRenderer)


def test_a_field_with_an_error_points_at_its_help_text_and_its_error():
    form = _Sample({})
    html = _drawn(form, "name")
    field = html.find("input", {"name": "name"})
    assert field["aria-invalid"] == "true"
    assert field["aria-describedby"] == "id_name_helptext id_name_error"
    assert html.find(id="id_name_helptext").get_text() == "As others see it."
    assert html.find(id="id_name_error").get_text() == "This field is required."
    assert html.find("label", attrs={"for": "id_name"}).get_text() == "Name"


def test_a_valid_field_is_not_marked_invalid_and_points_at_its_help_text_only():
    form = _Sample({"name": "Rowan", "agree": "on", "colours": ["red"]})
    assert form.is_valid()
    field = _drawn(form, "name").find("input")
    assert "aria-invalid" not in field.attrs
    assert field["aria-describedby"] == "id_name_helptext"
    assert "aria-describedby" not in _drawn(form, "note").find("input").attrs


def test_a_checkbox_comes_before_its_label():
    html = _drawn(_Sample({}), "agree")
    group = html.find(class_="form-field--checkbox")
    assert [child.name for child in group.find_all(recursive=False)][:2] == ["input", "label"]
    assert group.find("input")["aria-describedby"] == "id_agree_helptext id_agree_error"


def test_a_group_of_checkboxes_is_a_fieldset_named_by_its_legend_and_linked_to_its_error():
    html = _drawn(_Sample({}), "colours")
    fieldset = html.find("fieldset")
    assert fieldset.find("legend").get_text() == "Colours"
    assert fieldset["aria-describedby"] == "id_colours_error"
    assert fieldset.find(id="id_colours_error") is not None
    assert len(fieldset.find_all("input", {"type": "checkbox"})) == 2


# A field's label, errors or aria attributes written by hand in a template.
_HAND_MADE = re.compile(r"\{\{\s*[\w.]+\.errors\b|\.label_tag\b|aria-invalid=|id=\"\{\{[^}]*\}\}[-_](?:error|help)")
# allauth's element for single inputs that its own templates build from attributes
# (no bound field to render): it uses Django's ids (<id>_error, <id>_helptext).
_ALLOWED = {Path("forms/field.html"), Path("allauth/elements/field.html")}


def test_no_template_draws_a_field_by_hand():
    root = Path(settings.BASE_DIR) / "templates"
    offenders = [
        str(path.relative_to(root))
        for path in sorted(root.rglob("*.html"))
        if path.relative_to(root) not in _ALLOWED and _HAND_MADE.search(path.read_text())
    ]
    assert offenders == []
