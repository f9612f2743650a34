"""The operations the data migrations (articles 0004, home 0004) run on stored
bodies: old shapes in, the current StoryBlock shapes out, nothing lost."""

from core.blocks import StoryBlock
from core.stream_migrations import GroupQuestionsOperation, ImageToImageBlockOperation


def faq(question, answer, block_id):
    return {"type": "faq", "value": {"question": question, "answer": answer}, "id": block_id}


def test_image_alt_text_moves_into_the_image_block_value():
    old = {"image": 7, "alt_text": "A hill at dusk", "caption": "Evening light"}

    new = ImageToImageBlockOperation().apply(old)

    assert new == {"image": {"image": 7, "alt_text": "A hill at dusk", "decorative": False}, "caption": "Evening light"}
    assert ImageToImageBlockOperation().apply(new) == new  # running twice changes nothing


def test_neighbouring_questions_become_one_block_and_others_stay_apart():
    old = [
        faq("Is it normal?", "<p>Very common.</p>", "a"),
        faq("Will it pass?", "<p>Often.</p>", "b"),
        {"type": "heading", "value": {"text": "More", "level": "h2"}, "id": "c"},
        faq("Who can help?", "<p>A GP.</p>", "d"),
    ]

    new = GroupQuestionsOperation().apply(old)

    assert [child["type"] for child in new] == ["faq", "heading", "faq"]
    assert [item["value"]["question"] for item in new[0]["value"]["items"]] == ["Is it normal?", "Will it pass?"]
    assert new[0]["value"]["items"][1]["value"]["answer"] == "<p>Often.</p>"
    assert [item["value"]["question"] for item in new[2]["value"]["items"]] == ["Who can help?"]
    assert GroupQuestionsOperation().apply(new) == new
    # The result is what the StoryBlock reads.
    body = StoryBlock().to_python(new)
    assert [item["question"] for item in body[0].value["items"]] == ["Is it normal?", "Will it pass?"]
