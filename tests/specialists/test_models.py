"""Rules on the specialist models: addresses the directory's routes use, in-person sessions
need a location, verification is never copied, edited or reverted."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from accounts.factories import give_totp
from specialists.factories import SpecialistPageFactory
from specialists.models import Language, SpecialistPage
from tests.two_factor import log_in_with_two_factor

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", ["join", "me"])
def test_slugs_of_the_directory_routes_are_refused(specialist_index, slug):
    """join/ and me/edit/ are the directory page's own routes: a profile
    there would be hidden behind them."""
    page = SpecialistPage(title="Dr Join", slug=slug, professional_title="Counsellor", short_bio="Hello.")
    with pytest.raises(ValidationError) as error:
        specialist_index.add_child(instance=page)
    assert "slug" in error.value.message_dict


def test_in_person_sessions_need_a_location(specialist_index):
    page = SpecialistPageFactory(parent=specialist_index)
    page.offers_in_person = True
    page.location = "  "
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "location" in error.value.message_dict


def test_language_codes_are_checked():
    with pytest.raises(ValidationError):
        Language(code="English", name="Englisch").full_clean()
    Language(code="zh-hant", name="Chinese (Traditional)").full_clean()


def test_verified_queryset_and_featured_order(specialist_index):
    SpecialistPageFactory(parent=specialist_index, title="B plain")
    SpecialistPageFactory(parent=specialist_index, title="C free", offers_free_consultation=True)
    SpecialistPageFactory(parent=specialist_index, title="A unverified", unverified=True)
    titles = list(SpecialistPage.objects.verified().featured_first().values_list("title", flat=True))
    assert titles == ["C free", "B plain"]


def test_session_formats(specialist_index):
    page = SpecialistPageFactory.build(offers_online=True, offers_in_person=True)
    assert [str(f) for f in page.session_formats] == ["Online", "In person"]


def test_a_copy_is_not_verified_and_belongs_to_nobody(specialist_index, a_member):
    page = SpecialistPageFactory(parent=specialist_index, slug="original", user=a_member)
    copy = page.copy(update_attrs={"slug": "copy", "title": "Copy"})
    copy = SpecialistPage.objects.get(pk=copy.pk)
    assert copy.verified_at is None and copy.verified_by is None and copy.user is None


def test_editors_cannot_set_the_verification_in_the_admin(client, specialist_index, a_superuser):
    """The admin shows the verification read-only: a posted value is ignored."""
    page = SpecialistPageFactory(parent=specialist_index, unverified=True, title="Dr Ada Moss", slug="ada")
    give_totp(a_superuser, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    log_in_with_two_factor(client, a_superuser)

    edit_page = client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit_page.status_code == 200
    assert 'name="verified_at"' not in edit_page.content.decode()
    data = nested_form_data(
        {
            "title": "Dr Ada Moss",
            "slug": "ada",
            "professional_title": "Clinical psychologist",
            "short_bio": "Hello.",
            "long_bio": rich_text("<p>More.</p>"),
            "offers_online": "on",
            "accepting_new_clients": "on",
            "verified_at": timezone.now().isoformat(),
            "verified_by": str(a_superuser.pk),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = SpecialistPage.objects.get(pk=page.pk)
    assert page.live
    assert page.verified_at is None and page.verified_by is None
