"""What the site relies on in django-comments-xtd (and django_comments under
it), pinned: an upgrade that changes any of it fails here first, with the
place in articles/comments.py that depends on it named in the test.

Also: the libraries' own templates are off the search path, and every comment
template of ours is one the site renders."""

import re
from pathlib import Path

import django_comments
import django_comments_xtd
import pytest
from django.conf import settings
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django_comments.forms import CommentSecurityForm
from django_comments_xtd.models import MaxThreadLevelExceededException, XtdComment

from articles import comments

pytestmark = pytest.mark.django_db

TEMPLATES = settings.BASE_DIR / "templates"
OUR_COMMENT_TEMPLATE_FOLDERS = ("comments", "django_comments_xtd", "includes/django_comments_xtd")


def new_comment(article, user, text="A thought.", parent=None):
    return comments.comment_row_create(article=article, user=user, text=text, parent=parent, is_public=True)


def fresh(comment):
    return XtdComment.norel_objects.get(pk=comment.pk)


# Threads: numbering and counters (comment_row_create, comment_row_delete) ---------


def test_a_new_comment_starts_a_thread_and_is_its_own_parent(an_article, a_member):
    root = fresh(new_comment(an_article, a_member))

    assert (root.thread_id, root.parent_id, root.level, root.order) == (root.pk, root.pk, 0, 1)
    assert root.user_email == "" and root.user_url == "" and root.ip_address is None


def test_a_reply_is_numbered_into_its_thread_and_counted_above(an_article, a_member):
    root = new_comment(an_article, a_member)
    first = fresh(new_comment(an_article, a_member, "First reply.", parent=root))
    second = fresh(new_comment(an_article, a_member, "Second reply.", parent=root))

    assert (first.thread_id, first.parent_id, first.level, first.order) == (root.pk, root.pk, 1, 2)
    assert (second.level, second.order) == (1, 3)
    assert fresh(root).nested_count == 2


def test_the_library_refuses_a_reply_deeper_than_the_thread_level(an_article, a_member):
    # COMMENTS_XTD_MAX_THREAD_LEVEL = 1: comment_parent_is_open keeps replies to replies out first.
    root = new_comment(an_article, a_member)
    reply = new_comment(an_article, a_member, "Reply.", parent=root)

    assert root.allow_thread() and not reply.allow_thread()
    assert comments.comment_parent_is_open(article=an_article, parent=reply) is False
    with pytest.raises(MaxThreadLevelExceededException):
        new_comment(an_article, a_member, "Too deep.", parent=reply)


def test_deleting_a_reply_leaves_the_counter_to_us(an_article, a_member):
    root = new_comment(an_article, a_member)
    reply = new_comment(an_article, a_member, "Reply.", parent=root)

    XtdComment.norel_objects.filter(pk=fresh(reply).pk).delete()
    assert fresh(root).nested_count == 1, "the library now uncounts deleted replies: drop ours"

    reply = new_comment(an_article, a_member, "Another reply.", parent=root)
    comments.comment_row_delete(comment=fresh(reply))
    assert fresh(root).nested_count == 1


# Saving a comment rewrites its replies (hence comment_row_update) ------------------


def test_saving_a_comment_copies_its_state_onto_its_replies(an_article, a_member, another_member):
    root = new_comment(an_article, a_member)
    held = new_comment(an_article, another_member, "Held reply.", parent=root)
    comments.comment_row_update(held, is_public=False)

    root = fresh(root)
    root.save()  # what comment_row_update avoids

    assert fresh(held).is_public is True, "save() no longer publishes replies: update() could become save()"


def test_comment_row_update_changes_that_row_only(an_article, a_member, another_member):
    root = new_comment(an_article, a_member)
    reply = new_comment(an_article, another_member, "Reply.", parent=root)

    comments.comment_row_update(root, is_public=False)

    assert fresh(root).is_public is False
    assert fresh(reply).is_public is True


# The form's security fields (ArticleCommentForm, the view's "open too long" path) --


def test_the_security_form_signs_the_target_and_expires(an_article, monkeypatch):
    form = CommentSecurityForm(an_article)
    data = {name: form[name].value() for name in ("content_type", "object_pk", "timestamp", "security_hash")}

    assert data["content_type"] == comments.ARTICLE_CONTENT_TYPE
    assert CommentSecurityForm(an_article, data=data).security_errors() == {}

    tampered = {**data, "object_pk": str(an_article.pk + 1)}
    assert "security_hash" in CommentSecurityForm(an_article, data=tampered).security_errors()

    old = {**data, "timestamp": str(int(data["timestamp"]) - 2 * 60 * 60 - 1)}
    old["security_hash"] = CommentSecurityForm(an_article).generate_security_hash(
        data["content_type"], data["object_pk"], old["timestamp"]
    )
    assert set(CommentSecurityForm(an_article, data=old).security_errors()) == {"timestamp"}


# Settings the site's comments depend on -------------------------------------------------


def test_flagging_follows_the_app_model_options(an_article):
    assert comments.flagging_allowed(an_article) is True


def test_comments_link_to_our_routes():
    comment = XtdComment(id=7, pk=7, content_type_id=1, object_pk="3")

    assert comment.get_reply_url() == "/comments/reply/7/"
    assert comment.get_absolute_url() == "/comments/cr/1/3/#c7"


# Templates -----------------------------------------------------------------------


def library_template_names():
    names = set()
    for package in (django_comments, django_comments_xtd):
        folder = Path(package.__file__).parent / "templates"
        names |= {str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file()}
    return sorted(names)


@pytest.mark.parametrize("name", library_template_names())
def test_no_library_template_can_be_rendered(name):
    """A library template is ours (and prints nothing private) or cannot be
    found: the libraries' folders are off the search path."""
    try:
        template = get_template(name)
    except TemplateDoesNotExist:
        return
    origin = Path(template.origin.name)
    assert origin.is_relative_to(TEMPLATES), origin
    source = origin.read_text()
    for private in ("gravatar", "user_email", "user_url", ".email", "comment.url", ".name }}", "|safe"):
        assert private not in source, private


def our_comment_templates():
    return sorted(
        str(path.relative_to(TEMPLATES))
        for folder in OUR_COMMENT_TEMPLATE_FOLDERS
        for path in (TEMPLATES / folder).glob("*")
        if path.is_file()
    )


def test_every_comment_template_of_ours_is_rendered_by_the_site():
    """A template under the comment folders is named by a view or another
    template of ours; nothing the site cannot reach is kept."""
    sources = [path.read_text() for app in ("articles",) for path in (settings.BASE_DIR / app).rglob("*.py")]
    sources += [path.read_text() for path in TEMPLATES.rglob("*.html")]
    text = "\n".join(sources)
    unused = [name for name in our_comment_templates() if not re.search(rf'["\']{re.escape(name)}["\']', text)]
    assert unused == []
