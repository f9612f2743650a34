import factory
import wagtail_factories

from .models import SpecialistIndexPage, SpecialistPage


class SpecialistIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SpecialistIndexPage

    title = "Specialists"
    slug = "specialists"


class SpecialistPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SpecialistPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Dr Specialist {n}")
    professional_title = "Clinical psychologist"
    short_bio = factory.Faker("paragraph", nb_sentences=2)
    offers_free_consultation = False

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.topics.set(extracted)
            obj.save_revision().publish()
