"""Messaging's tokens: each blank message form carries a new one, so a second
submit of the same form finds the first message instead of sending it twice
(services.message_send)."""

import uuid


def message_form_token():
    return uuid.uuid4()
