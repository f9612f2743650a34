"""Templates from every installed app except the comment libraries.

django-contrib-comments and django-comments-xtd ship templates for views and
features this site does not use (likes, muting, e-mail confirmation, the
Django-admin-style moderation pages), several of which print commenters'
e-mail addresses, websites or Gravatars. The site's own comment templates
live in templates/comments/ and templates/django_comments_xtd/; the
libraries' folders are left off the search path, so a library view or tag
that was never wired up fails with TemplateDoesNotExist instead of falling
back on one of theirs (tests/articles/test_comment_library.py).
"""

from pathlib import Path

from django.apps import apps
from django.template.loaders import app_directories

LEFT_OUT = ("django_comments", "django_comments_xtd")


class Loader(app_directories.Loader):
    def get_dirs(self):
        hidden = {Path(apps.get_app_config(label).path) / "templates" for label in LEFT_OUT}
        return [folder for folder in super().get_dirs() if Path(folder) not in hidden]
