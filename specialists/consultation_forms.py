"""Forms of the free consultation: the specialist's availability (settings,
weekly windows, dates off), a member's booking, and the specialist's answers."""

from datetime import UTC, datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from core.dates import format_day, format_time, zone_choice_label
from core.forms import MemberTextMixin

from .models.consultations import MESSAGE_MAX, NOTE_MAX, Weekday
from .slots import Window, day_times, overlaps, zone_names

TIME_FORMAT = "%H:%M"


def _time_choices(times):
    return [(t.strftime(TIME_FORMAT), t.strftime(TIME_FORMAT)) for t in times]


def slot_value(instant):
    """A slot as a form value: its UTC start, ISO 8601."""
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")


def parse_slot_value(value):
    return datetime.strptime(value, "%Y-%m-%dT%H:%MZ").replace(tzinfo=UTC)


def slot_choices(slots, zone):
    """Radio choices grouped by day, each labelled in `zone`'s wall-clock time."""
    groups, by_day = [], {}
    for instant in slots:
        day = format_day(instant, zone)
        if day not in by_day:
            by_day[day] = []
            groups.append((day, by_day[day]))
        by_day[day].append((slot_value(instant), format_time(instant, zone)))
    return groups


def zone_choices():
    return [(name, zone_choice_label(name)) for name in zone_names()]


class _Labelled:
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


# Availability -----------------------------------------------------------------


class AvailabilityForm(_Labelled, forms.Form):
    time_zone = forms.ChoiceField(
        label=_("Your time zone"),
        choices=zone_choices,
        help_text=_("Your windows are in this zone; members see the times in theirs."),
    )
    notice_hours = forms.IntegerField(
        label=_("Minimum notice (hours)"),
        min_value=0,
        max_value=336,
        help_text=_("How soon a member may book ahead of a slot: 24 means no slot within the next day."),
    )
    horizon_days = forms.IntegerField(
        label=_("How far ahead members may book (days)"),
        min_value=1,
        max_value=90,
        help_text=_("21 days is three weeks."),
    )


class WindowForm(_Labelled, forms.Form):
    weekday = forms.TypedChoiceField(label=_("Day"), coerce=int, choices=[("", "—"), *Weekday.choices], required=True)
    # Each select starts blank, like the day: a browser sends every select's value, and an
    # empty row must stay unchanged (so it is skipped) rather than ask for a day.
    start = forms.ChoiceField(label=_("From"), choices=[("", "—"), *_time_choices(day_times())])
    end = forms.ChoiceField(label=_("Until"), choices=[("", "—"), *_time_choices(day_times()[1:])])

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            cleaned["start"] = datetime.strptime(start, TIME_FORMAT).time()
            cleaned["end"] = datetime.strptime(end, TIME_FORMAT).time()
            if cleaned["end"] <= cleaned["start"]:
                self.add_error("end", _("The end must be after the start."))
        return cleaned

    def window(self):
        return Window(self.cleaned_data["weekday"], self.cleaned_data["start"], self.cleaned_data["end"])


class _RemovableRows(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove")


class BaseWindowFormSet(_RemovableRows):
    def kept_forms(self):
        return [
            form
            for form in self.forms
            if form.has_changed() and not self._should_delete_form(form) and form.is_valid() and form.cleaned_data
        ]

    def clean(self):
        super().clean()
        kept = self.kept_forms()
        windows = [form.window() for form in kept]
        for first, second in overlaps(windows):
            later = kept[windows.index(second)]
            later.add_error(
                "start",
                _("This overlaps %(day)s %(start)s-%(end)s.")
                % {
                    "day": Weekday(first.weekday).label,
                    "start": first.start.strftime(TIME_FORMAT),
                    "end": first.end.strftime(TIME_FORMAT),
                },
            )
        if any(form.errors for form in kept):
            raise forms.ValidationError(_("Some windows overlap: see the marked rows."))

    def windows(self):
        return [form.window() for form in self.kept_forms()]


WindowFormSet = forms.formset_factory(WindowForm, formset=BaseWindowFormSet, extra=2, can_delete=True, max_num=42)


class DateOffForm(_Labelled, forms.Form):
    date = forms.DateField(label=_("Date off"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


class BaseDateOffFormSet(_RemovableRows):
    def dates(self):
        return sorted(
            {
                form.cleaned_data["date"]
                for form in self.forms
                if form.has_changed() and not self._should_delete_form(form) and form.cleaned_data.get("date")
            }
        )


DateOffFormSet = forms.formset_factory(DateOffForm, formset=BaseDateOffFormSet, extra=2, can_delete=True, max_num=100)


# Booking -----------------------------------------------------------------------


class SlotRadioSelect(forms.RadioSelect):
    """Slots as radio buttons, one group (a fieldset named by its day) per day."""

    template_name = "specialists/widgets/slot_radios.html"


class BookingForm(MemberTextMixin, _Labelled, forms.Form):
    slot = forms.ChoiceField(
        label=_("Choose a time"),
        widget=SlotRadioSelect,
        error_messages={
            "required": _("Choose one of the times."),
            "invalid_choice": _("This time is no longer open. Please choose another one below."),
        },
    )
    format = forms.ChoiceField(
        label=_("How would you like to meet?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose online or in person.")},
    )
    note = forms.CharField(
        label=_("A short note for the specialist (optional)"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Up to 500 characters, for example what you would like to talk about in a few words. "
            "Please do not include sensitive details (diagnoses, medication, names): you can share "
            "those in the conversation itself."
        ),
        error_messages={"max_length": _("Please keep it to %(limit_value)s characters (it has %(show_value)s).")},
    )
    time_zone = forms.ChoiceField(choices=zone_choices, widget=forms.HiddenInput)

    def __init__(self, *args, slots, zone, formats, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].choices = slot_choices(slots, zone)
        self.fields["format"].choices = formats
        if len(formats) == 1:
            self.fields["format"].initial = formats[0][0]
        self.fields["time_zone"].initial = zone.key
        self.fields["time_zone"].validators = []

    def clean_slot(self):
        return parse_slot_value(self.cleaned_data["slot"])


class TimeZoneForm(_Labelled, forms.Form):
    """The GET form that shows the slots in another zone."""

    tz = forms.ChoiceField(label=_("Show times in"), choices=zone_choices)


# The specialist's answers ----------------------------------------------------------


class DeclineForm(MemberTextMixin, _Labelled, forms.Form):
    message = forms.CharField(
        label=_("A message for the member (optional)"),
        required=False,
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": _("Please keep it to %(limit_value)s characters (it has %(show_value)s).")},
    )


class ProposeForm(_Labelled, forms.Form):
    slot = forms.ChoiceField(
        label=_("Another time"),
        error_messages={
            "required": _("Choose a time to propose."),
            "invalid_choice": _("This time is not open any more. Please choose another."),
        },
    )

    def __init__(self, *args, slots, zone, **kwargs):
        super().__init__(*args, **kwargs)
        # Grouped by day, and each option names its day too: a closed select shows only the chosen option.
        choices = []
        for day, times in slot_choices(slots, zone):
            choices.append((day, [(value, f"{day}, {label}") for value, label in times]))
        self.fields["slot"].choices = [("", "—"), *choices]

    def clean_slot(self):
        return parse_slot_value(self.cleaned_data["slot"])
