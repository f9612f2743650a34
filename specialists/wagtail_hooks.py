"""Wagtail admin wiring for specialists: a chooser that lists specialists only.

Registered as the widget for every foreign key to SpecialistPage (an article's
author and clinical reviewer), in place of the page tree, which also holds the
directory page and, under it, profiles still waiting for verification."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.chooser import ChooserViewSet

from .models import SpecialistPage


class SpecialistChooserViewSet(ChooserViewSet):
    model = SpecialistPage
    icon = "user"
    choose_one_text = _("Choose a specialist")
    choose_another_text = _("Choose another specialist")
    edit_item_text = _("Edit this profile")
    per_page = 30

    def get_object_list(self):
        # Published profiles only: a member's profile in review is not an author yet.
        return SpecialistPage.objects.live().order_by("title", "pk")


specialist_chooser_viewset = SpecialistChooserViewSet("specialist_chooser", url_prefix="specialists/choose")


@hooks.register("register_admin_viewset")
def register_specialist_chooser():
    return specialist_chooser_viewset
