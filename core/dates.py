"""Machine-readable dates and times: the one helper behind every date the site
prints for programs rather than people.

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
