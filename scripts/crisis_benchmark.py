"""Figures for the crisis detector on two files of texts, one per line.

    .venv/bin/python scripts/crisis_benchmark.py CRISIS_FILE ORDINARY_FILE

Prints only the figures (share of cries for help flagged, share of ordinary
texts flagged, CPU microseconds per text, so other work on the machine does
not count), never the texts, so a batch nobody has read yet can be measured
before anyone reads it. Lines starting with "#" and blank lines are skipped.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from core.crisis import crisis_check  # noqa: E402


def lines(path):
    text = Path(path).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def main(crisis_path, ordinary_path):
    cries, ordinary = lines(crisis_path), lines(ordinary_path)
    crisis_check("warm up", editor_lexicon=False)
    started = time.process_time()
    caught = sum(crisis_check(text, editor_lexicon=False) is not None for text in cries)
    alarms = sum(crisis_check(text, editor_lexicon=False) is not None for text in ordinary)
    per_text = (time.process_time() - started) / max(1, len(cries) + len(ordinary))
    print(  # noqa: T201
        f"recall {caught}/{len(cries)} = {caught / len(cries):.1%}; "
        f"false alarms {alarms}/{len(ordinary)} = {alarms / len(ordinary):.1%}; "
        f"{per_text * 1e6:.0f} µs per text"
    )


if __name__ == "__main__":
    main(*sys.argv[1:3])
