import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify

from .models import Approach, Language, SpecialistIndexPage, SpecialistPage


class LanguageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Language
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"x{chr(97 + n // 26 % 26)}{chr(97 + n % 26)}")
    name = factory.Sequence(lambda n: f"Language {n}")


class ApproachFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Approach
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Approach {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class SpecialistIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SpecialistIndexPage

    title = "Specialists"
    slug = "specialists"


class SpecialistPageFactory(wagtail_factories.PageFactory):
    """A live, verified specialist, as the directory lists them. Pass
    verified_at=None (or use unverified=True) for one a moderator has not
    checked yet."""

    class Meta:
        model = SpecialistPage
        skip_postgeneration_save = True

    class Params:
        unverified = factory.Trait(verified_at=None)

    title = factory.Sequence(lambda n: f"Dr Specialist {n}")
    professional_title = "Clinical psychologist"
    short_bio = factory.Faker("paragraph", nb_sentences=2)
    offers_free_consultation = False
    offers_online = True
    accepting_new_clients = True
    fees = "£70 for a 50-minute session"
    licence_number = factory.Sequence(lambda n: f"TEST-{n:05d}")
    licence_issuing_body = "Health and Care Professions Council"
    licence_country = "United Kingdom"
    verified_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def verified_details(obj, create, extracted, **kwargs):
        # A verified page keeps what was checked, as specialist_verify records it.
        if create and obj.verified_at is not None:
            obj.verified_details = extracted or obj.verification_details()
            SpecialistPage.objects.filter(pk=obj.pk).update(verified_details=obj.verified_details)

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.topics.set(extracted)
            obj._relations_changed = True

    @factory.post_generation
    def languages(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.languages.set(extracted)
            obj._relations_changed = True

    @factory.post_generation
    def approaches(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.approaches.set(extracted)
            obj._relations_changed = True

    @factory.post_generation
    def publish_relations(obj, create, extracted, **kwargs):
        # Many-to-many choices on a page are stored when a revision is published.
        if create and getattr(obj, "_relations_changed", False):
            revision = obj.save_revision()
            if obj.live:
                revision.publish()
            else:
                obj.save()  # a draft keeps its choices too
            del obj._relations_changed
