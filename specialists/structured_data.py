"""schema.org data for a specialist's landing page (JSON-LD): a ProfilePage
whose main entity is the Person. Rendered with core_tags.json_ld, which
escapes <, > and & so no value can end the script element."""

from core.dates import machine_datetime
from core.http import site_url

PHOTO_FILTER = "fill-480x480|format-jpeg"


def specialist_json_ld(page, request, topics=None, languages=None):
    # A preview of a page never saved has no URL yet: the address being previewed,
    # on the configured site like every other link.
    url = page.get_full_url(request) if page.pk else site_url(request.path, request)
    person = {
        "@type": "Person",
        "name": page.title,
        "url": url,
        "description": page.short_bio,
    }
    if page.professional_title:
        person["jobTitle"] = page.professional_title
    if page.photo:
        person["image"] = site_url(page.photo.get_rendition(PHOTO_FILTER).url, request)
    topics = list(page.topics.all()) if topics is None else topics
    if topics:
        person["knowsAbout"] = [topic.name for topic in topics]
    languages = list(page.languages.all()) if languages is None else languages
    if languages:
        person["knowsLanguage"] = [
            {"@type": "Language", "name": lang.name, "alternateName": lang.code} for lang in languages
        ]
    if page.offers_in_person and page.location:
        person["workLocation"] = {"@type": "Place", "name": page.location}
    if page.is_verified and page.licence_issuing_body:
        credential = {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": "license",
            "name": page.professional_title or "Professional licence",
            "recognizedBy": {"@type": "Organization", "name": page.licence_issuing_body},
        }
        if page.licence_number:
            credential["identifier"] = page.licence_number
        if page.licence_country:
            credential["validIn"] = {"@type": "Country", "name": page.licence_country}
        person["hasCredential"] = credential
    data = {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "url": url,
        "name": page.seo_title or page.title,
        "mainEntity": person,
    }
    if page.first_published_at:
        data["dateCreated"] = machine_datetime(page.first_published_at)
    if page.last_published_at:
        data["dateModified"] = machine_datetime(page.last_published_at)
    return data
