"""Home's models: its pages (pages.py) and the messages members send through
the contact page (contact.py), which the page's form and service use."""

from .contact import ContactMessage
from .pages import ContactPage, FeaturedArticle, HomePage, StandardPage

__all__ = ["ContactMessage", "ContactPage", "FeaturedArticle", "HomePage", "StandardPage"]
