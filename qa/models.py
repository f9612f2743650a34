"""Community Q&A: members ask, verified specialists answer, moderators keep it safe.

Member content is plain models moderated through Wagtail ModelViewSets; the
rules that change it live in qa.services, the reads in qa.selectors."""

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from core.models import SeoMixin
from core.page_cache import cache_for_readers

__all__ = [
    "ANONYMOUS_NAME",
    "DELETED_NAME",
    "Answer",
    "AnswerVote",
    "Question",
    "QuestionIndexPage",
    "Report",
    "SavedReply",
]

ANONYMOUS_NAME = _("Anonymous member")
DELETED_NAME = _("Deleted member")
SLUG_MAX_LENGTH = 80
RESERVED_SLUGS = frozenset({"answer", "report"})  # /questions/<id>/answer/ and /report/


class Status(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    CLOSED = "closed", _("Closed")


class QuestionIndexPage(RoutablePageMixin, SeoMixin, Page):
    """The community Q&A at /questions/: the list (filterable by topic and
    answers), whose title, introduction and place in the menu editors give.
    The page also serves asking, each question's own page and the member
    actions; each route hands the request to qa.views with the page."""

    canonical_query_keys = ("topic", "show", "page")
    URL_CACHE_KEY = "qa.questions_page_url"

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    promote_panels = SeoMixin.section_panels
    show_in_menus_default = True
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("questions index")

    def get_meta_description(self):
        return self.search_description or _(
            "Questions from members, answered publicly by verified mental-health specialists."
        )

    def get_context(self, request, *args, **kwargs):
        from .views import question_index_context

        cache_for_readers(request, query_keys=self.canonical_query_keys)
        context = super().get_context(request, *args, **kwargs)
        context.update(question_index_context(request))
        return context

    @classmethod
    def url_for(cls, name, *args):
        """The address of one of the live questions page's routes, for links
        made without the page at hand (get_absolute_url, e-mails): the page's
        own address is cached, and forgotten whenever a page or a site is
        saved or deleted (qa.signals), and after the shared cache was away
        (core.shared_cache)."""
        base = cache.get(cls.URL_CACHE_KEY)
        if base is None:
            page = cls.objects.live().first()
            base = (page.url if page else None) or ""
            cache.set(cls.URL_CACHE_KEY, base, timeout=None)
        return base + cls.get_resolver().reverse(name, *args)

    @classmethod
    def forget_url(cls):
        cache.delete(cls.URL_CACHE_KEY)

    # Member routes: each hands the request over to qa.views with this page.
    @path("ask/", name="ask")
    def ask(self, request):
        from . import views

        return views.question_ask(request, section=self)

    @path("mine/", name="mine")
    def mine(self, request):
        from . import views

        return views.my_questions(request, section=self)

    @path("similar/", name="similar")
    def similar(self, request):
        from . import views

        return views.similar(request, section=self)

    @path("<int:pk>/", name="question_short")
    def question_short(self, request, pk):
        from . import views

        return views.question_short(request, pk, section=self)

    @path("<int:pk>/answer/", name="answer")
    def answer(self, request, pk):
        from . import views

        return views.answer_create(request, pk, section=self)

    @path("<int:pk>/report/", name="report_question")
    def report_question(self, request, pk):
        from . import views

        return views.question_report(request, pk, section=self)

    # After the fixed paths above (Question.save keeps slugs off them); str,
    # not slug, because titles may slugify to non-ASCII letters.
    @path("<int:pk>/<str:slug>/", name="question")
    def question(self, request, pk, slug):
        from . import views

        return views.question_detail(request, pk, slug, section=self)

    @path("<int:pk>/mute/<str:token>/", name="mute")
    def mute(self, request, pk, token):
        from . import views

        return views.question_mute(request, pk, token, section=self)

    @path("answers/<int:pk>/edit/", name="answer_edit")
    def answer_edit(self, request, pk):
        from . import views

        return views.answer_edit(request, pk, section=self)

    @path("answers/<int:pk>/accept/", name="answer_accept")
    def answer_accept(self, request, pk):
        from . import views

        return views.answer_accept(request, pk, section=self)

    @path("answers/<int:pk>/helpful/", name="answer_helpful")
    def answer_helpful(self, request, pk):
        from . import views

        return views.answer_helpful(request, pk, section=self)

    @path("answers/<int:pk>/report/", name="report_answer")
    def report_answer(self, request, pk):
        from . import views

        return views.answer_report(request, pk, section=self)


class QuestionQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def listed(self):
        """What readers see in lists: published and closed questions."""
        return self.filter(status__in=[Status.PUBLISHED, Status.CLOSED])

    def answered(self):
        return self.filter(answer_count__gt=0)

    def unanswered(self):
        return self.filter(answer_count=0)


class Question(index.Indexed, models.Model):
    Status = Status

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        null=True,
        blank=True,
        # The account's deletion keeps answered questions, signed "Deleted member"
        # (accounts.services.user_delete deletes the others first).
        on_delete=models.SET_NULL,
        related_name="qa_questions",
    )
    title = models.CharField(_("title"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=SLUG_MAX_LENGTH, allow_unicode=True, blank=True)
    body = models.TextField(_("question"), max_length=5000)
    topic = models.ForeignKey(
        "core.Topic", verbose_name=_("topic"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    anonymous = models.BooleanField(_("posted anonymously"), default=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    urgent = models.BooleanField(
        _("urgent"), default=False, help_text=_("Matched the crisis detector. Never shown to the public.")
    )
    crisis_match = models.CharField(
        _("what matched"),
        max_length=300,
        blank=True,
        help_text=_("Why the crisis detector held this question. For moderators only."),
    )
    reported = models.BooleanField(_("reported"), default=False)
    moderation_reason = models.TextField(_("moderation reason"), blank=True)
    notify_answers = models.BooleanField(_("e-mail the asker about answers"), default=True)
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    # Kept up to date by qa.services so lists read them without joins.
    answer_count = models.PositiveIntegerField(_("answers"), default=0)
    accepted_answer = models.ForeignKey(
        "qa.Answer",
        verbose_name=_("accepted answer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = QuestionQuerySet.as_manager()

    # What the site search finds: the title, the question and its published
    # answers, the topic. Never the asker: an anonymous asker's name must not
    # find (or be found beside) their question.
    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("body"),
        index.SearchField("published_answers_text"),
        index.AutocompleteField("title"),
        index.RelatedFields("topic", [index.SearchField("name"), index.FilterField("slug")]),
        index.FilterField("status"),
        index.FilterField("topic"),
        index.FilterField("created_at"),
        # search.selectors ranks the newest matches by id when a word is in thousands.
        index.FilterField("id"),
    ]
    # The index follows moderation, not every save: qa.signals schedule
    # qa.tasks.question_index_update after commit.
    search_auto_update = False

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        indexes = [
            models.Index(fields=["status", "-created_at"], name="qa_question_status_idx"),
            models.Index(fields=["status", "answer_count"], name="qa_question_answered_idx"),
            models.Index(fields=["author", "created_at"], name="qa_question_author_idx"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.title, allow_unicode=True)[:SLUG_MAX_LENGTH].strip("-") or "question"
            if self.slug in RESERVED_SLUGS:
                self.slug = f"{self.slug}-question"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return QuestionIndexPage.url_for("question", self.pk, self.slug)

    @classmethod
    def get_indexed_objects(cls):
        """Only what readers may find: listed questions, with their published
        answers loaded in one query for the whole rebuild."""
        published_answers = models.Prefetch(
            "answers", queryset=Answer.objects.filter(status=Status.PUBLISHED).only("question_id", "status", "body")
        )
        return cls.objects.listed().select_related("topic").prefetch_related(published_answers)

    def published_answers_text(self):
        """The text of the published answers (pending, rejected and hidden ones
        are never indexed)."""
        if "answers" in getattr(self, "_prefetched_objects_cache", {}):
            answers = [answer for answer in self.answers.all() if answer.status == Status.PUBLISHED]
        else:
            answers = self.answers.filter(status=Status.PUBLISHED).only("body")
        return "\n\n".join(answer.body for answer in answers)

    @property
    def public_author_name(self):
        """The asker's name as anyone but the asker and moderators see it."""
        if self.anonymous:
            return ANONYMOUS_NAME
        if self.author_id is None:
            return DELETED_NAME
        return self.author.display_name

    @property
    def is_public(self):
        return self.status in (Status.PUBLISHED, Status.CLOSED)

    @property
    def is_open(self):
        return self.status == Status.PUBLISHED

    @property
    def is_pending(self):
        return self.status == Status.PENDING

    @property
    def is_rejected(self):
        return self.status == Status.REJECTED


class AnswerQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED, question__status__in=[Status.PUBLISHED, Status.CLOSED])


class Answer(models.Model):
    Status = Status

    question = models.ForeignKey(Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="answers")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("specialist"),
        on_delete=models.CASCADE,
        related_name="qa_answers",
    )
    body = models.TextField(_("answer"), max_length=8000)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PUBLISHED)
    reported = models.BooleanField(_("reported"), default=False)
    moderation_reason = models.TextField(_("moderation reason"), blank=True)
    helpful_count = models.PositiveIntegerField(_("helpful votes"), default=0)
    created_at = models.DateTimeField(_("answered at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = AnswerQuerySet.as_manager()

    class Meta:
        ordering = ["-helpful_count", "created_at", "pk"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["question", "author"], name="qa_one_answer_per_specialist"),
        ]

    def __str__(self):
        return _("Answer to “%(title)s”") % {"title": self.question.title}

    def get_absolute_url(self):
        return f"{self.question.get_absolute_url()}#answer-{self.pk}"

    @property
    def is_accepted(self):
        return self.question.accepted_answer_id == self.pk


class AnswerVote(models.Model):
    """A member found an answer helpful. One per member and answer."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="qa_votes")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("helpful vote")
        verbose_name_plural = _("helpful votes")
        constraints = [models.UniqueConstraint(fields=["answer", "user"], name="qa_one_vote_per_member")]

    def __str__(self):
        return f"{self.user_id} → {self.answer_id}"


class Report(models.Model):
    """A member asks moderators to look at a question or an answer."""

    class Reason(models.TextChoices):
        IDENTIFYING = "identifying", _("It shares someone's personal details")
        HARMFUL = "harmful", _("It could cause harm")
        ABUSIVE = "abusive", _("It is abusive or unkind")
        SPAM = "spam", _("It is spam or advertising")
        OTHER = "other", _("Something else")

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reported by"), on_delete=models.CASCADE, related_name="qa_reports"
    )
    question = models.ForeignKey(Question, null=True, blank=True, on_delete=models.CASCADE, related_name="reports")
    answer = models.ForeignKey(Answer, null=True, blank=True, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    note = models.TextField(_("note"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.CheckConstraint(
                condition=Q(question__isnull=False, answer__isnull=True)
                | Q(question__isnull=True, answer__isnull=False),
                name="qa_report_one_target",
            ),
            models.UniqueConstraint(
                fields=["reporter", "question"], condition=Q(question__isnull=False), name="qa_one_report_per_question"
            ),
            models.UniqueConstraint(
                fields=["reporter", "answer"], condition=Q(answer__isnull=False), name="qa_one_report_per_answer"
            ),
        ]

    def __str__(self):
        return self.get_reason_display()


class SavedReplyQuerySet(models.QuerySet):
    def for_decision(self, decision):
        """The replies that fit `decision` ("approve" or "reject")."""
        kind = SavedReply.Kind.APPROVAL if decision == "approve" else SavedReply.Kind.REJECTION
        return self.filter(kind=kind)


class SavedReply(models.Model):
    """A reason moderators reuse when they approve or reject."""

    class Kind(models.TextChoices):
        APPROVAL = "approval", _("Approval: sent when publishing")
        REJECTION = "rejection", _("Rejection: sent when rejecting or removing")

    title = models.CharField(_("title"), max_length=100, unique=True)
    kind = models.CharField(
        _("used for"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.REJECTION,
        help_text=_("Only offered for this kind of decision."),
    )
    text = models.TextField(_("text"), max_length=2000, help_text=_("Sent to the author with the decision."))

    objects = SavedReplyQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "title"]
        verbose_name = _("saved reply")
        verbose_name_plural = _("saved replies")

    def __str__(self):
        return self.title
