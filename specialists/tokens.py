"""The directory's unguessable names."""

import secrets


def unguessable_file_name(extension):
    """Media files are public to whoever knows the URL: a profile photo's name
    is random (not the member's name), so a photo of a profile that is not
    live, or no longer is, cannot be found by guessing."""
    return f"{secrets.token_urlsafe(18)}{extension}"
