"""Dates and times: the one place the site decides how they are printed.

For people, the style is "2 December 2026" and "14:30" (DATE_FORMAT and
TIME_FORMAT in config/formats/en, used as `|date:"DATE_FORMAT"`), and an
appointment adds its weekday and the zone's human label:
`format_when(moment, zone)` gives "Wednesday 2 December 2026, 14:30 (New York
time)", `format_day(moment, zone)` the day alone and `zone_label(zone)` the
label ("New York time", never "America/New_York"). Templates reach them
through core_tags' `|when`, `|day_of` and `|zone_label`; e-mails and form
labels call them directly.

For programs, `machine_datetime` is the one helper.

`machine_datetime` gives ISO 8601 in whole seconds with the UTC offset
(`2026-12-01T20:27:01+00:00`), or a plain date (`2026-12-01`). That one string
is valid in each format we print it in:

- HTML `<time datetime>` and other date attributes: a "valid global date and
  time string" allows at most three digits of a fraction of a second, so the
  microseconds `timezone.now()` carries (and `|date:'c'` prints) are invalid;
- JSON-LD (schema.org Date and DateTime): ISO 8601;
- sitemaps: W3C Datetime (a date, or a time with seconds and an offset).

RSS dates are RFC 822 and come from Django's feed generator, which formats them
itself from the datetime objects.
"""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format, get_format
from django.utils.translation import gettext as _

WEEKDAY = "l "


def _zone_key(zone):
    return getattr(zone, "key", None) or str(zone)


def zone_label(zone):
    """A time zone as people say it: "New York time", "London time", "UTC"
    (from a ZoneInfo or an IANA name)."""
    key = _zone_key(zone)
    if "/" not in key:
        return key
    city = key.rsplit("/", 1)[1].replace("_", " ")
    return _("%(city)s time") % {"city": city}


def zone_choice_label(name):
    """An IANA name as an option of a time-zone list (sorted by region):
    "America – New York"."""
    if "/" not in name:
        return name
    region, city = name.rsplit("/", 1)
    return f"{region.replace('_', ' ').replace('/', ', ')} – {city.replace('_', ' ')}"


def format_day(moment, zone=None, *, weekday=True):
    """The day of `moment` in `zone` (the current zone if None): "Wednesday 2 December 2026"."""
    local = timezone.localtime(moment, zone) if isinstance(moment, datetime.datetime) else moment
    return date_format(local, (WEEKDAY if weekday else "") + get_format("DATE_FORMAT"))


def format_time(moment, zone=None):
    """The wall-clock time of `moment` in `zone`: "14:30"."""
    return date_format(timezone.localtime(moment, zone), get_format("TIME_FORMAT"))


def format_when(moment, zone, *, with_zone=True):
    """An appointment: "Wednesday 2 December 2026, 14:30 (New York time)"."""
    text = f"{format_day(moment, zone)}, {format_time(moment, zone)}"
    return f"{text} ({zone_label(zone)})" if with_zone else text


def machine_datetime(value, precision="seconds"):
    """ISO 8601 for a date or datetime, without fractions of a second; "" for
    None. Aware datetimes are shown in the current time zone (as the
    human-readable date beside them is), naive ones are taken to be in it.
    precision="date" gives the day only, for a datetime shown as a date."""
    if value is None or value == "":
        return ""
    if precision not in ("seconds", "date"):
        raise ValueError(f"machine_datetime() precision is 'seconds' or 'date', not {precision!r}")
    if isinstance(value, datetime.datetime):
        if settings.USE_TZ:
            value = timezone.localtime(value) if timezone.is_aware(value) else timezone.make_aware(value)
        if precision == "date":
            return value.date().isoformat()
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"machine_datetime() takes a date or a datetime, not {type(value).__name__}")
