from django.apps import AppConfig


class SpecialistsConfig(AppConfig):
    name = "specialists"

    def ready(self):
        # The verification workflow's outcomes call the specialist services.
        from . import signals  # noqa: F401
