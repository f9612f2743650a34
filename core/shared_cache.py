"""The shared cache (Redis in production) going away, and coming back
(README "Redis going away").

`RedisCache` is django-redis's backend that, when Redis does not answer,
behaves as an empty cache that keeps nothing: a read finds nothing, a write
keeps nothing, `add` adds nothing, `incr` finds no counter. It logs the
failure and does not ask Redis again for RETRY_SECONDS in this process (a
Redis that hangs costs one timeout a second, not one per use); after that
the next use asks again, and django-redis reconnects by itself. So every
use of the cache, ours and the libraries' (Wagtail's site root paths,
allauth's limits and used TOTP codes, django-ratelimit), goes on as each
was written to go on without a kept value:

- reading goes on: the page cache misses and renders, keeping nothing;
  Wagtail and the questions page look up what they kept; the crisis lexicon
  is read from the database for each check (`answering()` is false).
- counters refuse: allauth's limits cannot take their lock (`add`) and
  answer "limited"; django-ratelimit cannot count (RATELIMIT_FAIL_OPEN is
  off) and answers "limited"; a used TOTP code cannot be recorded and is
  refused. The writes behind them are refused politely, with what was typed
  kept and a 503: logins, sign-ups and password resets on their forms
  (accounts.views), messages on theirs (messaging.services raises
  `Unavailable`), the rest through core.views.too_many_requests.
- the read-only look-ups (similar questions, search suggestions) say so and
  go on uncounted when `answering()` is false.

What a process could not forget while Redis was away (a page generation to
move on, an address it kept) is forgotten the first time Redis answers it
again, before anything else is read (`after_outage`), so a Redis that comes
back with its old keys does not serve what changed meanwhile.
"""

import functools
import logging
import time

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from django_redis.cache import RedisCache as DjangoRedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .guards import MemberError

# What a Redis that cannot be reached raises: django-redis re-raises redis-py's
# connection and timeout errors (ConnectionInterrupted only when wrapped); a
# socket timeout is the built-in TimeoutError.
UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, ConnectionInterrupted, TimeoutError)
RETRY_SECONDS = 1
RETRY_AFTER_SECONDS = 60
PROBE_KEY = "shared-cache:probe"
REFUSAL = _(
    "We cannot accept this right now: a part of the site that keeps count of attempts is not answering. "
    "Nothing was saved and what you typed is kept here. Please try again in a minute."
)

logger = logging.getLogger(__name__)
_after_outage = []


class Unavailable(MemberError):
    """A write whose limit is counted in the shared cache, refused because the
    cache does not answer (a service raises it; the view shows it on the form
    and answers with `refused()`)."""

    message = REFUSAL


def is_unavailable(error):
    return isinstance(error, UNAVAILABLE)


def answering():
    """False within RETRY_SECONDS of the cache failing this process (no round
    trip; always true for a cache that is not RedisCache)."""
    backend = getattr(cache, "answering", None)
    return backend() if backend else True


def available():
    """Whether the cache answers now (one read), for a write that must not go
    ahead unless its limit is counted."""
    cache.get(PROBE_KEY)
    return answering()


def failed(error):
    """The cache failed a use that went round RedisCache (core.views)."""
    backend = getattr(cache, "failed", None)
    if backend:
        backend(error)


def after_outage(function):
    """Run `function` (it forgets or moves on something kept in the cache)
    the first time the cache answers this process after failing it."""
    _after_outage.append(function)
    return function


def refused(response):
    """`response` (a form shown again with REFUSAL, or a page saying so) as a
    refusal: 503 with Retry-After, never stored."""
    response.status_code = 503
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


# The backend -----------------------------------------------------------------


def _not_found(key, *args, **kwargs):
    raise ValueError(f"Key {key!r} not found.")


_WHEN_SILENT = {
    "get": lambda key, default=None, *args, **kwargs: default,
    "get_many": lambda *args, **kwargs: {},
    "has_key": lambda *args, **kwargs: False,
    "set": lambda *args, **kwargs: False,
    "set_many": lambda data, *args, **kwargs: list(data),  # every key failed
    "add": lambda *args, **kwargs: False,
    "touch": lambda *args, **kwargs: False,
    "delete": lambda *args, **kwargs: False,
    "delete_many": lambda *args, **kwargs: 0,
    "incr": _not_found,
    "decr": _not_found,
    "clear": lambda *args, **kwargs: None,
}


def _silent_tolerant(name, when_silent):
    method = getattr(DjangoRedisCache, name)

    @functools.wraps(method)
    def tolerant(self, *args, **kwargs):
        if not self.answering() or not self._recover():
            return when_silent(*args, **kwargs)
        try:
            return method(self, *args, **kwargs)
        except UNAVAILABLE as error:
            self.failed(error)
            return when_silent(*args, **kwargs)

    return tolerant


class RedisCache(DjangoRedisCache):
    """django-redis's cache, as an empty cache that keeps nothing while Redis
    does not answer (see the module's docstring). Django makes one per thread,
    so each thread waits its own second."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._quiet_until = 0.0
        self._outage_seen = False

    def answering(self):
        return self._quiet_until <= time.monotonic()

    def failed(self, error):
        """Redis did not answer: do not ask it again for RETRY_SECONDS."""
        if self.answering():
            logger.warning("Shared cache unavailable: %s", error)
        self._quiet_until = time.monotonic() + RETRY_SECONDS
        self._outage_seen = True

    def _recover(self):
        """Redis may answer again after an outage this process saw: forget
        what may have changed meanwhile (after_outage). False when it still
        does not answer."""
        if not self._outage_seen:
            return True
        self._outage_seen = False
        for function in _after_outage:
            function()  # through this cache: a failure marks the outage again
            if not self.answering():
                return False
        logger.warning("Shared cache answers again")
        return True


for _name, _when_silent in _WHEN_SILENT.items():
    setattr(RedisCache, _name, _silent_tolerant(_name, _when_silent))
