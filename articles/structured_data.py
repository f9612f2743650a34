"""schema.org data for articles (JSON-LD)."""


def _person(specialist, request):
    if specialist is None:
        return None
    person = {
        "@type": "Person",
        "name": specialist.title,
        "jobTitle": specialist.professional_title,
        "url": specialist.get_full_url(request),
    }
    return person


def article_json_ld(page, request):
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": page.title[:110],
        "description": page.get_meta_description(),
        "url": page.get_full_url(request),
        "mainEntityOfPage": page.get_full_url(request),
        "datePublished": page.published_date.isoformat(),
        "inLanguage": "en",
        "publisher": {"@type": "Organization", "name": "Steady Ground"},
        "timeRequired": f"PT{page.reading_time}M",
    }
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    author = _person(page.author, request)
    if author:
        data["author"] = author
    if page.reviewer and page.reviewed_on:
        data["reviewedBy"] = _person(page.reviewer, request)
        data["lastReviewed"] = page.reviewed_on.isoformat()
    topics = [topic.name for topic in page.topics.all()]
    if topics:
        data["about"] = [{"@type": "Thing", "name": name} for name in topics]
    image = page.get_social_image()
    if image:
        rendition = image.get_rendition("fill-1200x630|format-jpeg")
        data["image"] = request.build_absolute_uri(rendition.url)
    return data
