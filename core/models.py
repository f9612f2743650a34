import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, slug_unicode_re
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.snippets.models import register_snippet


class Topic(index.Indexed, models.Model):
    """A subject shared by articles, questions and specialists."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=True)
    description = models.TextField(_("description"), blank=True, max_length=500)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name, allow_unicode=True)
        super().save(*args, **kwargs)

    @classmethod
    def cached_all(cls):
        """Every topic (a list, by name), for the filters that offer them,
        from the shared cache (core.site_cache)."""
        from .site_cache import cached

        return cached("topics", lambda: list(cls.objects.all()))

    @staticmethod
    def is_slug(value):
        """Whether `value` (from a query string) could be a topic's slug."""
        return bool(value) and len(value) <= 80 and slug_unicode_re.fullmatch(value) is not None


register_snippet(Topic)


def route_slugs(page):
    """The slugs no child of `page` may take: the first segments of its own
    routes (a section's sub-pages served with RoutablePageMixin, such as the
    directory's "join/"), which would hide the child."""
    page_class = page.specific_class if page is not None else None
    if page_class is None or not issubclass(page_class, RoutablePageMixin):
        return frozenset()
    return frozenset(str(route.pattern).lstrip("^").split("/")[0] for route in page_class.get_subpage_urls()) - {""}


class SeoMixin(models.Model):
    """Fields for search engines and social sharing, on every public page type.

    Wagtail's Page already has `seo_title` and `search_description`; this adds
    the image and text used when the page is shared."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared. 1200×630 works best."),
    )
    social_text = models.CharField(
        _("social text"),
        max_length=200,
        blank=True,
        help_text=_("Shown under the title when the page is shared. Defaults to the search description."),
    )

    og_type = "website"  # Open Graph type; articles say "article"
    canonical_query_keys = ()  # listings name the query keys that make a distinct page

    seo_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("search_description")],
            heading=_("For search engines"),
        ),
        MultiFieldPanel([FieldPanel("social_image"), FieldPanel("social_text")], heading=_("For social sharing")),
    ]
    # Pages directly under the home page: "Show in menus" puts them in the
    # site's main menu (core.context_processors.sections).
    section_panels = [*seo_panels, MultiFieldPanel([FieldPanel("show_in_menus")], heading=_("For site menus"))]

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or ""

    def get_social_text(self):
        return self.social_text or self.get_meta_description()

    def get_social_image(self):
        return self.social_image

    def get_view_restrictions(self):
        """Wagtail's check before serving (this page's and its ancestors'
        restrictions), skipped when no page of the site has one: two queries
        on every page otherwise."""
        from wagtail.models import PageViewRestriction

        from .site_cache import restricted_page_ids

        if not restricted_page_ids():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class SitePageQuerySet(PageQuerySet):
    """Wagtail's page QuerySet, with `public()` costing no query when the
    site has no private section (Wagtail reads every view restriction first,
    on each call)."""

    def private_q(self):
        from .site_cache import restricted_page_ids

        if not restricted_page_ids():
            return Q(pk__in=[])  # what Wagtail's gives when there is none
        return super().private_q()


class CrisisResourceBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Service"), max_length=120)
    phone = blocks.CharBlock(label=_("Phone"), max_length=40, required=False)
    text_line = blocks.CharBlock(label=_("Text / SMS"), max_length=80, required=False)
    url = blocks.URLBlock(label=_("Website"), required=False)
    hours = blocks.CharBlock(label=_("When"), max_length=80, required=False, help_text=_("For example: 24/7"))
    description = blocks.TextBlock(label=_("Description"), max_length=300, required=False)

    class Meta:
        icon = "warning"
        template = "core/blocks/crisis_resource_block.html"


@register_setting(icon="warning")
class SiteSettings(BaseGenericSetting):
    """Site-wide text editors change in the admin: crisis resources and contact."""

    crisis_link_text = models.CharField(_("crisis link text"), max_length=40, default=_("Need help now?"))
    crisis_heading = models.CharField(
        _("crisis page heading"), max_length=120, default=_("If you are in crisis, help is available now")
    )
    crisis_intro = RichTextField(
        _("crisis introduction"),
        features=["bold", "italic", "link"],
        blank=True,
        default="<p>If you might act on thoughts of harming yourself or someone else, "
        "or you are in danger, call your local emergency number now.</p>",
    )
    emergency_number = models.CharField(_("emergency number"), max_length=20, default="112")
    crisis_resources = StreamField(
        [("resource", CrisisResourceBlock())], verbose_name=_("crisis resources"), blank=True
    )
    contact_email = models.EmailField(_("contact e-mail"), default="hello@example.com")
    oncall_email = models.EmailField(
        _("on-call moderators' e-mail"),
        blank=True,
        help_text=_(
            "Told at once when a post is held as urgent (a possible crisis). The e-mail links to the item and "
            "never quotes the member. Leave empty to send these alerts to the contact e-mail."
        ),
    )
    crisis_alert_repeat_minutes = models.PositiveIntegerField(
        _("repeat the alert after (minutes)"),
        default=30,
        validators=[MinValueValidator(5), MaxValueValidator(24 * 60)],
        help_text=_("If no moderator has handled an urgent item by then, the alert is sent again."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("crisis_link_text"),
                FieldPanel("crisis_heading"),
                FieldPanel("crisis_intro"),
                FieldPanel("emergency_number"),
                FieldPanel("crisis_resources"),
            ],
            heading=_("Crisis resources"),
        ),
        FieldPanel("contact_email"),
        MultiFieldPanel(
            [FieldPanel("oncall_email"), FieldPanel("crisis_alert_repeat_minutes")],
            heading=_("Urgent posts"),
        ),
    ]

    @property
    def crisis_alert_address(self):
        return self.oncall_email or self.contact_email

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def load(cls, request_or_site=None):
        """The settings row, from the shared cache (core.site_cache) rather
        than a query on every page; kept on the request as Wagtail does."""
        from wagtail.models import Site

        from .site_cache import cached

        request = None if isinstance(request_or_site, Site) else request_or_site
        attr_name = cls.get_cache_attr_name()
        if request is not None and hasattr(request, attr_name):
            return getattr(request, attr_name)
        settings_row = cached("site-settings", lambda: super(SiteSettings, cls).load())
        if request is not None:
            setattr(request, attr_name, settings_row)
        return settings_row


class CrisisPhrase(models.Model):
    """An editor's addition to the crisis detector's built-in lexicon
    (core.crisis). Phrases match as words in any of their forms; patterns are
    regular expressions over the normalised text."""

    class Kind(models.TextChoices):
        PHRASE = "phrase", _("Phrase")
        PATTERN = "pattern", _("Pattern (regular expression)")

    phrase = models.CharField(
        _("phrase or pattern"),
        max_length=300,
        unique=True,
        help_text=_(
            "A phrase matches its words in order in any of their forms, ignoring case and accents "
            "(“hurt myself” also finds “hurting myself”). A pattern is a regular expression over the "
            "text as the detector reads it: lower case, contractions written out (“can not”, “do not”)."
        ),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PHRASE)
    note = models.TextField(
        _("note"), blank=True, max_length=1000, help_text=_("Why this is here, for the editors who come after you.")
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Switch off to keep the entry without using it.")
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["phrase"]
        verbose_name = _("crisis phrase")
        verbose_name_plural = _("crisis phrases")

    def __str__(self):
        return self.phrase

    def clean(self):
        # A phrase with no word in it is refused by core.admin_forms.CrisisPhraseForm,
        # which can ask the detector (the detector reads this model).
        if self.kind == self.Kind.PATTERN:
            try:
                re.compile(self.phrase)
            except re.error as error:
                raise ValidationError(
                    {"phrase": _("This pattern is not valid: %(error)s") % {"error": error}}
                ) from error


class CspReport(models.Model):
    """What browsers reported breaking the Content-Security-Policy, one row per
    kind of violation with a count: never who, from where, or a full address
    (core.csp_reports reduces each report to these fields)."""

    directive = models.CharField(_("directive"), max_length=40)
    blocked = models.CharField(
        _("blocked"),
        max_length=120,
        help_text=_("“inline”, “eval”, a scheme such as “data”, or another site's origin."),
    )
    page = models.CharField(
        _("page kind"), max_length=120, help_text=_("The kind of page (its route), never its address.")
    )
    source = models.CharField(_("source file"), max_length=200, blank=True)
    line = models.PositiveIntegerField(_("line"), default=0, help_text=_("0: not given."))
    enforced = models.BooleanField(_("enforced"), default=True)
    count = models.PositiveIntegerField(_("count"), default=1)
    first_seen = models.DateTimeField(_("first seen"), auto_now_add=True)
    last_seen = models.DateTimeField(_("last seen"), auto_now=True)

    class Meta:
        ordering = ["-last_seen"]
        verbose_name = _("CSP violation report")
        verbose_name_plural = _("CSP violation reports")
        constraints = [
            models.UniqueConstraint(
                fields=["directive", "blocked", "page", "source", "line", "enforced"],
                name="core_cspreport_one_row_per_kind",
            )
        ]

    def __str__(self):
        return f"{self.directive}: {self.blocked} on {self.page}"


class SentEmail(models.Model):
    """One row per logical e-mail the task worker sends, keyed by the task run
    and the e-mail's place in it (core.worker): a transactional outbox. The
    row is written, with the rendered message, in the transaction that marks
    the task done, and nothing is sent before that commits; the worker then
    sends it and marks it sent, clearing the message (it may hold health
    details, and is never kept once sent). A task run again (its worker died
    before the commit) finds no row and renders again; a key that has a row is
    never rendered twice."""

    key = models.CharField(_("key"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=40)
    queued_at = models.DateTimeField(_("queued at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # The e-mail as it goes to the mail server (RFC 5322 bytes) until it is sent.
    message = models.BinaryField(_("message"), null=True, editable=False)
    attempts = models.PositiveSmallIntegerField(_("failed attempts"), default=0)
    tried_at = models.DateTimeField(_("last failed attempt"), null=True, blank=True)

    class Meta:
        verbose_name = _("sent e-mail")
        verbose_name_plural = _("sent e-mails")
        indexes = [
            # What the worker's sweep reads every few seconds: the few rows not yet sent.
            models.Index(
                fields=["queued_at"],
                condition=Q(sent_at__isnull=True, message__isnull=False),
                name="core_sentemail_unsent",
            )
        ]

    def __str__(self):
        return self.key


class TaskWorker(models.Model):
    """A running task worker (manage.py run_tasks) and when it was last seen
    alive. A task still marked running whose worker has not been seen for
    TASK_WORKER_STALE_SECONDS goes back to the queue."""

    worker_id = models.CharField(_("worker id"), max_length=64, unique=True)
    host = models.CharField(_("host"), max_length=255)
    pid = models.PositiveIntegerField(_("process id"))
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    last_seen = models.DateTimeField(_("last seen"))

    class Meta:
        verbose_name = _("task worker")
        verbose_name_plural = _("task workers")

    def __str__(self):
        return f"{self.worker_id} ({self.host}:{self.pid})"
