"""The slot arithmetic (specialists.slots): windows, notice, horizon, dates
off, held slots, and wall-clock times across daylight-saving changes."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from specialists.slots import Window, local_instant, open_slots, overlaps, zone_or_none

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")


def slots(windows, *, now, notice=timedelta(hours=24), horizon=timedelta(days=21), **kwargs):
    return open_slots(zone=LONDON, windows=windows, notice=notice, horizon=horizon, now=now, **kwargs)


def test_a_window_gives_half_hour_slots_after_the_notice_and_before_the_horizon():
    # Monday 1 June 2026, 08:00 in London (BST, UTC+1).
    now = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
    found = slots([Window(0, time(9), time(11))], now=now, horizon=timedelta(days=8))
    # Not today (within 24 hours' notice); next Monday and the one after is past the horizon.
    assert [s.astimezone(LONDON).strftime("%a %d %H:%M") for s in found] == [
        "Mon 08 09:00",
        "Mon 08 09:30",
        "Mon 08 10:00",
        "Mon 08 10:30",
    ]
    assert all(s.tzinfo is UTC for s in found)


def test_notice_cuts_slots_inside_the_window():
    now = datetime(2026, 6, 1, 8, 10, tzinfo=UTC)  # 09:10 in London
    found = slots([Window(1, time(9), time(10, 30))], now=now, notice=timedelta(hours=24), horizon=timedelta(days=2))
    # Tuesday 09:00 is 23h50 away: too soon. 09:30 and 10:00 are open.
    assert [s.astimezone(LONDON).strftime("%H:%M") for s in found] == ["09:30", "10:00"]


def test_dates_off_and_held_slots_are_not_offered():
    now = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
    windows = [Window(1, time(9), time(10)), Window(2, time(9), time(10))]
    held = {datetime(2026, 6, 3, 8, 0, tzinfo=UTC)}  # Wednesday 09:00 London
    found = slots(windows, now=now, horizon=timedelta(days=4), dates_off={date(2026, 6, 2)}, taken=held)
    assert [s.astimezone(LONDON).strftime("%a %H:%M") for s in found] == ["Wed 09:30"]


def test_limit_gives_the_first_slots():
    now = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
    found = slots([Window(d, time(9), time(17)) for d in range(7)], now=now, limit=3)
    assert len(found) == 3 and found == sorted(found)


def test_the_hour_the_clocks_skip_gives_no_slot():
    # Sunday 29 March 2026: London goes from 01:00 GMT straight to 02:00 BST.
    now = datetime(2026, 3, 26, 0, 0, tzinfo=UTC)
    found = slots([Window(6, time(0, 30), time(2, 30))], now=now, horizon=timedelta(days=4))
    assert [s.astimezone(LONDON).strftime("%H:%M %Z") for s in found] == ["00:30 GMT", "02:00 BST"]
    # In UTC the two slots are half an hour apart, as they really are.
    assert [s.strftime("%H:%M") for s in found] == ["00:30", "01:00"]
    assert local_instant(date(2026, 3, 29), time(1, 30), LONDON) is None


def test_the_repeated_hour_in_autumn_gives_one_slot_each():
    # Sunday 25 October 2026: 01:00-02:00 happens twice in London.
    now = datetime(2026, 10, 22, 0, 0, tzinfo=UTC)
    found = slots([Window(6, time(1), time(2))], now=now, horizon=timedelta(days=4))
    assert [s.astimezone(LONDON).strftime("%H:%M") for s in found] == ["01:00", "01:30"]
    assert [s.strftime("%H:%M") for s in found] == ["00:00", "00:30"]  # the first (summer-time) occurrence


def test_the_same_window_moves_for_a_member_abroad_across_the_dst_changes():
    """Monday 09:00 in London is 04:00 in New York most of the year, but 05:00 in
    the weeks between the American change (8 March 2026) and the British one
    (29 March), and the UTC instant moves by an hour when London changes."""
    window = [Window(0, time(9), time(9, 30))]
    before_us = slots(window, now=datetime(2026, 3, 1, 0, tzinfo=UTC), horizon=timedelta(days=7))
    between = slots(window, now=datetime(2026, 3, 15, 0, tzinfo=UTC), horizon=timedelta(days=7))
    after_uk = slots(window, now=datetime(2026, 3, 29, 0, tzinfo=UTC), horizon=timedelta(days=7))
    assert [s.astimezone(NEW_YORK).strftime("%d %H:%M %Z") for s in before_us + between + after_uk] == [
        "02 04:00 EST",
        "16 05:00 EDT",
        "30 04:00 EDT",
    ]
    assert [s.strftime("%H:%M") for s in before_us + between + after_uk] == ["09:00", "09:00", "08:00"]
    # Always 09:00 on the specialist's wall clock.
    assert {s.astimezone(LONDON).strftime("%H:%M") for s in before_us + between + after_uk} == {"09:00"}


def test_overlapping_windows_are_found_per_weekday():
    monday_morning = Window(0, time(9), time(12))
    monday_late_morning = Window(0, time(11, 30), time(13))
    monday_afternoon = Window(0, time(12), time(14))
    tuesday = Window(1, time(9), time(12))
    assert overlaps([monday_morning, monday_late_morning, monday_afternoon, tuesday]) == [
        (monday_morning, monday_late_morning),
        (monday_late_morning, monday_afternoon),
    ]


def test_only_listed_zone_names_are_accepted():
    assert zone_or_none("Europe/Lisbon") == ZoneInfo("Europe/Lisbon")
    assert zone_or_none("Not/AZone") is None
    assert zone_or_none("../../etc/passwd") is None
    assert zone_or_none("") is None
