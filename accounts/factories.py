import factory
from allauth.account.models import EmailAddress

from .models import User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"member{n}@example.com")
    display_name = factory.Sequence(lambda n: f"Member {n}")
    password = factory.django.Password("a-long-test-password")

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        """Members have a verified primary address unless verified=False."""
        if not create:
            return
        EmailAddress.objects.get_or_create(
            user=obj, email=obj.email, defaults={"primary": True, "verified": extracted is not False}
        )


def give_totp(user, secret):
    """Turn on two-factor authentication for `user` with a known TOTP secret."""
    from allauth.mfa.totp.internal.auth import TOTP

    return TOTP.activate(user, secret)


def current_totp_code(secret):
    """The code an authenticator app would show now for `secret`."""
    import time

    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))
