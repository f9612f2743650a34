"""schema.org data for articles (JSON-LD).

Rendered with core_tags.json_ld, which escapes <, > and & so no value (a title
with "</script>" in it, say) can end the script element."""

from core.dates import machine_datetime
from core.http import site_url

SOCIAL_IMAGE_FILTER = "fill-1200x630|format-jpeg"  # the same rendition as og:image


def _person(specialist, request):
    if specialist is None:
        return None
    person = {"@type": "Person", "name": specialist.title, "url": specialist.get_full_url(request)}
    if specialist.professional_title:
        person["jobTitle"] = specialist.professional_title
    return person


def article_json_ld(page, request, topics=None):
    """An Article for `page`; `topics` saves a query when the caller has them."""
    url = page.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": page.title[:110],
        "description": page.get_meta_description(),
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": machine_datetime(page.published_date),
        "inLanguage": "en",
        "publisher": {"@type": "Organization", "name": "Steady Ground"},
        "timeRequired": f"PT{page.reading_time}M",
    }
    if page.last_published_at:
        data["dateModified"] = machine_datetime(page.last_published_at)
    author = _person(page.author, request)
    if author:
        data["author"] = author
    if page.reviewer and page.reviewed_on:
        data["reviewedBy"] = _person(page.reviewer, request)
        data["lastReviewed"] = machine_datetime(page.reviewed_on)
    if topics is None:
        topics = page.topics.all()
    about = [{"@type": "Thing", "name": topic.name} for topic in topics]
    if about:
        data["about"] = about
    image = page.get_social_image()
    if image:
        rendition = image.get_rendition(SOCIAL_IMAGE_FILTER)
        data["image"] = site_url(rendition.url, request)
    return data
