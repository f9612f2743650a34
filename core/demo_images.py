"""Calm abstract pictures drawn with Pillow for the demo site.

No photographs and no faces: avatars are initials on a soft circle, hero
pictures are layered hills and a low sun on a gradient. Every function is
deterministic for a given seed, so `seed_demo` draws the same pictures on every
machine. Pictures are saved as optimised JPEGs to keep the files small.
"""

import io
import math
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter, ImageFont
from wagtail.images import get_image_model

# Soft palettes: (light, mid, deep). Deep colours are dark enough for white text.
PALETTES = [
    ((223, 233, 226), (169, 197, 180), (62, 104, 86)),  # sage
    ((243, 227, 211), (227, 182, 160), (122, 84, 110)),  # dusk
    ((224, 238, 242), (159, 198, 210), (44, 98, 116)),  # sea
    ((246, 238, 223), (217, 195, 160), (112, 84, 52)),  # sand
    ((236, 232, 244), (195, 184, 220), (88, 74, 132)),  # lavender
    ((238, 241, 225), (194, 204, 154), (82, 96, 48)),  # moss
]

# Shapes are drawn at a quarter of the final size and scaled up: the
# resampling softens their edges, which is both calmer and much faster than
# blurring a full-size picture.
_DRAW_SCALE = 4


def palette_for(seed, palette=None):
    """The palette numbered `palette`, or one picked by the seed."""
    if palette is None:
        palette = random.Random(seed).randrange(len(PALETTES))  # noqa: S311 (pictures, not secrets)
    return PALETTES[palette % len(PALETTES)]


def _gradient(size, top_left, bottom_right, middle):
    """A smooth diagonal gradient: a 2x2 picture stretched with bicubic resampling."""
    tiny = PILImage.new("RGB", (2, 2))
    tiny.putdata([top_left, middle, middle, bottom_right])
    return tiny.resize(size, PILImage.Resampling.BICUBIC)


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _soft_layer(size, colour, alpha, draw_shape, blur=0):
    """A layer of one colour whose shape `draw_shape(draw, scale)` paints on a
    mask drawn three times larger and shrunk: smooth edges without stair steps."""
    scale = 3
    mask = PILImage.new("L", (size[0] * scale, size[1] * scale), 0)
    draw_shape(ImageDraw.Draw(mask), scale)
    mask = mask.resize(size, PILImage.Resampling.LANCZOS)
    if blur:
        mask = mask.filter(ImageFilter.GaussianBlur(blur))
    layer = PILImage.new("RGBA", size, (*colour, 0))
    layer.putalpha(mask.point(lambda value: value * alpha // 255))
    return layer


def draw_abstract(seed, size=(1600, 900), palette=None):
    """Layered soft hills under a low sun on a gradient sky."""
    rng = random.Random(seed)  # noqa: S311
    light, mid, deep = palette_for(seed, palette)
    width, height = size
    small = (max(8, width // _DRAW_SCALE), max(8, height // _DRAW_SCALE))
    picture = _gradient(small, light, _mix(light, mid, 0.55), _mix(light, mid, 0.25)).convert("RGBA")

    sun_r = small[1] * rng.uniform(0.14, 0.22)
    sun_x = small[0] * rng.uniform(0.2, 0.8)
    sun_y = small[1] * rng.uniform(0.22, 0.4)

    def sun(draw, scale):
        draw.ellipse(
            ((sun_x - sun_r) * scale, (sun_y - sun_r) * scale, (sun_x + sun_r) * scale, (sun_y + sun_r) * scale),
            fill=255,
        )

    picture = PILImage.alpha_composite(picture, _soft_layer(small, _mix(light, (255, 250, 240), 0.6), 210, sun, blur=1))

    hills = 3 + rng.randrange(2)
    for i in range(hills):
        t = (i + 1) / hills
        base = small[1] * (0.45 + 0.45 * t)
        amplitude = small[1] * rng.uniform(0.04, 0.1)
        wavelength = small[0] * rng.uniform(0.6, 1.4)
        phase = rng.uniform(0, math.tau)

        def hill(draw, scale, base=base, amplitude=amplitude, wavelength=wavelength, phase=phase):
            points = [
                (x * scale, (base - amplitude * math.sin(phase + math.tau * x / wavelength)) * scale)
                for x in range(0, small[0] + 2, 2)
            ]
            points += [(small[0] * scale, small[1] * scale), (0, small[1] * scale)]
            draw.polygon(points, fill=255)

        colour = _mix(mid, deep, 0.2 + 0.75 * t)
        picture = PILImage.alpha_composite(picture, _soft_layer(small, colour, 150 + round(100 * t), hill))
    return picture.convert("RGB").resize(size, PILImage.Resampling.BICUBIC)


def draw_connection(seed, size=(1200, 800), palette=None):
    """Two soft overlapping circles on a pale gradient: closeness, not sameness."""
    rng = random.Random(seed)  # noqa: S311
    light, mid, deep = palette_for(seed, palette)
    other = PALETTES[(PALETTES.index((light, mid, deep)) + 3) % len(PALETTES)]
    width, height = size
    small = (max(8, width // _DRAW_SCALE), max(8, height // _DRAW_SCALE))
    picture = _gradient(small, light, _mix(light, other[0], 0.7), _mix(light, other[0], 0.4)).convert("RGBA")
    radius = small[1] * rng.uniform(0.26, 0.3)
    centre_y = small[1] * 0.5
    for centre_x, colour in ((small[0] * 0.41, mid), (small[0] * 0.59, other[1])):

        def circle(draw, scale, centre_x=centre_x):
            draw.ellipse(
                (
                    (centre_x - radius) * scale,
                    (centre_y - radius) * scale,
                    (centre_x + radius) * scale,
                    (centre_y + radius) * scale,
                ),
                fill=255,
            )

        picture = PILImage.alpha_composite(picture, _soft_layer(small, colour, 170, circle))
    return picture.convert("RGB").resize(size, PILImage.Resampling.BICUBIC)


def draw_avatar(initials, seed, size=480, palette=None):
    """Initials in white on a deep circle over a soft gradient square."""
    light, mid, deep = palette_for(seed, palette)
    picture = _gradient((size, size), light, mid, _mix(light, mid, 0.5))
    scale = 4  # draw the circle large and shrink it: smooth edges without a blur
    mask = PILImage.new("L", (size * scale, size * scale), 0)
    margin = size * scale // 10
    ImageDraw.Draw(mask).ellipse((margin, margin, size * scale - margin, size * scale - margin), fill=255)
    mask = mask.resize((size, size), PILImage.Resampling.LANCZOS)
    picture.paste(PILImage.new("RGB", (size, size), deep), (0, 0), mask)
    draw = ImageDraw.Draw(picture)
    font = ImageFont.load_default(size=round(size * 0.34))
    draw.text((size / 2, size / 2), initials.upper()[:2], font=font, fill=(255, 255, 255), anchor="mm")
    return picture


def to_jpeg(picture, quality=80):
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=quality, optimize=True, progressive=True)
    return buffer.getvalue()


def save_wagtail_image(picture, *, title, filename, description="", collection=None):
    """Save a Pillow picture as a Wagtail image (JPEG) and return the image."""
    image_model = get_image_model()
    image = image_model(title=title, description=description)
    if collection is not None:
        image.collection = collection
    content = to_jpeg(picture)
    image.file = ImageFile(io.BytesIO(content), name=filename)
    image.file_size = len(content)
    image.save()
    image.get_file_hash()  # stores the hash Wagtail's admin finds duplicates by
    return image


def abstract_image(*, title, seed, size=(1600, 900), palette=None, collection=None, description="", kind="hills"):
    """A Wagtail image of calm abstract shapes (kind "hills" or "connection")."""
    draw = draw_connection if kind == "connection" else draw_abstract
    return save_wagtail_image(
        draw(seed, size, palette),
        title=title,
        filename=f"demo-{seed}.jpg",
        description=description,
        collection=collection,
    )


def avatar_image(*, title, initials, seed, size=480, palette=None, collection=None):
    """A Wagtail image of the initials on a soft circle, for a profile without a photo."""
    return save_wagtail_image(
        draw_avatar(initials, seed, size, palette),
        title=title,
        filename=f"avatar-{seed}.jpg",
        description=f"The initials {initials} on a coloured circle",
        collection=collection,
    )
