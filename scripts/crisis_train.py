"""Train the crisis detector's model and ship its weights.

    .venv/bin/python scripts/crisis_train.py

Trains core/crisis/model.py on the shipped corpus (core/crisis/corpus/) and
writes core/crisis/weights.json with a digest of what it was trained from.
Run it after changing the corpus, the concept lexicon or the detector's code:
tests/core/test_crisis_detector.py fails while the shipped weights are stale,
and until then every process trains on first use instead.
"""

import os
import sys
import time

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from core import crisis  # noqa: E402
from core.crisis import model  # noqa: E402


def main():
    started = time.process_time()
    weights = model.write_weights(crisis._read_text)
    print(  # noqa: T201
        f"{len(weights) - 1} weights from {len(model.training_set())} texts in "
        f"{time.process_time() - started:.1f} s CPU, written to {model.WEIGHTS.relative_to(os.getcwd())}"
    )


if __name__ == "__main__":
    main()
