from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.query import ModelIterable
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core.models import SeoMixin, SitePageQuerySet, route_slugs
from core.page_cache import cache_for_readers

from ..selectors import specialist_page_context
from .consultations import read_slot_inputs

SPECIALISTS_PER_PAGE = 24


class Language(models.Model):
    """A language a specialist works in. Editors add more under Snippets."""

    code = models.CharField(
        _("code"),
        max_length=12,
        unique=True,
        validators=[RegexValidator(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$", _("Use a lower-case ISO 639 code, e.g. pt."))],
        help_text=_("ISO 639 code, used in directory links, e.g. en, pt, zh-hant."),
    )
    name = models.CharField(_("name"), max_length=80, unique=True)

    panels = [FieldPanel("name"), FieldPanel("code")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return self.name


class Approach(models.Model):
    """A therapeutic approach (CBT, systemic family therapy...). Editors add more under Snippets."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=True)
    description = models.TextField(_("description"), blank=True, max_length=500)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("approach")
        verbose_name_plural = _("approaches")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name, allow_unicode=True)
        super().save(*args, **kwargs)


register_snippet(Language)
register_snippet(Approach)


class SpecialistIndexPage(RoutablePageMixin, SeoMixin, Page):
    """The directory at /specialists/. It also serves a member's own profile
    forms: join/ (create it) and me/edit/ (edit it), and the specialist's
    consultation dashboard: me/availability/ and me/requests/."""

    canonical_query_keys = ("topic", "language", "format", "location", "accepting", "free", "page")

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    promote_panels = SeoMixin.section_panels
    show_in_menus_default = True
    parent_page_types = ["home.HomePage"]
    subpage_types = ["specialists.SpecialistPage"]
    max_count = 1

    class Meta:
        verbose_name = _("specialist directory")

    def get_context(self, request, *args, **kwargs):
        from ..views import directory_context

        # Its cards show each specialist's next open time: kept briefly.
        cache_for_readers(request, query_keys=self.canonical_query_keys, seconds=settings.PAGE_CACHE_SLOT_SECONDS)
        context = super().get_context(request, *args, **kwargs)
        context.update(directory_context(self, request))
        return context

    @path("join/", name="join")
    def join(self, request):
        from ..views import profile_join

        return profile_join(request, section=self)

    @path("me/edit/", name="profile_edit")
    def profile_edit(self, request):
        from ..views import profile_edit

        return profile_edit(request, section=self)

    @path("me/availability/", name="availability")
    def availability(self, request):
        from ..views import availability_edit

        return availability_edit(request, directory=self)

    @path("me/requests/", name="requests")
    def requests(self, request):
        from ..views import specialist_requests

        return specialist_requests(request, directory=self)

    @path("me/requests/<uuid:pk>/<slug:action>/", name="request_action")
    def request_action(self, request, pk, action):
        from ..views import specialist_request_action

        return specialist_request_action(request, directory=self, pk=pk, action=action)

    def route_url(self, name, request=None):
        """The address of one of this page's routes ("join", "profile_edit")."""
        return self.get_url(request) + self.reverse_subpage(name)


class SpecialistPageQuerySet(SitePageQuerySet):
    def verified(self):
        """Profiles whose credentials a moderator has checked."""
        return self.filter(verified_at__isnull=False)

    def featured_first(self):
        """Specialists offering a free first consultation first, then by name."""
        return self.order_by("-offers_free_consultation", "title", "pk")

    def in_directory(self, index):
        """Live, public, verified specialists under the directory page `index`."""
        return self.child_of(index).live().public().verified()

    def with_photo(self, *, renditions=True):
        """The photo and its renditions in a fixed number of queries (see
        ArticlePageQuerySet.cards for `renditions=False`)."""
        with_photo = self.select_related("photo")
        return with_photo.prefetch_related("photo__renditions") if renditions else with_photo

    def cards(self, *, renditions=True):
        """Ready for cards: photo, renditions, topics and languages in a fixed
        number of queries."""
        return self.with_photo(renditions=renditions).prefetch_related("topics", "languages")

    def with_next_slot(self):
        """What the next open free-consultation slot is read from (see
        consultation_selectors.next_open_slot): the availability joined, and
        when the rows are read, the windows, dates off and held slots ahead
        of all of them that take consultations in one query more
        (consultations.read_slot_inputs), kept on each as `slot_inputs`."""
        clone = self.select_related("availability")
        clone._iterable_class = _WithSlotInputs
        return clone


class _WithSlotInputs(ModelIterable):
    """Rows as usual, then one read of the slot inputs of those offering the
    free consultation (the held slots from the moment the list is read)."""

    def __iter__(self):
        pages = list(super().__iter__())
        offering = [page for page in pages if page.offers_free_consultation]
        inputs = read_slot_inputs([page.pk for page in offering], timezone.now())
        for page in offering:
            page.slot_inputs = inputs[page.pk]
        yield from pages


SpecialistPageManager = PageManager.from_queryset(SpecialistPageQuerySet)


class SpecialistPage(RoutablePageMixin, SeoMixin, Page):
    """A specialist's public landing page; also the author of articles. It
    serves the member's request for a free consultation (consultation/).

    The page title is the specialist's display name. `verified_at` and
    `verified_by` belong to the page, not to a revision: only the approval
    service writes them (see with_content_json)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="specialist_page",
        help_text=_("Optional: editors may create profiles for authors without accounts."),
    )
    professional_title = models.CharField(
        _("professional title"), max_length=120, help_text=_("For example: Family psychologist")
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    short_bio = models.TextField(_("short bio"), max_length=400)
    long_bio = RichTextField(_("long bio"), features=["bold", "italic", "link", "ul", "ol"], blank=True)
    topics = ParentalManyToManyField("core.Topic", verbose_name=_("specialisations"), blank=True)
    approaches = ParentalManyToManyField("specialists.Approach", verbose_name=_("approaches"), blank=True)
    languages = ParentalManyToManyField("specialists.Language", verbose_name=_("languages"), blank=True)
    offers_online = models.BooleanField(_("online sessions"), default=False)
    offers_in_person = models.BooleanField(_("in-person sessions"), default=False)
    location = models.CharField(
        _("location"),
        max_length=120,
        blank=True,
        help_text=_("Where you see clients in person: a town or an area, never a home address."),
    )
    fees = models.CharField(
        _("fees"), max_length=200, blank=True, help_text=_("For example: £70 for a 50-minute session.")
    )
    accepting_new_clients = models.BooleanField(_("accepting new clients"), default=True)
    offers_free_consultation = models.BooleanField(_("offers a free initial consultation (30 minutes)"), default=False)

    # Credentials: shown to moderators in the admin and, once verified, on the page.
    licence_number = models.CharField(_("licence or registration number"), max_length=60, blank=True)
    licence_issuing_body = models.CharField(
        _("issuing body"), max_length=160, blank=True, help_text=_("The regulator or professional body.")
    )
    licence_country = models.CharField(_("country"), max_length=80, blank=True)
    verified_at = models.DateTimeField(_("credentials verified on"), null=True, blank=True, editable=False)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Who and what a moderator last checked (see verification_details): a page
    # published with anything else loses its verification until checked again.
    verified_details = models.JSONField(_("verified details"), null=True, blank=True, editable=False)

    objects = SpecialistPageManager()
    # Loaded with the page when a reader's request is routed (core.routing).
    # The availability too (a reverse one-to-one, so a join): the landing
    # page's next open time starts from it.
    route_select_related = ("photo", "availability")

    content_panels = [
        *Page.content_panels,
        # The account is linked by the member's own join form, never chosen here.
        FieldPanel("user", read_only=True),
        FieldPanel("professional_title"),
        FieldPanel("photo"),
        FieldPanel("short_bio"),
        FieldPanel("long_bio"),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("approaches", widget=forms.CheckboxSelectMultiple),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("offers_online"), FieldPanel("offers_in_person")]),
                FieldPanel("location"),
                FieldPanel("fees"),
                FieldPanel("accepting_new_clients"),
                FieldPanel("offers_free_consultation"),
            ],
            heading=_("Practice"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("licence_number"),
                FieldPanel("licence_issuing_body"),
                FieldPanel("licence_country"),
                FieldPanel("verified_at", read_only=True),
                FieldPanel("verified_by", read_only=True),
            ],
            heading=_("Credentials"),
            help_text=_(
                "Check the number with the issuing body's public register before approving. "
                "Approving the profile in the Specialist verification workflow records the check."
            ),
        ),
    ]
    promote_panels = SeoMixin.seo_panels
    search_fields = [
        *Page.search_fields,
        # The name is the page title (weighed most); then who they are and what they help with.
        index.SearchField("professional_title", boost=2),
        index.AutocompleteField("professional_title"),
        index.SearchField("short_bio"),
        index.SearchField("long_bio"),
        index.SearchField("location"),
        index.RelatedFields("topics", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("approaches", [index.SearchField("name")]),
        index.RelatedFields("languages", [index.SearchField("name")]),
        index.FilterField("verified_at"),
    ]
    parent_page_types = ["specialists.SpecialistIndexPage"]
    subpage_types = []
    # A copy is a new profile: it is checked again and belongs to nobody yet.
    exclude_fields_in_copy = ["user", "verified_at", "verified_by", "verified_details"]
    # Identity and credentials: what a moderator's check is about.
    VERIFIED_FIELDS = ("user_id", "title", "licence_number", "licence_issuing_body", "licence_country")

    class Meta:
        verbose_name = _("specialist")
        indexes = [
            models.Index(fields=["verified_at"], name="specialist_verified_idx"),
            models.Index(fields=["offers_free_consultation", "accepting_new_clients"], name="specialist_offer_idx"),
            models.Index(fields=["offers_online", "offers_in_person"], name="specialist_format_idx"),
        ]

    @property
    def is_verified(self):
        return self.verified_at is not None

    def verification_details(self):
        """The account, name and credentials as they are now, in the form
        `verified_details` keeps them."""
        return {field: getattr(self, field) for field in self.VERIFIED_FIELDS}

    def read_slot_inputs(self, now):
        """This page's windows, dates off and slots held from `now`, read
        afresh in one query (consultations.read_slot_inputs); not kept, so a
        slot booked since is never missed."""
        return read_slot_inputs([self.pk], now)[self.pk]

    @property
    def session_formats(self):
        """Human-readable session formats, in a fixed order."""
        formats = []
        if self.offers_online:
            formats.append(_("Online"))
        if self.offers_in_person:
            formats.append(_("In person"))
        return formats

    def clean(self):
        super().clean()
        errors = {}
        if self.slug in route_slugs(self.get_parent()):
            errors["slug"] = _("This address is used by the site. Please choose another.")
        if self.offers_in_person and not self.location.strip():
            errors["location"] = _("Say where you see clients in person.")
        if errors:
            raise ValidationError(errors)

    def with_content_json(self, content):
        # Verification is a fact about the page, not about a revision: publishing
        # any revision (an old one, or one saved before the check) keeps it.
        # Read from the database, not from `self`, which may be an instance
        # loaded before the moderator's approval.
        obj = super().with_content_json(content)
        stored = (
            SpecialistPage.objects.filter(pk=self.pk)
            .values("verified_at", "verified_by_id", "verified_details")
            .first()
        )
        obj.verified_at = stored["verified_at"] if stored else None
        obj.verified_by_id = stored["verified_by_id"] if stored else None
        obj.verified_details = stored["verified_details"] if stored else None
        return obj

    def get_meta_description(self):
        return self.search_description or self.short_bio

    def get_social_image(self):
        return self.social_image or self.photo

    def get_context(self, request, *args, **kwargs):
        # It shows the next open time for a free consultation: kept briefly.
        cache_for_readers(request, seconds=settings.PAGE_CACHE_SLOT_SECONDS)
        context = super().get_context(request, *args, **kwargs)
        context.update(specialist_page_context(self, request))
        return context

    @path("consultation/", name="consultation")
    def consultation(self, request):
        from ..views import consultation_book

        return consultation_book(request, page=self)

    def route_url(self, name, request=None):
        """The address of one of this page's routes ("consultation")."""
        return self.get_url(request) + self.reverse_subpage(name)
