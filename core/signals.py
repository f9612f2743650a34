"""Receivers that call services; no rules here."""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move, pre_page_move

from . import page_cache, shared_cache, site_cache
from .models import CrisisPhrase, SiteSettings, Topic


@receiver([post_save, post_delete], sender=CrisisPhrase, dispatch_uid="core_crisis_lexicon_changed")
def crisis_lexicon_changed(sender, **kwargs):
    """Editors changed the lexicon: the detector compiles it afresh."""
    from .crisis import lexicon_changed

    lexicon_changed()


# Wagtail keeps the sites' root paths in the cache and forgets them when a
# site is saved: a save while the shared cache was away could not.
shared_cache.after_outage(Site.clear_site_root_paths_cache)


# What readers see changed: the kept pages and the frontend cache follow
# (core.page_cache). Pages published, unpublished, moved or deleted (purged
# at the address they had), and what every page may show: the crisis link
# and lexicon, topics, images, members' names. A page moved or given a new
# slug is purged at its old address too, with every page below it.


@receiver(page_published, dispatch_uid="core_page_cache_published")
@receiver(page_unpublished, dispatch_uid="core_page_cache_unpublished")
@receiver(post_page_move, dispatch_uid="core_page_cache_moved")
def page_changed(sender, instance, **kwargs):
    page_cache.content_changed(pages=[instance])


@receiver(pre_page_move, dispatch_uid="core_page_cache_moving")
def page_moving(sender, instance, **kwargs):
    page_cache.subtree_leaving(page=instance)


@receiver(page_slug_changed, dispatch_uid="core_page_cache_slug_changed")
def page_renamed(sender, instance, instance_before, **kwargs):
    page_cache.subtree_renamed(page=instance, page_before=instance_before)


@receiver(pre_delete, dispatch_uid="core_page_cache_page_deleted")
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        page_cache.content_changed(pages=[instance])


@receiver(post_save, dispatch_uid="core_site_cache_page_saved")
def page_saved(sender, instance, raw=False, **kwargs):
    """Any page row saved (created, a draft, a move) may change what
    core.site_cache holds (the root page, the sections): it starts afresh."""
    if isinstance(instance, Page) and not raw:
        site_cache.changed()


def _login_only(user, update_fields=None, **kwargs):
    # Each login saves last_login, which readers never see.
    return update_fields is not None and set(update_fields) <= {"last_login"}


page_cache.watch(CrisisPhrase)
page_cache.watch(SiteSettings)
page_cache.watch(Topic)
page_cache.watch(get_image_model())
page_cache.watch(get_user_model(), unless=_login_only)
# What every page reads from core.site_cache: the site for a host and the
# private sections (the settings and the pages are watched above).
page_cache.watch(Site)
page_cache.watch(PageViewRestriction)


# Renditions are made when an image is uploaded or replaced and when a page
# that shows it is published, not on a reader's first visit (core.renditions).


@receiver(post_save, sender=get_image_model(), dispatch_uid="core_renditions_image_saved")
def image_saved_make_renditions(sender, instance, **kwargs):
    from .renditions import renditions_enqueue

    renditions_enqueue(image_ids=[instance.pk])


@receiver(page_published, dispatch_uid="core_renditions_page_published")
def page_published_make_renditions(sender, instance, **kwargs):
    from .renditions import page_image_ids, renditions_enqueue

    renditions_enqueue(image_ids=page_image_ids(instance.specific))
