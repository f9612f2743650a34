"""The demo site's words, for `manage.py seed_demo`: read from the YAML files in
home/demo/ (our own writing; the people are invented).

StreamField bodies come as lists of (block_type, value) pairs in the shapes
`core.blocks.StoryBlock` accepts; an image block's image names one of IMAGES
by key and the command swaps in the Wagtail image. A hero image's alternative
text is its image's description."""

from pathlib import Path

import yaml

DEMO_DIR = Path(__file__).resolve().parent / "demo"


def _load(name):
    return yaml.safe_load((DEMO_DIR / f"{name}.yaml").read_text(encoding="utf-8"))


def _with_blocks(pages):
    """Each body's `- block_type: value` entries as (block_type, value) pairs."""
    return [{**page, "body": [next(iter(block.items())) for block in page["body"]]} for page in pages]


_site = _load("site")
SITE_NAME = _site["site_name"]
ACCOUNTS = _site["accounts"]
GROUPS = _site["groups"]
DEMO_TOTP_SECRET = _site["demo_totp_secret"]
TOPICS = _site["topics"]
CRISIS_RESOURCES = _site["crisis_resources"]
IMAGES = _site["images"]
HOME = _site["home"]
ARTICLE_INDEX = _site["article_index"]
QUESTION_INDEX = _site["question_index"]
SPECIALIST_INDEX = _site["specialist_index"]
CONTACT_PAGE = _site["contact_page"]
DEMO_LANGUAGES = _site["languages"]
DEMO_APPROACHES = _site["approaches"]
SPECIALISTS = _load("specialists")
ARTICLES = _with_blocks(_load("articles"))
STANDARD_PAGES = _with_blocks(_load("pages"))
COMMENTS = _load("comments")
QUESTIONS = _load("questions")
