"""The directory's filters, read from the query string (django-filter).

Every value is checked by its filter's form field against the known values;
a value that is not known is left out (and reported), never passed on, while
the other filters still apply."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from core.models import Topic
from core.site_cache import cached

from .models import Language

LOCATION_MAX_LENGTH = 80
UNKNOWN_VALUE = {"invalid_choice": _("We do not know this value, so this filter was left out.")}
# What a checked box sends: ?free=1 reads better in a link than ?free=on.
_TICK = forms.CheckboxInput(attrs={"value": "1"})


class DirectoryFilter(django_filters.FilterSet):
    topic = django_filters.ChoiceFilter(
        label=_("Specialisation"),
        field_name="topics__slug",
        empty_label=_("Any specialisation"),
        error_messages=UNKNOWN_VALUE,
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        field_name="languages__code",
        empty_label=_("Any language"),
        error_messages=UNKNOWN_VALUE,
    )
    format = django_filters.ChoiceFilter(
        label=_("Sessions"),
        choices=[("online", _("Online")), ("in_person", _("In person"))],
        empty_label=_("Online or in person"),
        method="filter_format",
        error_messages=UNKNOWN_VALUE,
    )
    location = django_filters.CharFilter(
        label=_("Location"),
        lookup_expr="icontains",
        max_length=LOCATION_MAX_LENGTH,
        help_text=_("A town or area, e.g. Leeds"),
        error_messages={"max_length": _("Up to 80 characters, so this filter was left out.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "maxlength": LOCATION_MAX_LENGTH}),
    )
    accepting = django_filters.BooleanFilter(
        label=_("Accepting new clients"), field_name="accepting_new_clients", widget=_TICK, method="filter_ticked"
    )
    free = django_filters.BooleanFilter(
        label=_("Offers a free 30-minute consultation"),
        field_name="offers_free_consultation",
        widget=_TICK,
        method="filter_ticked",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read once: the same list draws the select and checks the value. Kept
        # in the shared cache with what every page reads about the site
        # (core.site_cache): a topic or language saved or deleted moves it on.
        self.filters["topic"].extra["choices"] = [(topic.slug, topic.name) for topic in Topic.cached_all()]
        self.filters["language"].extra["choices"] = cached(
            "languages", lambda: [(lang.code, lang.name) for lang in Language.objects.all()]
        )

    def filter_format(self, queryset, name, value):
        return queryset.filter(**{f"offers_{value}": True})

    def filter_ticked(self, queryset, name, value):
        """An unticked box narrows nothing; a ticked one keeps those with the flag."""
        return queryset.filter(**{name: True}) if value else queryset

    def active(self):
        """The valid, non-empty filter values: {name: value}."""
        return {name: value for name, value in self.form.cleaned_data.items() if value not in ("", None, False)}

    def ignored(self):
        """[(label, value)] for each filter whose value could not be used."""
        return [(self.form.fields[name].label, str(self.data.get(name, ""))[:80]) for name in self.errors]
