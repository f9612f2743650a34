"""core.dates.machine_datetime: the one helper behind every machine-readable
date the site prints."""

import datetime
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
