"""Tasks the fault tests queue: e-mails through core.mail.deliver, the way
every app's tasks send them."""

from django_tasks import task

from core import mail


@task()
def send_numbered(number):
    return mail.deliver(kind="staff", to=[f"reader{number}@example.com"], subject=f"Drill {number}", text="Hello.")


@task()
def send_pair(number):
    first = mail.deliver(kind="staff", to=[f"first{number}@example.com"], subject="First", text="Hello.")
    second = mail.deliver(kind="staff", to=[f"second{number}@example.com"], subject="Second", text="Hello.")
    return [first, second]


@task()
def send_with_cache(number):
    """What the apps' tasks do besides sending: read and keep things in the
    shared cache (Wagtail's site root paths for an address, a kept value)."""
    from django.core.cache import cache
    from wagtail.models import Site

    Site.get_site_root_paths()
    cache.get_or_set(f"faults-task-{number}", number, 60)
    return mail.deliver(kind="staff", to=[f"cached{number}@example.com"], subject=f"Cached {number}", text="Hello.")
