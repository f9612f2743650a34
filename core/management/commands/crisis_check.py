"""Test the crisis detector: texts on standard input, one per line; for each,
`urgent<TAB><what matched>` or `ok` on standard output.

    printf 'I want to end my life\nthis traffic is killing me\n' | ./manage.py crisis_check
"""

import sys

from django.core.management.base import BaseCommand

from core.crisis import crisis_check


class Command(BaseCommand):
    stealth_options = ("stdin",)
    help = "Read texts (one per line) from standard input; print `urgent<TAB><what matched>` or `ok` for each."

    def add_arguments(self, parser):
        parser.add_argument(
            "--builtin-only", action="store_true", help="Leave out the editors' lexicon (built-in rules only)."
        )

    def handle(self, *args, **options):
        stdin = options.get("stdin") or sys.stdin
        for line in stdin:
            text = line.rstrip("\n")
            match = crisis_check(text, editor_lexicon=not options["builtin_only"]) if text.strip() else None
            if match is None:
                self.stdout.write("ok")
            else:
                what = " ".join(str(match.summary).split())
                self.stdout.write(f"urgent\t{what}")
