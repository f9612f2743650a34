"""Slot arithmetic for the free 30-minute consultation: pure functions over
plain values (no database), so the rules about time can be read and tested
on their own.

A specialist's availability is a set of weekly windows in their own time
zone (Monday 09:00-12:00), dates off, a minimum notice and a horizon. The
open slots are the 30-minute steps of wall-clock time inside each window,
on every day from now + notice to now + horizon, turned into instants (UTC)
with zoneinfo. A wall-clock time that does not exist that day (the hour the
clocks skip in spring) gives no slot; one that happens twice (the hour they
repeat in autumn) gives one slot, the first.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

SLOT = timedelta(minutes=30)
SLOT_MINUTES = 30

__all__ = [
    "SLOT",
    "Window",
    "day_times",
    "is_on_grid",
    "local_instant",
    "open_slots",
    "overlaps",
    "zone_or_none",
    "zone_names",
]


@dataclass(frozen=True)
class Window:
    weekday: int  # 0 is Monday, as date.weekday()
    start: time
    end: time


def is_on_grid(value):
    """Whether `value` (a time) starts a slot: on the hour or the half hour."""
    return value.minute % SLOT_MINUTES == 0 and value.second == 0 and value.microsecond == 0


def day_times():
    """Every half hour of a day, 00:00 to 23:30: what the window fields offer."""
    return [time(hour, minute) for hour in range(24) for minute in (0, 30)]


def overlaps(windows):
    """Pairs of windows (in the order given) on the same weekday that share time."""
    found = []
    for i, first in enumerate(windows):
        for second in windows[i + 1 :]:
            if first.weekday == second.weekday and first.start < second.end and second.start < first.end:
                found.append((first, second))
    return found


@cache
def zone_names():
    """The IANA zone names a member may choose, sorted (no legacy aliases)."""
    legacy = ("Etc/", "SystemV/", "US/", "posix/", "right/", "Canada/", "Brazil/", "Mexico/", "Chile/")
    names = {name for name in available_timezones() if "/" in name and not name.startswith(legacy)}
    return sorted(names | {"UTC"})


def zone_or_none(name):
    """The ZoneInfo of an IANA name from the list members choose from, else None."""
    if not name or name not in zone_names():
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def local_instant(day, wall_time, zone):
    """The instant (aware, UTC) of `wall_time` on `day` in `zone`, or None when
    the clocks skip that time there that day. A repeated time is its first
    occurrence (fold=0)."""
    local = datetime.combine(day, wall_time, tzinfo=zone)
    instant = local.astimezone(UTC)
    if instant.astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
        return None
    return instant


def _window_starts(day, window, zone):
    step = datetime.combine(day, window.start)
    end = datetime.combine(day, window.end)
    while step + SLOT <= end:
        instant = local_instant(day, step.time(), zone)
        if instant is not None:
            yield instant
        step += SLOT


def open_slots(*, zone, windows, dates_off=(), notice, horizon, now, taken=frozenset(), limit=None):
    """The open slot starts, ascending, as aware UTC datetimes.

    `zone` is the specialist's ZoneInfo, `windows` their Window list,
    `dates_off` local dates with no slots, `notice` and `horizon` timedeltas
    from `now` (aware): a slot starts no earlier than now + notice and before
    now + horizon. `taken` holds the starts already held by a request."""
    earliest, latest = now + notice, now + horizon
    if latest <= earliest or not windows:
        return []
    by_weekday = {}
    for window in windows:
        by_weekday.setdefault(window.weekday, []).append(window)
    dates_off = set(dates_off)
    taken = {instant.astimezone(UTC) for instant in taken}
    found = set()
    day, last_day = earliest.astimezone(zone).date(), latest.astimezone(zone).date()
    while day <= last_day:
        if day not in dates_off:
            for window in by_weekday.get(day.weekday(), ()):
                found.update(
                    instant
                    for instant in _window_starts(day, window, zone)
                    if earliest <= instant < latest and instant not in taken
                )
        day += timedelta(days=1)
    slots = sorted(found)
    return slots[:limit] if limit is not None else slots
