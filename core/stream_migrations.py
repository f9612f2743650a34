"""Operations for Wagtail's MigrateStreamData that move StoryBlock bodies
(articles, standard pages) to the current block shapes. Used by migrations,
so they work on stored JSON only and never change once a migration uses them."""

import uuid

from wagtail.blocks.migrations.operations import BaseBlockOperation


class ImageToImageBlockOperation(BaseBlockOperation):
    """{"image": id, "alt_text", "caption"} -> {"image": {"image": id, "alt_text",
    "decorative": False}, "caption"}: the alternative text moves into the value
    of Wagtail's ImageBlock. Apply at the path of the image block."""

    def apply(self, block_value):
        if not isinstance(block_value, dict) or isinstance(block_value.get("image"), dict):
            return block_value  # already in the new shape
        alt_text = block_value.get("alt_text") or ""
        return {
            "image": {"image": block_value.get("image"), "alt_text": alt_text, "decorative": not alt_text},
            "caption": block_value.get("caption") or "",
        }

    @property
    def operation_name_fragment(self):
        return "image_to_image_block"


class GroupQuestionsOperation(BaseBlockOperation):
    """Consecutive "faq" blocks of one question each become one "faq" block
    (Questions and answers) with an item per question. Apply at the top level ("")."""

    def apply(self, block_value):
        merged = []
        for child in block_value:
            value = child.get("value")
            if child.get("type") != "faq" or not isinstance(value, dict) or "items" in value:
                merged.append(child)
                continue
            item = {
                "type": "item",
                "value": {"question": value.get("question", ""), "answer": value.get("answer", "")},
                "id": str(uuid.uuid4()),
            }
            previous = merged[-1] if merged else None
            if previous is not None and previous.get("type") == "faq" and previous.get("_grouped"):
                previous["value"]["items"].append(item)
            else:
                merged.append(
                    {
                        "type": "faq",
                        "value": {"items": [item]},
                        "id": child.get("id") or str(uuid.uuid4()),
                        "_grouped": True,
                    }
                )
        for child in merged:
            child.pop("_grouped", None)
        return merged

    @property
    def operation_name_fragment(self):
        return "group_questions"
