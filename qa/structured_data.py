"""schema.org QAPage for a question page (rendered with core_tags.json_ld).

The asker is named as readers see them: "Anonymous member" when they chose so."""

from core.dates import machine_datetime
from core.http import site_url
from core.sanitize import markdown_plain_text as _plain


def _answer(answer, request):
    author = {"@type": "Person", "name": answer.specialist.title if answer.specialist else answer.author.display_name}
    if answer.specialist is not None and answer.specialist.live:
        author["url"] = answer.specialist.get_full_url(request)
    return {
        "@type": "Answer",
        "text": _plain(answer.body),
        "dateCreated": machine_datetime(answer.created_at),
        "upvoteCount": answer.helpful_count,
        "url": site_url(answer.get_absolute_url(), request),
        "author": author,
    }


def question_json_ld(question, answers, request):
    main = {
        "@type": "Question",
        "name": question.title,
        "text": _plain(question.body),
        "dateCreated": machine_datetime(question.created_at),
        "answerCount": len(answers),
        "author": {"@type": "Person", "name": str(question.public_author_name)},
    }
    accepted = [answer for answer in answers if answer.pk == question.accepted_answer_id]
    others = [answer for answer in answers if answer.pk != question.accepted_answer_id]
    if accepted:
        main["acceptedAnswer"] = _answer(accepted[0], request)
    if others:
        main["suggestedAnswer"] = [_answer(answer, request) for answer in others]
    return {"@context": "https://schema.org", "@type": "QAPage", "mainEntity": main}
