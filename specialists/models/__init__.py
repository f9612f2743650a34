"""The directory's models: its pages and reference snippets (pages.py) and
the free consultation's availability and requests (consultations.py)."""

from .consultations import (
    Availability,
    AvailabilityWindow,
    ConsultationFormat,
    ConsultationRequest,
    ConsultationStatus,
    DateOff,
)
from .pages import (
    SPECIALISTS_PER_PAGE,
    Approach,
    Language,
    SpecialistIndexPage,
    SpecialistPage,
    SpecialistPageManager,
    SpecialistPageQuerySet,
)

__all__ = [
    "SPECIALISTS_PER_PAGE",
    "Approach",
    "Availability",
    "AvailabilityWindow",
    "ConsultationFormat",
    "ConsultationRequest",
    "ConsultationStatus",
    "DateOff",
    "Language",
    "SpecialistIndexPage",
    "SpecialistPage",
    "SpecialistPageManager",
    "SpecialistPageQuerySet",
]
