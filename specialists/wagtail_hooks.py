"""Wagtail admin wiring for specialists: a chooser that lists specialists only,
what a member's export and erasure cover here, and the landing page's
"Request a free consultation".

Registered as the widget for every foreign key to SpecialistPage (an article's
author and clinical reviewer), in place of the page tree, which also holds the
directory page and, under it, profiles still waiting for verification."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.chooser import ChooserViewSet

from accounts.member_data import MemberData

from . import consultation_services, services
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


def member_erase(*, user):
    # Open consultations first (the other side is told), while the profile
    # they may belong to is still there.
    consultation_services.member_erase_consultations(user=user)
    services.member_erase(user=user)


@hooks.register("register_member_data")
def specialists_member_data():
    """The profile, who verified profiles, the profile photos members upload
    and free-consultation requests (accounts.member_data)."""
    return MemberData(
        fields=(
            "specialists.specialistpage.user",
            "specialists.specialistpage.verified_by",
            "wagtailimages.image.uploaded_by_user",
            "specialists.consultationrequest.member",
        ),
        erase=member_erase,
    )


@hooks.register("specialist_contact_urls")
def specialist_consultation_url(page, user):
    """ "Request a free consultation" on the landing page (dropped there when
    the page does not offer it)."""
    if page.user_id is None or page.pk is None:
        return {}
    return {"consultation": page.route_url("consultation")}
