"""core.dates.machine_datetime: the one helper behind every machine-readable
date the site prints."""

import datetime
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import timezone

from core.dates import machine_datetime


def test_datetime_has_whole_seconds_and_its_offset():
    value = datetime.datetime(2026, 12, 1, 20, 27, 1, 601000, tzinfo=datetime.UTC)
    assert machine_datetime(value) == "2026-12-01T20:27:01+00:00"


def test_datetime_is_shown_in_the_current_time_zone():
    value = datetime.datetime(2026, 7, 1, 23, 30, 5, 999999, tzinfo=datetime.UTC)
    with timezone.override(ZoneInfo("Europe/London")):
        assert machine_datetime(value) == "2026-07-02T00:30:05+01:00"


def test_naive_datetime_is_taken_in_the_current_time_zone():
    assert machine_datetime(datetime.datetime(2026, 1, 2, 3, 4, 5, 6)) == "2026-01-02T03:04:05+00:00"


def test_date_stays_a_date():
    assert machine_datetime(datetime.date(2026, 2, 1)) == "2026-02-01"


def test_datetime_as_a_date_is_the_day_in_the_current_time_zone():
    value = datetime.datetime(2026, 7, 1, 23, 30, 5, 999999, tzinfo=datetime.UTC)
    assert machine_datetime(value, "date") == "2026-07-01"
    with timezone.override(ZoneInfo("Europe/London")):
        assert machine_datetime(value, "date") == "2026-07-02"
    with pytest.raises(ValueError):
        machine_datetime(value, "minutes")


@pytest.mark.parametrize("value", [None, ""])
def test_nothing_gives_an_empty_string(value):
    assert machine_datetime(value) == ""


def test_other_values_are_refused():
    with pytest.raises(TypeError):
        machine_datetime("2026-02-01")


def test_template_filter_is_the_same_helper():
    now = timezone.now().replace(microsecond=123456)
    rendered = Template('{% load core_tags %}<time datetime="{{ now|machine_datetime }}">').render(
        Context({"now": now})
    )
    assert rendered == f'<time datetime="{machine_datetime(now)}">'
    assert ".123456" not in rendered
    as_date = Template('{% load core_tags %}{{ now|machine_datetime:"date" }}').render(Context({"now": now}))
    assert as_date == timezone.localdate(now).isoformat()


def test_json_ld_prints_dates_left_in_the_data_with_the_same_helper():
    from core.templatetags.core_tags import json_ld

    when = datetime.datetime(2026, 12, 1, 20, 27, 1, 601000, tzinfo=datetime.UTC)
    rendered = json_ld({"dateCreated": when, "lastReviewed": datetime.date(2026, 2, 1)})
    assert '"dateCreated": "2026-12-01T20:27:01+00:00"' in rendered
    assert '"lastReviewed": "2026-02-01"' in rendered


# For people: one style ("2 December 2026", "14:30"), zones by a human label.

MOMENT = datetime.datetime(2026, 12, 2, 19, 30, tzinfo=datetime.UTC)


def test_the_site_date_formats_are_day_month_year_and_24_hour():
    rendered = Template(
        '{{ d|date:"DATE_FORMAT" }}|{{ d|date:"TIME_FORMAT" }}|{{ d|date:"DATETIME_FORMAT" }}|{{ d|date }}'
    )
    expected = "2 December 2026|19:30|2 December 2026, 19:30 UTC|2 December 2026"
    assert rendered.render(Context({"d": MOMENT})) == expected


def test_an_appointment_names_its_weekday_and_its_zone_in_words():
    from core.dates import format_when, zone_choice_label, zone_label

    new_york = ZoneInfo("America/New_York")
    assert format_when(MOMENT, new_york) == "Wednesday 2 December 2026, 14:30 (New York time)"
    assert zone_label(new_york) == "New York time" and zone_label("UTC") == "UTC"
    assert zone_label("America/Argentina/Buenos_Aires") == "Buenos Aires time"
    assert zone_choice_label("America/Argentina/Buenos_Aires") == "America, Argentina – Buenos Aires"
    rendered = Template("{% load core_tags %}{{ d|when:zone }}|{{ zone|zone_label }}|{{ d|day_of:zone }}")
    assert rendered.render(Context({"d": MOMENT, "zone": new_york})) == (
        "Wednesday 2 December 2026, 14:30 (New York time)|New York time|Wednesday 2 December 2026"
    )


TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def test_no_template_prints_a_zone_name_or_its_own_date_style():
    """Every date for people goes through the format settings or core_tags'
    filters: no `|date:"..."` with its own letters, no zone's IANA key."""
    own_style = re.compile(r'\|date:"(?![A-Z_]+_FORMAT")')
    zone_key = re.compile(r"zone\.key|zone_name|(?<!form)\.time_zone\s*}}")
    offenders = []
    for path in TEMPLATES.rglob("*"):
        if path.suffix in (".html", ".txt"):
            text = path.read_text()
            if own_style.search(text) or zone_key.search(text):
                offenders.append(str(path.relative_to(TEMPLATES)))
    assert offenders == []
