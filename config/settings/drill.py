"""`make load` and `make drill` (scripts/load.py): the production settings
with the per-member limits raised, so 20 members writing for a minute are
measured rather than stopped, and e-mail written to a folder the drill counts.

Raised, not removed: every limit still runs its code path (the counters in
Redis, the row locks, the duplicate checks); only the numbers are larger.
Login limits are left as they are (the load logs in once per member with the
right password, which no limit counts). Nothing here is for a real site."""

import os

from .production import *  # noqa: F403

QA_QUESTIONS_PER_DAY = 10_000
COMMENTS_RATE_LIMIT_PER_HOUR = 10_000
MESSAGING_MESSAGES_PER_HOUR = 10_000
MESSAGING_NEW_CONVERSATIONS_PER_DAY = 10_000
QA_SIMILAR_PER_MINUTE = 10_000
SEARCH_SUGGESTIONS_PER_MINUTE = 10_000

# One file per connection in DRILL_OUTBOX; the drill reads the Message-ID of
# each e-mail back (core.mail makes it from the task's key).
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["DRILL_OUTBOX"]
