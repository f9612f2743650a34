from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person with an account. The e-mail address is the login; the display
    name is what others see (never the e-mail address)."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(
        _("display name"),
        max_length=60,
        help_text=_("Shown next to your comments and posts. You can use a nickname."),
    )

    # Preferences the member sets in the account area.
    default_anonymous = models.BooleanField(
        _("ask questions anonymously by default"),
        default=True,
        help_text=_("You can still choose for each question."),
    )
    notify_answers = models.BooleanField(_("answers to my questions"), default=True)
    notify_comment_replies = models.BooleanField(_("replies to my comments"), default=True)
    notify_messages = models.BooleanField(_("new messages"), default=True)
    notify_consultations = models.BooleanField(_("consultation request updates"), default=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.display_name or _("Member")

    def get_full_name(self):
        return self.display_name

    def get_short_name(self):
        return self.display_name


class Consent(models.Model):
    """A member's explicit consent, kept with the policy version they agreed to.

    Health information is special-category data (GDPR Art. 9): we record when
    and to which version of the privacy policy each member said yes."""

    HEALTH_DATA = "health_data"
    KIND_CHOICES = [(HEALTH_DATA, _("Processing of health information"))]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="consents"
    )
    kind = models.CharField(_("kind"), max_length=40, choices=KIND_CHOICES)
    policy_version = models.CharField(_("policy version"), max_length=20)
    given_at = models.DateTimeField(_("given at"), default=timezone.now)

    class Meta:
        ordering = ["-given_at"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.policy_version})"


def user_display(user):
    """How allauth names a user anywhere it shows one: never the e-mail address."""
    return user.display_name
