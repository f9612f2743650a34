"""The article page's kept parts (core.fragments): a page rendered afresh
takes its head, its article, its related cards and, for readers not logged
in, its comment list from the shared cache, and still shows every change a
reader could see at once: a publish, an edit of an image or a person it
shows, a comment posted, approved or removed. Nothing one member sees goes
into what another gets. The page cache is off here, as in every test."""

import pytest
from django.test import Client

from articles import services as article_services
from articles.factories import ArticlePageFactory
from tests.articles.test_comments import make_comment

pytestmark = pytest.mark.django_db

# With every part kept, a reader's article asks the database only for the
# page itself (routing: the path, then the page as its own type).
KEPT_QUERIES = 2


def read(url, client=None):
    response = (client or Client()).get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def kept_article(an_article, django_assert_max_num_queries):
    """`an_article`, read once so its parts are kept, and read again from them."""
    first = read(an_article.url)
    read(an_article.url)
    with django_assert_max_num_queries(KEPT_QUERIES):
        again = read(an_article.url)
    assert again == first
    return an_article


def test_a_reader_gets_the_kept_article_byte_for_byte(an_article, django_assert_max_num_queries):
    first = read(an_article.url)
    assert an_article.title in first
    read(an_article.url)  # the site's own entries (core.site_cache) are kept by now
    with django_assert_max_num_queries(KEPT_QUERIES):
        assert read(an_article.url) == first


def test_publishing_an_edit_shows_it(kept_article):
    kept_article.title = "A calmer title"
    kept_article.body = [("paragraph", "<p>Rewritten after the review.</p>")]
    kept_article.save_revision().publish()
    html = read(kept_article.url)
    assert "A calmer title" in html
    assert "Rewritten after the review." in html


def test_editing_the_hero_image_shows_it(kept_article, make_image):
    image = make_image(description="A quiet lake at dawn")
    kept_article.hero_image = image
    kept_article.save_revision().publish()
    assert 'alt="A quiet lake at dawn"' in read(kept_article.url)
    image.description = "A lake under low cloud"
    image.save()
    html = read(kept_article.url)
    assert 'alt="A lake under low cloud"' in html
    assert "A quiet lake at dawn" not in html


def test_editing_the_author_and_the_reviewer_shows_it(kept_article, specialist_index):
    from specialists.factories import SpecialistPageFactory

    reviewer = SpecialistPageFactory(parent=specialist_index, title="Dr Noor Patel")
    kept_article.reviewer = reviewer
    kept_article.reviewed_on = kept_article.published_date
    kept_article.save_revision().publish()
    assert "Dr Noor Patel" in read(kept_article.url)
    read(kept_article.url)

    author = kept_article.author
    author.title = "Dr Ada Moss-Hale"
    author.short_bio = "Works with families after a move abroad."
    author.save_revision().publish()
    reviewer.title = "Dr Noor Patel-Reyes"
    reviewer.save_revision().publish()
    html = read(kept_article.url)
    assert "Dr Ada Moss-Hale" in html
    assert "Works with families after a move abroad." in html
    assert "Dr Noor Patel-Reyes" in html


def test_a_new_related_article_shows_in_the_cards(kept_article, article_index, a_topic):
    ArticlePageFactory(
        parent=article_index, author=kept_article.author, title="Arguing less at the dinner table", topics=[a_topic]
    )
    assert "Arguing less at the dinner table" in read(kept_article.url)


def test_comments_posted_approved_and_removed_show_to_readers(kept_article, a_member, a_moderator):
    comment = article_services.comment_post(article=kept_article, user=a_member, text="Reading this helped tonight.")
    assert "Reading this helped tonight." not in read(kept_article.url)  # held for a moderator
    article_services.comment_approve(comment=comment, by=a_moderator)
    assert "Reading this helped tonight." in read(kept_article.url)
    article_services.comment_remove(comment=comment, by=a_moderator, reason="Names a third person")
    assert "Reading this helped tonight." not in read(kept_article.url)


def test_a_commenter_renamed_shows_their_new_name(kept_article, a_member):
    make_comment(kept_article, a_member, "Thank you for the steps.")
    assert "Rowan" in read(kept_article.url)
    a_member.display_name = "Rowan B."
    a_member.save()
    assert "Rowan B." in read(kept_article.url)


def test_a_members_own_held_comment_and_form_stay_theirs(kept_article, a_member, another_member):
    make_comment(kept_article, a_member, "Still waiting for a moderator.", is_public=False)
    member = Client()
    member.force_login(a_member)
    own = read(kept_article.url, member)
    assert "Still waiting for a moderator." in own
    assert "csrfmiddlewaretoken" in own

    other = Client()
    other.force_login(another_member)
    theirs = read(kept_article.url, other)
    assert "Still waiting for a moderator." not in theirs
    assert "Sasha" in theirs and "Rowan" not in theirs
    token = theirs.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    assert token not in own

    reader = read(kept_article.url)
    assert "Still waiting for a moderator." not in reader
    assert "csrfmiddlewaretoken" not in reader
    assert "Rowan" not in reader and "Sasha" not in reader


def test_a_preview_shows_unsaved_changes_and_keeps_nothing(kept_article):
    kept_article.title = "A title still in draft"
    preview = kept_article.make_preview_request()
    assert "A title still in draft" in preview.content.decode()
    kept_article.refresh_from_db()
    assert "A title still in draft" not in read(kept_article.url)
