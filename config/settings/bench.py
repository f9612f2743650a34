"""`make bench` (scripts/bench.py): the production settings with one more
URL, a plain view answering "ok" that every page is measured against. The
view lives in config/bench_urls.py, which only these settings route to;
production's URLconf never has it."""

from .production import *  # noqa: F403

ROOT_URLCONF = "config.bench_urls"
