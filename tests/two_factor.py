"""Logging staff in the way the site lets them in: password, then TOTP code."""

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import decrypt
from django.contrib.auth.models import Group
from django.test import Client

from accounts.factories import UserFactory, current_totp_code, give_totp

PASSWORD = "a-long-test-password"  # UserFactory's
HELPER_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"
# The secret test fixtures give staff, so a test can compute their codes.
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def staff_in_group(email, name, group):
    """A staff member of `group` with two-factor set up, as the admin requires."""
    user = UserFactory(email=email, display_name=name, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    give_totp(user, TOTP_SECRET)
    return user


def _post_current_code(client, totp, url, token):
    """Post the current code, then those of the periods around it
    (config.settings.test accepts ten either side). allauth refuses
    a code used once already, and a test may log the same person in again
    within 30 seconds, as a person with a new code would; on a loaded machine
    the period may also end between working the code out and the server
    checking it."""
    secret = decrypt(totp.data["secret"])
    for periods_ahead in (0, *(step * sign for step in range(1, 11) for sign in (1, -1))):
        response = client.post(url, {"code": current_totp_code(secret, periods_ahead=periods_ahead), **token})
        if response.status_code == 302:
            break
    return response


def log_in_with_two_factor(client, user, password=PASSWORD):
    """Log `user` (who has TOTP) in through allauth's login and code form, so
    the session records both factors, as a real login does."""
    totp = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    client.logout()  # whoever was logged in before
    client.get("/accounts/login/")  # the CSRF cookie, for clients that check it
    token = {"csrfmiddlewaretoken": client.cookies["csrftoken"].value} if "csrftoken" in client.cookies else {}
    response = client.post("/accounts/login/", {"login": user.email, "password": password, **token})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/2fa/authenticate/"), response
    response = _post_current_code(client, totp, "/accounts/2fa/authenticate/", token)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert client.session["_auth_user_id"] == str(user.pk)
    return client


def pass_second_factor(client, user):
    """Enter `user`'s current TOTP code in allauth's form for a session that
    is logged in already (allauth's "confirm it is you" step)."""
    totp = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    response = _post_current_code(client, totp, "/accounts/2fa/reauthenticate/", {})
    assert response.status_code == 302, response.content.decode()[:2000]


class TwoFactorClient(Client):
    """For Wagtail's page test helpers (assertCanCreate, assertPageIsPreviewable),
    which log their user in with force_login: staff then enter their TOTP code,
    as the admin demands of every session (a made-up device for a helper's own
    superuser)."""

    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        if user.is_staff or user.is_superuser:
            if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
                give_totp(user, HELPER_SECRET)
            pass_second_factor(self, user)
