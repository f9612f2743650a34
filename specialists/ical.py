"""The calendar invitation (.ics, RFC 5545) of a confirmed free consultation,
and its cancellation. Written here (a dozen properties) rather than with a
library; tests/specialists/test_consultation_emails.py parses it back with
the `icalendar` package.

Times are UTC (the "Z" form), so every calendar shows them in its owner's
zone. The UID is the request's id, so a cancellation (METHOD:CANCEL, a
higher SEQUENCE) replaces the invitation in the calendar that holds it. No
names or note: the summary is the site's, the description a link."""

from datetime import UTC

from django.utils import timezone

__all__ = ["consultation_calendar"]

PRODUCT_ID = "-//Steady Ground//Free consultation//EN"
UID_DOMAIN = "steady-ground.consultations"


def _escape(text):
    """A TEXT value: backslash, semicolon, comma and line breaks escaped."""
    text = str(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n")


def _stamp(moment):
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _fold(line):
    """Lines longer than 75 octets are folded (CRLF and a space), never
    inside a UTF-8 character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = 75 if not parts else 74  # continuation lines start with a space
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def consultation_calendar(*, request, summary, description, location, url, cancel=False, now=None):
    """The .ics file (bytes) for `request`'s meeting: an invitation
    (METHOD:REQUEST) or, with `cancel`, its cancellation."""
    now = now or timezone.now()
    method = "CANCEL" if cancel else "REQUEST"
    sequence = request.sequence + (1 if cancel else 0)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        f"METHOD:{method}",
        "BEGIN:VEVENT",
        f"UID:{request.pk}@{UID_DOMAIN}",
        f"DTSTAMP:{_stamp(now)}",
        f"DTSTART:{_stamp(request.slot_start)}",
        f"DTEND:{_stamp(request.slot_end)}",
        f"SEQUENCE:{sequence}",
        f"STATUS:{'CANCELLED' if cancel else 'CONFIRMED'}",
        f"SUMMARY:{_escape(summary)}",
        f"DESCRIPTION:{_escape(description)}",
        f"LOCATION:{_escape(location)}",
        f"URL:{url}",
        "TRANSP:OPAQUE",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return ("\r\n".join(_fold(line) for line in lines) + "\r\n").encode("utf-8")
