"""Links come from the page tree and the URL configuration (pageurl,
routablepageurl, url), never from literal paths; the main menu is the tree's."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from home.models import StandardPage
from specialists.factories import SpecialistPageFactory

# href="/...", action="/..." and src="/..." written into a template.
LITERAL_PATH = re.compile(r"""\b(?:href|action|src)\s*=\s*["']/""")


def test_no_template_writes_a_literal_path():
    offenders = [
        f"{path.relative_to(settings.BASE_DIR)}:{number}: {line.strip()}"
        for path in sorted(Path(settings.BASE_DIR, "templates").rglob("*"))
        if path.is_file()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if LITERAL_PATH.search(line)
    ]
    assert offenders == [], "Build these links with pageurl, routablepageurl or url:\n" + "\n".join(offenders)


def test_the_grep_finds_a_literal_path():
    assert LITERAL_PATH.search('<a class="x" href="/articles/">')
    assert LITERAL_PATH.search("<form action='/search/'>")
    assert not LITERAL_PATH.search("<a href=\"{% url 'search' %}\">")


def menu(client, url="/"):
    html = BeautifulSoup(client.get(url).content, "html.parser")
    return [(a.get_text(), a["href"], a.get("aria-current")) for a in html.select(".site-nav a")]


@pytest.mark.django_db
def test_menu_lists_the_sections_editors_show_in_menus_in_tree_order(client, article_index, specialist_index):
    home = article_index.get_parent()
    home.add_child(instance=StandardPage(title="About us", slug="about", show_in_menus=True))
    home.add_child(instance=StandardPage(title="Hidden", slug="hidden", show_in_menus=False))
    texts = [(text, href) for text, href, _current in menu(client)]
    assert ("Articles", "/articles/") in texts
    assert ("Specialists", "/specialists/") in texts
    assert ("About us", "/about/") in texts
    assert "Hidden" not in [text for text, _href in texts]
    # Tree order: the order editors give the pages in the admin.
    assert [text for text, _href in texts].index("Articles") < [text for text, _href in texts].index("About us")


@pytest.mark.django_db
def test_menu_marks_the_section_of_the_page_as_current(client, an_article, specialist_index, a_member):
    current = {text: current for text, _href, current in menu(client, an_article.url)}
    assert current["Articles"] == "page"
    assert current["Specialists"] is None
    # A route the directory serves belongs to the directory, its login prompt included.
    current = {text: current for text, _href, current in menu(client, "/specialists/join/")}
    assert current["Specialists"] == "page"
    # The consultation routes' login prompts too: the dashboard's and a landing page's.
    for route in ("me/availability/", "me/requests/"):
        current = {text: current for text, _href, current in menu(client, f"/specialists/{route}")}
        assert current["Specialists"] == "page", route
    landing = SpecialistPageFactory(parent=specialist_index, title="Dr Ada Moss", slug="ada-moss")
    current = {text: current for text, _href, current in menu(client, landing.url + "consultation/")}
    assert current["Specialists"] == "page"
    client.force_login(a_member)
    current = {text: current for text, _href, current in menu(client, "/specialists/join/")}
    assert current["Specialists"] == "page"
    assert current["Articles"] is None
    # A page outside every section marks nothing.
    assert all(current is None for _text, _href, current in menu(client, "/search/?q=sleep"))


@pytest.mark.django_db
def test_menu_follows_a_section_editors_rename_and_move(client, article_index):
    article_index.title = "Expert articles"
    article_index.slug = "reading"
    article_index.save_revision().publish()
    assert ("Expert articles", "/reading/", None) in menu(client)


@pytest.mark.django_db
def test_the_questions_page_and_its_routes_are_one_section(client, a_member, an_article):
    """Asking, a question's page and the member actions are served by the
    questions page: the menu marks it, and they move with it."""
    from qa.models import Question, QuestionIndexPage

    question = Question.objects.create(
        author=a_member, title="Waking at four every night", body="Body " * 10, status=Question.Status.PUBLISHED
    )
    client.force_login(a_member)
    for url in ("/questions/", "/questions/ask/?title=sleep", question.get_absolute_url(), "/questions/mine/"):
        current = {text: current for text, _href, current in menu(client, url)}
        assert current["Questions"] == "page", url
        assert current["Articles"] is None, url
    index = QuestionIndexPage.objects.get()
    index.slug = "community"
    index.save_revision().publish()
    question.refresh_from_db()
    assert question.get_absolute_url() == f"/community/{question.pk}/{question.slug}/"
    assert client.get(question.get_absolute_url()).status_code == 200
    assert client.get("/community/ask/").status_code == 200
    assert client.get(f"/questions/{question.pk}/{question.slug}/").status_code == 404
