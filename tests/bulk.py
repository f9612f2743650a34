"""Pages in bulk for the query budgets: hundreds of real Wagtail pages in a
few queries (add_child makes each in about ten, with a tree lock and the
parent's update, which made a 100x site take minutes)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from wagtail.models import Page


def add_pages_in_bulk(parent, pages):
    """Put `pages` (unsaved, of one page type, each with a title and a slug)
    live under `parent`, after its children: their Page rows in one INSERT,
    then each page's own table's row, and the parent's child count. The tree
    (path, depth, url_path) is Wagtail's, as add_child would make it."""
    parent.refresh_from_db()
    depth = parent.depth + 1
    content_type = ContentType.objects.get_for_model(type(pages[0]))
    for position, page in enumerate(pages, start=parent.numchild + 1):
        page.path = Page._get_path(parent.path, depth, position)
        page.depth, page.numchild = depth, 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type, page.locale_id = content_type, parent.locale_id
        page.draft_title, page.live = page.title, True
    base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    rows = Page.objects.bulk_create(
        Page(**{field.attname: getattr(page, field.attname) for field in base_fields}) for page in pages
    )
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.id
        page.save_base(raw=True, force_insert=True)  # this type's own row only
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages
