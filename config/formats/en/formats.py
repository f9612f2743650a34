"""The site's one date style (FORMAT_MODULE_PATH): "2 December 2026", "14:30",
and a time with its zone ("2 December 2026, 14:30 UTC"). Formats not named
here fall back to Django's English ones (input formats included).
Appointments add the weekday and a human zone label: core.dates.format_when."""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i T"
SHORT_DATE_FORMAT = "j F Y"
SHORT_DATETIME_FORMAT = "j F Y, H:i T"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
