"""The Q&A list's filters, read from the query string (django-filter). A
value its field refuses (not a slug, not a known choice) is left out."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _


class SlugFilter(django_filters.CharFilter):
    field_class = forms.SlugField


class QuestionFilter(django_filters.FilterSet):
    # A slug no topic has gives an empty list, not every question.
    topic = SlugFilter(field_name="topic__slug", allow_unicode=True)
    show = django_filters.ChoiceFilter(
        choices=[("all", _("All")), ("unanswered", _("Unanswered")), ("answered", _("Answered"))],
        method="filter_show",
    )

    def filter_show(self, queryset, name, value):
        narrow = {"answered": queryset.answered, "unanswered": queryset.unanswered}.get(value)
        return narrow() if narrow else queryset
