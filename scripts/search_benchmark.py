"""Search latency at the issue's volume and at 1/50 of it, on PostgreSQL.

    scripts/with-postgres.sh .venv/bin/python scripts/search_benchmark.py [--fraction 1]

Migrates an empty database, seeds 1/50 of 50,000 questions, 150,000 answers,
1,000 articles and 2,000 specialists (written text from a fixed vocabulary,
fixed random seed), copies it to a second database and tops that one up to
the full volume. Then measures /search/ and /search/suggest/ for a fixed list
of queries on both, taking turns query by query (small, large, small...), so
a machine that gets busier or quieter during the run slows both sizes alike.
Prints latency percentiles (wall clock, in-process Django client, warm
cache) for each size and the ratio large / small. `--fraction 0.1` seeds a
tenth of the full volume as the large size (for a quick look); `--rounds 3`
measures three times on the same databases and prints each round, so the
spread on a shared machine costs one seeding, not three.
"""

import argparse
import os
import random
import statistics
import sys
import time


def out(line=""):
    sys.stdout.write(f"{line}\n")
    sys.stdout.flush()


sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402
import django.conf  # noqa: E402
import django.utils.timezone  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

FULL = {"questions": 50_000, "answers": 150_000, "articles": 1_000, "specialists": 2_000}
SMALL_SHARE = 50
QUERIES = [
    "can't sleep",
    "partner cheated",
    "anxiety",
    "panic attacks at work",
    "grief after losing my mother",
    "teenager not talking",
    "burnout",
    "couples therapy",
    "intrusive thoughts",
    "loneliness",
    "insomnia worry",
    "trauma",
]
SUGGEST = ["anx", "sle", "par", "gri", "pan", "bur"]
REPEAT = 5


# Words people write about, at realistic frequencies (the first ones often),
# and filler that makes up most of any text.
def _words(text):
    return text.split()


THEMES = _words(
    "sleep anxiety partner worry panic work grief mother father child teenager relationship cheated trust "
    "burnout tired stress lonely loneliness trauma therapy couples insomnia intrusive thoughts anger breakup "
    "divorce school exams friends family depression mood motivation appetite racing heart breathing attacks "
    "colleague boss night morning weekend holiday memories nightmares guilt shame confidence talking"
)
FILLER = _words(
    "the a and of to in it is that for on with as was at by this have from or be are but not you all "
    "when there can what so up out if about who get which go me make like time no just him know take people "
    "into year your good some could them see other than then now look only come its over think also back after "
    "use two how our first well way even new want because any these give day most us really feel always never "
    "sometimes often week month help hard better again still start keep stop try find lot bit much since"
)


def sentence(rng, words):
    chosen = []
    for _ in range(words):
        if rng.random() < 0.12:
            chosen.append(THEMES[min(int(rng.paretovariate(1.2)) - 1, len(THEMES) - 1)])
        else:
            chosen.append(rng.choice(FILLER))
    return " ".join(chosen).capitalize() + "."


def paragraph(rng, sentences):
    return " ".join(sentence(rng, rng.randint(8, 18)) for _ in range(sentences))


def add_pages(parent, pages):
    """Live children of `parent` (treebeard's add_child takes about a second a
    page on a busy machine): tree paths numbered after the existing children."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    if not pages:
        return []
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    parent.refresh_from_db()
    last = parent.get_children().order_by("-path").values_list("path", flat=True).first()
    step = int(last[-Page.steplen :], 36) if last else 0
    for n, page in enumerate(pages, start=step + 1):
        page.path = Page._get_path(parent.path, parent.depth + 1, n)
        page.depth = parent.depth + 1
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.live = True
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.first_published_at = page.last_published_at = django.utils.timezone.now()
        # The page's rows without treebeard's per-page queries; post_save
        # still indexes it (the immediate task backend of the test settings).
        page.save_base()
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    return pages


def seed(counts, offset, rng):
    """Add counts[kind] objects of each kind (numbered from offset[kind])."""
    from accounts.models import User
    from articles.models import ArticleIndexPage, ArticlePage
    from core.models import Topic
    from home.models import HomePage
    from qa.models import Answer, Question
    from specialists.models import SpecialistIndexPage, SpecialistPage

    home = HomePage.objects.get(depth=2)
    topics = list(Topic.objects.all())
    if not topics:
        topics = [Topic.objects.create(name=name.title(), slug=name) for name in ("anxiety", "sleep", "grief")]
    directory = SpecialistIndexPage.objects.first() or home.add_child(
        instance=SpecialistIndexPage(title="Specialists", slug="specialists")
    )
    article_index = ArticleIndexPage.objects.first() or home.add_child(
        instance=ArticleIndexPage(title="Articles", slug="articles")
    )
    authors = add_pages(
        directory,
        [
            SpecialistPage(
                title=f"Dr {rng.choice(FILLER).title()} {rng.choice(THEMES).title()} {n}",
                slug=f"specialist-{n}",
                professional_title=rng.choice(["Family psychologist", "Counsellor", "Clinical psychologist"]),
                short_bio=paragraph(rng, 2),
                location=rng.choice(["Leeds", "Porto", "Online", "Bristol"]),
                verified_at=django.utils.timezone.now(),
            )
            for n in range(offset["specialists"], offset["specialists"] + counts["specialists"])
        ],
    )
    authors = authors or list(SpecialistPage.objects.all()[:50])
    add_pages(
        article_index,
        [
            ArticlePage(
                title=sentence(rng, 6)[:-1],
                slug=f"article-{n}",
                summary=sentence(rng, 20),
                body=[("paragraph", f"<p>{paragraph(rng, 6)}</p>") for _ in range(5)],
                author=rng.choice(authors),
            )
            for n in range(offset["articles"], offset["articles"] + counts["articles"])
        ],
    )
    askers = list(User.objects.filter(email__startswith="bench-asker")[:200])
    if not askers:
        askers = User.objects.bulk_create(
            [User(email=f"bench-asker{n}@example.com", display_name=f"Asker {n}") for n in range(200)]
        )
    answerer = User.objects.filter(email="bench-specialist@example.com").first() or User.objects.create(
        email="bench-specialist@example.com", display_name="Specialist"
    )
    questions = [
        Question(
            author=rng.choice(askers),
            title=sentence(rng, rng.randint(6, 12))[:150],
            slug=f"question-{n}",
            body=paragraph(rng, 3),
            topic=rng.choice(topics),
            anonymous=rng.random() < 0.5,
            status="published",
            published_at=django.utils.timezone.now(),
        )
        for n in range(offset["questions"], offset["questions"] + counts["questions"])
    ]
    questions = Question.objects.bulk_create(questions, batch_size=2000)
    per_question = counts["answers"] // max(1, counts["questions"])
    answers = [
        Answer(question=q, author=answerer, body=paragraph(rng, 2), status="published")
        for q in questions
        for _ in range(per_question)
    ]
    # One answer per specialist and question: each answer has its own author.
    authors_for_answers = User.objects.bulk_create(
        [
            User(email=f"bench-answerer-{offset['answers']}-{n}@example.com", display_name="A")
            for n in range(per_question)
        ]
    )
    for i, answer in enumerate(answers):
        answer.author = authors_for_answers[i % per_question]
    Answer.objects.bulk_create(answers, batch_size=5000)
    Question.objects.filter(pk__gte=questions[0].pk if questions else 0).update(answer_count=per_question)
    # The new questions' index entries, in chunks, as update_index would write them.
    backend = get_search_backend()
    index = backend.get_index_for_model(Question)
    new = Question.get_indexed_objects().filter(pk__in=[q.pk for q in questions]).order_by("pk")
    for start in range(0, len(questions), 1000):
        index.add_items(Question, list(new[start : start + 1000]))


def use_database(name):
    """Point the default connection at database `name` (the next query connects)."""
    connection.close()
    connection.settings_dict["NAME"] = name


def timed(client, path, query, timings):
    client.get(path, {"q": query})  # warm
    for _ in range(REPEAT):
        started = time.perf_counter()
        response = client.get(path, {"q": query})
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{response.status_code} for a benchmark query")


def measure(databases):
    """{database: {"search": percentiles, "suggest": percentiles}}, the sizes
    taking turns for every query."""
    client = Client()
    timings = {name: {"search": [], "suggest": []} for name in databases}
    for name in databases:
        use_database(name)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    for kind, path, queries in (("search", "/search/", QUERIES), ("suggest", "/search/suggest/", SUGGEST)):
        for query in queries:
            for name in databases:
                use_database(name)
                timed(client, path, query, timings[name][kind])
    return {name: {kind: percentiles(values) for kind, values in kinds.items()} for name, kinds in timings.items()}


def percentiles(values):
    values = sorted(values)
    q = statistics.quantiles(values, n=100, method="inclusive")
    return {"p50": q[49], "p90": q[89], "p99": q[98], "n": len(values)}


def counts_now():
    from articles.models import ArticlePage
    from qa.models import Answer, Question
    from specialists.models import SpecialistPage

    return {
        "questions": Question.objects.count(),
        "answers": Answer.objects.count(),
        "articles": ArticlePage.objects.count(),
        "specialists": SpecialistPage.objects.count(),
    }


def report(label, result, counts):
    sizes = ", ".join(f"{value:,} {name}" for name, value in counts.items())
    out(f"\n{label}: {sizes}")
    for kind in ("search", "suggest"):
        figures = result[kind]
        out(
            f"  {kind:8} p50 {figures['p50']:7.1f} ms   p90 {figures['p90']:7.1f} ms   "
            f"p99 {figures['p99']:7.1f} ms   ({figures['n']} requests)"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fraction", type=float, default=1.0, help="share of the full volume for the large size")
    parser.add_argument("--rounds", type=int, default=1, help="measurements of the same databases, each printed")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("The benchmark measures PostgreSQL: run it under scripts/with-postgres.sh.")
    django.conf.settings.SEARCH_SUGGESTIONS_PER_MINUTE = 1_000_000  # measuring, not limiting
    call_command("migrate", verbosity=0, interactive=False)
    rng = random.Random(20260101)  # noqa: S311 - made-up text, not secrets
    large = {kind: int(value * args.fraction) for kind, value in FULL.items()}
    small = {kind: value // SMALL_SHARE for kind, value in FULL.items()}
    started = time.perf_counter()
    with transaction.atomic():
        seed(small, dict.fromkeys(FULL, 0), rng)
    out(f"seeded the small size in {time.perf_counter() - started:.0f} s")
    small_db = connection.settings_dict["NAME"]
    large_db = f"{small_db}_large"
    use_database("postgres")  # the copy needs nobody connected to its source
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{large_db}"')
        cursor.execute(f'CREATE DATABASE "{large_db}" TEMPLATE "{small_db}"')
    use_database(large_db)
    started = time.perf_counter()
    rest = {kind: max(0, large[kind] - small[kind]) for kind in FULL}
    with transaction.atomic():
        seed(rest, small, rng)
    out(f"seeded the large size in {time.perf_counter() - started:.0f} s")
    counts = {}
    for name in (small_db, large_db):
        use_database(name)
        counts[name] = counts_now()
    for round_number in range(1, args.rounds + 1):
        load = os.getloadavg()[0]
        results = measure([small_db, large_db])
        out(f"\nround {round_number} of {args.rounds} (load average {load:.1f} before, {os.getloadavg()[0]:.1f} after)")
        report("small (1/50)", results[small_db], counts[small_db])
        report("large", results[large_db], counts[large_db])
        out()
        for kind in ("search", "suggest"):
            ratios = {p: results[large_db][kind][p] / results[small_db][kind][p] for p in ("p50", "p90", "p99")}
            out(f"  {kind:8} large / small: " + "   ".join(f"{p} {r:.2f}x" for p, r in ratios.items()))


if __name__ == "__main__":
    main()
