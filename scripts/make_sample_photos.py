"""Make the sample illustrations that stand in for activity photos.

Every image written here is drawn from scratch by this script for the project
with Pillow primitives (rectangles, ellipses, polygons, soft gradients) and the
DejaVu fonts; nothing is copied from a photo or another work. The images are
dedicated to the public domain (CC0 1.0) and are free to ship with the site.

The drawing is deterministic: the only pseudo-random choices (book spine
widths and colours) come from ``random.Random`` with fixed seeds, so running
the script twice gives the same pictures.

    .venv/bin/python scripts/make_sample_photos.py

JPEGs are saved at quality 72, optimised and progressive, without EXIF or ICC
data; each must stay under 90,000 bytes. The one PNG (transparent infographic)
is palette-quantised with per-entry alpha and must stay under 60,000 bytes.
The script prints each file's path, pixel size and byte size, and exits with
status 1 if a file is over its limit. To keep the JPEGs small, the long
straight edges of big shapes sit on the 8-pixel JPEG block grid, backgrounds
are softly blurred (depth of field), and there is no noise or texture.
"""

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "content" / "articles"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
S = 2  # supersampling factor: draw at 2x, then average each 2x2 block

JPEG_LIMIT = 90_000  # bytes; "under 90 KB" in either sense of KB
PNG_LIMIT = 60_000


# --------------------------------------------------------------------------
# colours
# --------------------------------------------------------------------------


def hexc(s, a=None):
    s = s.lstrip("#")
    c = tuple(int(s[i : i + 2], 16) for i in (0, 2, 4))
    return c if a is None else c + (a,)


def mix(a, b, t):
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))


def darker(c, t=0.18):
    return mix(c, (45, 25, 20), t)


def lighter(c, t=0.25):
    return mix(c, (255, 250, 242), t)


SKIN = [
    hexc("#F3CFA6"),
    hexc("#E2AE7C"),
    hexc("#C98B5C"),
    hexc("#A86E45"),
    hexc("#8A5536"),
    hexc("#D9A06E"),
]
HAIR_BLACK = hexc("#2B2220")
HAIR_BROWN = hexc("#4A3022")
HAIR_GREY = hexc("#8E8782")
INK = hexc("#2E2A3A")
CREAM = hexc("#FFF6E6")
TERRACOTTA = hexc("#E07A5F")
MUSTARD = hexc("#F2B84B")
TEAL = hexc("#2F8F8B")
SAGE = hexc("#81B29A")
NAVY = hexc("#3D405B")
CORAL = hexc("#F4A261")
MAROON = hexc("#9C3D54")
PLUM = hexc("#7B4B94")
SKY = hexc("#7FB8D6")
WOOD = hexc("#B7804F")
BOOK_COLOURS = [
    TERRACOTTA,
    MUSTARD,
    TEAL,
    SAGE,
    NAVY,
    CORAL,
    MAROON,
    PLUM,
    hexc("#5DA9E9"),
    hexc("#E9C46A"),
    hexc("#D1495B"),
    hexc("#6A994E"),
    hexc("#EDAE49"),
    hexc("#00798C"),
]


# --------------------------------------------------------------------------
# fonts
# --------------------------------------------------------------------------

_FONTS = {}


def font(size, bold=False, condensed=False, scale=S):
    """DejaVu at `size` final pixels on a canvas supersampled `scale` times."""
    key = (size, bold, condensed, scale)
    if key not in _FONTS:
        name = "DejaVuSans"
        if condensed:
            name += "Condensed"
        if bold:
            name += "-Bold"
        path = FONT_DIR / f"{name}.ttf"
        if not path.exists():
            path = FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
        if path.exists():
            _FONTS[key] = ImageFont.truetype(str(path), size * scale)
        else:
            _FONTS[key] = ImageFont.load_default(size=size * scale)
    return _FONTS[key]


# --------------------------------------------------------------------------
# canvas: coordinates in final pixels, drawn at S times the size
# --------------------------------------------------------------------------


class Canvas:
    def __init__(self, w, h, bg=(255, 255, 255), mode="RGB", scale=S):
        self.w, self.h, self.mode, self.s = w, h, mode, scale
        self.img = Image.new(mode, (w * scale, h * scale), bg)
        self.d = ImageDraw.Draw(self.img)

    def _b(self, box):
        x0, y0, x1, y1 = box
        return [
            round(min(x0, x1) * self.s),
            round(min(y0, y1) * self.s),
            round(max(x0, x1) * self.s),
            round(max(y0, y1) * self.s),
        ]

    def _pts(self, points):
        return [(round(x * self.s), round(y * self.s)) for x, y in points]

    def rect(self, box, fill=None, r=0, outline=None, width=0):
        b = self._b(box)
        w = max(1, round(width * self.s)) if outline else 0
        if r:
            self.d.rounded_rectangle(
                b, radius=round(r * self.s), fill=fill, outline=outline, width=w
            )
        else:
            self.d.rectangle(b, fill=fill, outline=outline, width=w)

    def ellipse(self, box, fill=None, outline=None, width=0):
        w = max(1, round(width * self.s)) if outline else 0
        self.d.ellipse(self._b(box), fill=fill, outline=outline, width=w)

    def circle(self, cx, cy, r, fill=None, outline=None, width=0):
        self.ellipse((cx - r, cy - r, cx + r, cy + r), fill, outline, width)

    def poly(self, points, fill=None, outline=None, width=0):
        w = max(1, round(width * self.s)) if outline else 0
        self.d.polygon(self._pts(points), fill=fill, outline=outline, width=w)

    def line(self, points, fill, width=2, joint="curve"):
        self.d.line(self._pts(points), fill=fill, width=max(1, round(width * self.s)), joint=joint)

    def thick(self, p0, p1, fill, width):
        """A line with round caps (limbs, poles)."""
        self.line([p0, p1], fill, width)
        for x, y in (p0, p1):
            self.circle(x, y, width / 2, fill)

    def arc(self, box, start, end, fill, width=2):
        self.d.arc(self._b(box), start, end, fill=fill, width=max(1, round(width * self.s)))

    def pieslice(self, box, start, end, fill):
        self.d.pieslice(self._b(box), start, end, fill=fill)

    def chord(self, box, start, end, fill):
        self.d.chord(self._b(box), start, end, fill=fill)

    def text(self, xy, s, size, fill, bold=False, anchor="la", condensed=False):
        self.d.text(
            (round(xy[0] * self.s), round(xy[1] * self.s)),
            s,
            font=font(size, bold, condensed, self.s),
            fill=fill,
            anchor=anchor,
        )

    def textlen(self, s, size, bold=False, condensed=False):
        return font(size, bold, condensed, self.s).getlength(s) / self.s

    def gradient(self, box, top, bottom, horizontal=False):
        b = self._b(box)
        w, h = b[2] - b[0], b[3] - b[1]
        if w <= 0 or h <= 0:
            return
        g = Image.linear_gradient("L")
        if horizontal:
            g = g.rotate(90, expand=True).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
        mask = g.resize((w, h), Image.Resampling.BILINEAR)
        base = Image.new(self.mode, (w, h), top)
        base.paste(Image.new(self.mode, (w, h), bottom), (0, 0), mask)
        self.img.paste(base, (b[0], b[1]))

    def glow(self, cx, cy, rx, ry, colour, strength=0.5):
        """Soft radial light, strongest in the centre."""
        b = self._b((cx - rx, cy - ry, cx + rx, cy + ry))
        w, h = b[2] - b[0], b[3] - b[1]
        g = Image.radial_gradient("L").resize((w, h), Image.Resampling.BILINEAR)
        mask = g.point(lambda v: round(max(0, 255 - v * 1.41) * strength))
        self.img.paste(Image.new(self.mode, (w, h), colour), (b[0], b[1]), mask)

    def shadow(self, box, r=0, blur=14, colour=(60, 35, 20), opacity=0.3, ellipse=False):
        pad = blur * 3
        x0, y0, x1, y1 = box
        rb = self._b((x0 - pad, y0 - pad, x1 + pad, y1 + pad))
        w, h = rb[2] - rb[0], rb[3] - rb[1]
        m = Image.new("L", (w, h), 0)
        md = ImageDraw.Draw(m)
        ps = round(pad * self.s)
        inner = [ps, ps, w - ps, h - ps]
        if ellipse:
            md.ellipse(inner, fill=round(255 * opacity))
        else:
            md.rounded_rectangle(inner, radius=round(r * self.s), fill=round(255 * opacity))
        m = m.filter(ImageFilter.GaussianBlur(blur * self.s))
        self.img.paste(Image.new(self.mode, (w, h), colour), (rb[0], rb[1]), m)

    def blur(self, radius, box=None):
        """Soften what is drawn so far (depth of field), optionally in a box."""
        f = ImageFilter.GaussianBlur(radius * self.s)
        if box is None:
            self.img = self.img.filter(f)
            self.d = ImageDraw.Draw(self.img)
        else:
            b = self._b(box)
            self.img.paste(self.img.crop(b).filter(f), (b[0], b[1]))

    def paste(self, child, x, y, r=0):
        """Paste another Canvas (clipped to a rounded rectangle if r)."""
        mask = None
        if r:
            mask = Image.new("L", child.img.size, 0)
            ImageDraw.Draw(mask).rounded_rectangle(
                [0, 0, child.img.size[0] - 1, child.img.size[1] - 1],
                radius=round(r * self.s),
                fill=255,
            )
        self.img.paste(child.img, (round(x * self.s), round(y * self.s)), mask)

    def final(self):
        # a plain 2x2 box average: edges that sit on the 8-pixel JPEG grid
        # stay crisp there, which keeps the files small
        return self.img.reduce(self.s)


# --------------------------------------------------------------------------
# people
# --------------------------------------------------------------------------


def face_front(c, cx, hy, r, skin, glasses=False, brows=None):
    eye = hexc("#2A211E")
    for s in (-1, 1):
        c.ellipse(
            (
                cx + s * 0.36 * r - 0.09 * r,
                hy + 0.02 * r,
                cx + s * 0.36 * r + 0.09 * r,
                hy + 0.24 * r,
            ),
            fill=eye,
        )
        c.ellipse(
            (
                cx + s * 0.58 * r - 0.15 * r,
                hy + 0.38 * r,
                cx + s * 0.58 * r + 0.15 * r,
                hy + 0.56 * r,
            ),
            fill=mix(skin, hexc("#F08A8A"), 0.35),
        )
        if brows:
            c.arc(
                (
                    cx + s * 0.36 * r - 0.17 * r,
                    hy - 0.22 * r,
                    cx + s * 0.36 * r + 0.17 * r,
                    hy + 0.02 * r,
                ),
                200,
                340,
                fill=brows,
                width=max(2, 0.06 * r),
            )
    c.arc(
        (cx - 0.28 * r, hy + 0.3 * r, cx + 0.28 * r, hy + 0.7 * r),
        25,
        155,
        fill=hexc("#8A3B32"),
        width=max(2, 0.07 * r),
    )
    if glasses:
        g = hexc("#3A2E2A")
        for s in (-1, 1):
            c.circle(cx + s * 0.37 * r, hy + 0.13 * r, 0.24 * r, outline=g, width=max(2, 0.06 * r))
        c.line([(cx - 0.13 * r, hy + 0.1 * r), (cx + 0.13 * r, hy + 0.1 * r)], g, max(2, 0.05 * r))


def person_front(
    c,
    cx,
    hy,
    r,
    skin,
    shirt,
    hair=HAIR_BLACK,
    hijab=None,
    style="short",
    glasses=False,
    peci=False,
    collar=None,
    sw=2.5,
):
    """Head and shoulders facing the viewer; head centre (cx, hy), radius r;
    sw is the half-width of the shoulders in head radii."""
    neck = darker(skin, 0.12)
    # shoulders
    c.rect(
        (cx - sw * r, hy + 1.45 * r, cx + sw * r, hy + 5.5 * r),
        fill=shirt,
        r=min(1.15, sw * 0.46) * r,
    )
    if hijab:
        c.ellipse((cx - 1.95 * r, hy + 0.5 * r, cx + 1.95 * r, hy + 3.0 * r), fill=hijab)
        c.ellipse((cx - 1.32 * r, hy - 1.45 * r, cx + 1.32 * r, hy + 1.45 * r), fill=hijab)
        c.ellipse((cx - 0.84 * r, hy - 0.86 * r, cx + 0.84 * r, hy + 1.02 * r), fill=skin)
        c.arc(
            (cx - 1.05 * r, hy - 1.1 * r, cx + 1.05 * r, hy + 1.25 * r),
            200,
            340,
            fill=darker(hijab, 0.14),
            width=0.09 * r,
        )
        face_front(c, cx, hy, r * 0.92, skin, glasses)
        return
    c.rect((cx - 0.36 * r, hy + 0.5 * r, cx + 0.36 * r, hy + 1.75 * r), fill=neck, r=0.2 * r)
    c.poly(
        [(cx - 0.62 * r, hy + 1.45 * r), (cx + 0.62 * r, hy + 1.45 * r), (cx, hy + 2.15 * r)],
        fill=neck,
    )
    if collar:
        c.poly(
            [
                (cx - 0.7 * r, hy + 1.38 * r),
                (cx - 0.05 * r, hy + 2.2 * r),
                (cx - 0.55 * r, hy + 2.35 * r),
                (cx - 0.95 * r, hy + 1.5 * r),
            ],
            fill=collar,
        )
        c.poly(
            [
                (cx + 0.7 * r, hy + 1.38 * r),
                (cx + 0.05 * r, hy + 2.2 * r),
                (cx + 0.55 * r, hy + 2.35 * r),
                (cx + 0.95 * r, hy + 1.5 * r),
            ],
            fill=collar,
        )
    if style == "long":
        c.rect((cx - 1.18 * r, hy - 0.7 * r, cx + 1.18 * r, hy + 1.9 * r), fill=hair, r=0.7 * r)
    for s in (-1, 1):
        c.ellipse(
            (cx + s * 0.98 * r - 0.2 * r, hy - 0.1 * r, cx + s * 0.98 * r + 0.2 * r, hy + 0.38 * r),
            fill=neck,
        )
    c.ellipse((cx - r, hy - 1.1 * r, cx + r, hy + 1.1 * r), fill=skin)
    # hair dome with a side parting
    c.pieslice((cx - 1.07 * r, hy - 1.27 * r, cx + 1.07 * r, hy + 0.45 * r), 180, 360, fill=hair)
    c.poly(
        [
            (cx - 1.04 * r, hy - 0.45 * r),
            (cx - 0.2 * r, hy - 0.45 * r),
            (cx - 0.95 * r, hy + 0.05 * r),
        ],
        fill=hair,
    )
    if style == "long":
        for s in (-1, 1):
            c.rect(
                (
                    cx + s * 0.98 * r - 0.16 * r,
                    hy - 0.6 * r,
                    cx + s * 0.98 * r + 0.16 * r,
                    hy + 0.9 * r,
                ),
                fill=hair,
                r=0.12 * r,
            )
    if peci:
        c.rect(
            (cx - 0.98 * r, hy - 1.42 * r, cx + 0.98 * r, hy - 0.52 * r),
            fill=hexc("#1F1B1D"),
            r=0.12 * r,
        )
        c.rect((cx - 0.98 * r, hy - 0.72 * r, cx + 0.98 * r, hy - 0.56 * r), fill=hexc("#3A3236"))
    face_front(c, cx, hy, r, skin, glasses, brows=darker(hair, 0.05))


def person_back(
    c, cx, hy, r, skin, shirt, hair=HAIR_BLACK, hijab=None, style="short", shoulders=True
):
    """Head and shoulders seen from behind."""
    if shoulders:
        c.rect((cx - 2.35 * r, hy + 1.25 * r, cx + 2.35 * r, hy + 6.5 * r), fill=shirt, r=1.1 * r)
    if hijab:
        c.ellipse((cx - 1.85 * r, hy + 0.3 * r, cx + 1.85 * r, hy + 3.1 * r), fill=hijab)
        c.ellipse((cx - 1.22 * r, hy - 1.3 * r, cx + 1.22 * r, hy + 1.5 * r), fill=hijab)
        c.arc(
            (cx - 0.8 * r, hy - 0.95 * r, cx + 0.6 * r, hy + 0.4 * r),
            200,
            260,
            fill=lighter(hijab, 0.18),
            width=0.1 * r,
        )
        return
    c.rect(
        (cx - 0.42 * r, hy + 0.4 * r, cx + 0.42 * r, hy + 1.6 * r),
        fill=darker(skin, 0.1),
        r=0.2 * r,
    )
    for s in (-1, 1):
        c.ellipse(
            (
                cx + s * 0.98 * r - 0.2 * r,
                hy - 0.15 * r,
                cx + s * 0.98 * r + 0.2 * r,
                hy + 0.35 * r,
            ),
            fill=darker(skin, 0.05),
        )
    if style == "ponytail":
        c.rect((cx - 0.3 * r, hy + 0.4 * r, cx + 0.3 * r, hy + 1.9 * r), fill=hair, r=0.3 * r)
    c.ellipse((cx - r, hy - 1.1 * r, cx + r, hy + 1.0 * r), fill=hair)
    if style == "bun":
        c.circle(cx, hy - 0.95 * r, 0.45 * r, fill=hair)
    if style == "ponytail":
        c.rect(
            (cx - 0.22 * r, hy + 0.55 * r, cx + 0.22 * r, hy + 0.75 * r),
            fill=hexc("#E0564F"),
            r=0.08 * r,
        )
    # a soft highlight on the hair
    c.arc(
        (cx - 0.7 * r, hy - 0.85 * r, cx + 0.5 * r, hy + 0.2 * r),
        200,
        260,
        fill=lighter(hair, 0.18),
        width=0.1 * r,
    )


def person_profile(c, cx, hy, r, f, skin, shirt, hair=HAIR_BLACK, hijab=None):
    """Seated upper body in profile; f=+1 faces right, f=-1 faces left."""

    def X(u):
        return cx + f * u * r

    def box(u0, y0, u1, y1):
        return (X(u0), hy + y0 * r, X(u1), hy + y1 * r)

    c.rect(box(-1.45, 1.15, 1.3, 6.5), fill=shirt, r=0.95 * r)
    neck = darker(skin, 0.12)
    c.rect(box(-0.2, 0.4, 0.45, 1.5), fill=neck, r=0.15 * r)
    if hijab:
        c.ellipse(box(-1.55, 0.0, 1.2, 2.9), fill=hijab)
        c.ellipse(box(-1.35, -1.32, 0.9, 1.5), fill=hijab)
        c.ellipse(box(-0.22, -0.86, 1.02, 1.02), fill=skin)
    else:
        c.ellipse(box(-1.02, -1.2, 0.92, 0.85), fill=hair)
        c.ellipse(box(-0.42, -0.72, 1.0, 1.1), fill=skin)
        c.ellipse(box(-0.3, -0.08, 0.06, 0.42), fill=neck)
    # nose, eye, brow, mouth, cheek
    c.ellipse(box(0.86, -0.02, 1.14, 0.28), fill=skin)
    c.ellipse(box(0.5, -0.06, 0.68, 0.18), fill=hexc("#2A211E"))
    c.ellipse(box(0.3, 0.32, 0.62, 0.56), fill=mix(skin, hexc("#F08A8A"), 0.35))
    c.arc(
        box(0.55, 0.3, 0.95, 0.66),
        20 if f > 0 else 60,
        110 if f > 0 else 160,
        fill=hexc("#8A3B32"),
        width=0.07 * r,
    )
    if not hijab:
        c.arc(box(0.42, -0.34, 0.78, -0.08), 200, 340, fill=darker(hair, 0.05), width=0.06 * r)


# --------------------------------------------------------------------------
# props
# --------------------------------------------------------------------------


def open_book(c, x0, y0, x1, y1, cover=MAROON, left_pic=True, right_pic=True):
    """An open picture book seen from the front."""
    mx = (x0 + x1) / 2
    c.rect((x0 - 10, y0 + 8, x1 + 10, y1 + 10), fill=cover, r=10)
    c.poly([(x0, y0 + 6), (mx, y0 + 18), (mx, y1), (x0, y1 - 8)], fill=hexc("#FFFDF6"))
    c.poly([(mx, y0 + 18), (x1, y0 + 6), (x1, y1 - 8), (mx, y1)], fill=hexc("#FFF8EA"))
    c.line([(mx, y0 + 18), (mx, y1)], hexc("#D9CBB0"), 3)
    w = (x1 - x0) / 2
    if left_pic:  # sun over a hill
        c.circle(x0 + w * 0.32, y0 + (y1 - y0) * 0.32, w * 0.13, fill=MUSTARD)
        c.chord(
            (x0 + w * 0.08, y0 + (y1 - y0) * 0.5, x0 + w * 0.95, y1 + (y1 - y0) * 0.3),
            180,
            360,
            fill=SAGE,
        )
    if right_pic:  # a small house
        hx = mx + w * 0.5
        by = y0 + (y1 - y0) * 0.78
        c.rect((hx - w * 0.25, by - w * 0.32, hx + w * 0.25, by), fill=CORAL)
        c.poly(
            [(hx - w * 0.33, by - w * 0.3), (hx, by - w * 0.58), (hx + w * 0.33, by - w * 0.3)],
            fill=TERRACOTTA,
        )
        c.rect((hx - w * 0.07, by - w * 0.17, hx + w * 0.07, by), fill=NAVY)


def book_icon(c, cx, cy, s, colour=TEAL):
    """A simple open-book pictogram, size s (half width)."""
    c.poly(
        [
            (cx - s, cy - 0.55 * s),
            (cx, cy - 0.35 * s),
            (cx, cy + 0.75 * s),
            (cx - s, cy + 0.55 * s),
        ],
        fill=colour,
    )
    c.poly(
        [
            (cx + s, cy - 0.55 * s),
            (cx, cy - 0.35 * s),
            (cx, cy + 0.75 * s),
            (cx + s, cy + 0.55 * s),
        ],
        fill=darker(colour, 0.15),
    )
    c.poly(
        [
            (cx - 0.88 * s, cy - 0.62 * s),
            (cx - 0.04 * s, cy - 0.45 * s),
            (cx - 0.04 * s, cy + 0.6 * s),
            (cx - 0.88 * s, cy + 0.43 * s),
        ],
        fill=CREAM,
    )
    c.poly(
        [
            (cx + 0.88 * s, cy - 0.62 * s),
            (cx + 0.04 * s, cy - 0.45 * s),
            (cx + 0.04 * s, cy + 0.6 * s),
            (cx + 0.88 * s, cy + 0.43 * s),
        ],
        fill=hexc("#F6E9D2"),
    )
    for i in range(3):
        yy = cy - 0.25 * s + i * 0.25 * s
        c.line(
            [(cx - 0.72 * s, yy), (cx - 0.2 * s, yy + 0.1 * s)],
            lighter(colour, 0.3),
            max(2, 0.05 * s),
        )
        c.line(
            [(cx + 0.2 * s, yy + 0.1 * s), (cx + 0.72 * s, yy)],
            lighter(colour, 0.3),
            max(2, 0.05 * s),
        )


def bookshelf_row(
    c, rng, x0, x1, base, hmin, hmax, colours=BOOK_COLOURS, decor=True, wmin=18, wmax=34
):
    """Book spines standing on a shelf board at y=base, from x0 to x1."""
    x = x0 + rng.randint(4, 14)
    while x < x1 - 20:
        if decor and rng.random() < 0.06 and x < x1 - 90:
            # a small plant pot
            c.rect((x + 8, base - 38, x + 52, base), fill=TERRACOTTA, r=6)
            for dx, dy in ((-14, -30), (0, -44), (14, -30)):
                c.ellipse(
                    (x + 30 + dx - 12, base - 38 + dy - 14, x + 30 + dx + 12, base - 38 + dy + 14),
                    fill=SAGE,
                )
            x += 70
            continue
        w = rng.randint(wmin, wmax)
        h = rng.randint(hmin, hmax)
        if x + w > x1 - 4:
            break
        col = colours[rng.randrange(len(colours))]
        if rng.random() < 0.05 and x + w + h * 0.35 < x1 - 30:
            # a book leaning to the right against the next one
            sn, cs = 0.33, 0.94
            p0 = (x, base - w * sn)
            p1 = (x + w * cs, base)
            p2 = (p1[0] + h * sn, base - h * cs)
            p3 = (p0[0] + h * sn, p0[1] - h * cs)
            c.poly([p0, p1, p2, p3], fill=col)
            x = int(p2[0]) + 1
            continue
        c.rect((x, base - h, x + w, base), fill=col, r=3)
        c.rect((x + 3, base - h + 12, x + w - 3, base - h + 18), fill=lighter(col, 0.45))
        x += w + rng.choice((0, 1, 2, 2, 3))


def mug(c, x, y, w, h, colour, drink=hexc("#6B3E26"), steam=True):
    c.arc(
        (x + w - w * 0.18, y + h * 0.2, x + w + w * 0.35, y + h * 0.7),
        270,
        90,
        fill=darker(colour, 0.15),
        width=w * 0.12,
    )
    c.rect((x, y, x + w, y + h), fill=colour, r=w * 0.18)
    c.ellipse((x, y - w * 0.12, x + w, y + w * 0.12), fill=darker(colour, 0.2))
    c.ellipse((x + w * 0.08, y - w * 0.06, x + w * 0.92, y + w * 0.1), fill=drink)
    if steam:
        for i, dx in enumerate((0.3, 0.62)):
            sx = x + w * dx
            c.arc(
                (sx - 12, y - 70 + i * 8, sx + 12, y - 38 + i * 8),
                90,
                270,
                fill=(255, 255, 255),
                width=4,
            )
            c.arc(
                (sx - 12, y - 40 + i * 8, sx + 12, y - 10 + i * 8),
                270,
                90,
                fill=(255, 255, 255),
                width=4,
            )


def plant(c, cx, base, s, pot=TERRACOTTA, leaf=SAGE):
    """A potted plant; s is the pot half-width."""
    c.ellipse((cx - 1.7 * s, base - 5.6 * s, cx + 1.7 * s, base - 1.2 * s), fill=darker(leaf, 0.22))
    leaves = [
        (-1.5, -2.3),
        (1.5, -2.3),
        (-0.85, -3.3),
        (0.85, -3.3),
        (0, -3.9),
        (-2.0, -1.3),
        (2.0, -1.3),
    ]
    for i, (dx, dy) in enumerate(leaves):
        col = leaf if i % 2 else darker(leaf, 0.1)
        c.ellipse(
            (
                cx + dx * s - 0.65 * s,
                base - 1.6 * s + dy * s - 1.0 * s,
                cx + dx * s + 0.65 * s,
                base - 1.6 * s + dy * s + 1.0 * s,
            ),
            fill=col,
        )
    c.poly(
        [
            (cx - s, base - 1.7 * s),
            (cx + s, base - 1.7 * s),
            (cx + 0.75 * s, base),
            (cx - 0.75 * s, base),
        ],
        fill=pot,
    )
    c.rect(
        (cx - 1.1 * s, base - 1.9 * s, cx + 1.1 * s, base - 1.55 * s),
        fill=darker(pot, 0.12),
        r=0.1 * s,
    )


def fruit_pile(c, cx, base, r, n, colour, leaf=None):
    """A pyramid of round fruit with n on the bottom row."""
    for row in range(n):
        k = n - row
        y = base - r - row * r * 1.6
        for i in range(k):
            x = cx - (k - 1) * r + i * 2 * r
            c.circle(x, y, r, fill=colour if (i + row) % 3 else darker(colour, 0.08))
            if r >= 22:
                c.circle(x - r * 0.35, y - r * 0.35, r * 0.28, fill=lighter(colour, 0.35))
            if leaf:
                c.ellipse((x - r * 0.1, y - r * 1.05, x + r * 0.4, y - r * 0.75), fill=leaf)


def banana_bunch(c, cx, top, s):
    c.line([(cx, top - 20), (cx, top + 6)], hexc("#6B4A2B"), 5)
    for i, dx in enumerate((-0.9, -0.45, 0, 0.45, 0.9)):
        x = cx + dx * s
        c.chord(
            (x - 0.55 * s, top - 0.3 * s, x + 0.55 * s, top + 2.2 * s),
            90,
            270,
            fill=MUSTARD if i % 2 else hexc("#F5C84C"),
        )
        c.ellipse((x - 0.1 * s, top + 1.85 * s, x + 0.1 * s, top + 2.05 * s), fill=hexc("#5B4426"))
    c.rect(
        (cx - 0.25 * s, top - 0.15 * s, cx + 0.25 * s, top + 0.25 * s), fill=hexc("#7A9A3A"), r=4
    )


def bunting(c, x0, x1, y, sag, n, colours):
    pts = []
    for i in range(n + 1):
        t = i / n
        pts.append((x0 + (x1 - x0) * t, y + sag * 4 * t * (1 - t)))
    c.line(pts, hexc("#6B4A2B"), 3)
    for i in range(n):
        (ax, ay), (bx, by) = pts[i], pts[i + 1]
        mx, my = (ax + bx) / 2, (ay + by) / 2
        c.poly([(ax + 4, ay + 1), (bx - 4, by + 1), (mx, my + 48)], fill=colours[i % len(colours)])


def fit_text(c, s, size, max_w, bold=False, min_size=28):
    """Largest size <= size (not below min_size) at which s fits in max_w."""
    while size > min_size and c.textlen(s, size, bold) > max_w:
        size -= 1
    return size


# --------------------------------------------------------------------------
# 1. Zoom gallery view
# --------------------------------------------------------------------------


def tile_background(t, i):
    w, h = t.w, t.h
    if i == 0:  # library shelves
        t.gradient((0, 0, w, h), hexc("#F2D7B0"), hexc("#E7C08E"))
        t.rect((0, 16, w, 150), fill=hexc("#9A6A45"))
        rng = random.Random(11)
        for base in (80, 146):
            t.rect((0, base, w, base + 6), fill=hexc("#7A4F32"))
            bookshelf_row(t, rng, 6, w - 6, base, 40, 58, decor=False)
    elif i == 1:  # warm wall with a framed picture
        t.gradient((0, 0, w, h), hexc("#F6C9A8"), hexc("#EFB08E"))
        t.rect((250, 34, 360, 120), fill=hexc("#FFF5E3"), outline=hexc("#8C5A3C"), width=6)
        t.rect((262, 46, 348, 108), fill=hexc("#BFE0EA"))
        t.chord((252, 78, 350, 150), 180, 360, fill=SAGE)
        t.circle(326, 64, 10, fill=MUSTARD)
    elif i == 2:  # window and curtain
        t.gradient((0, 0, w, h), hexc("#E8DCC6"), hexc("#DCC9AA"))
        t.rect((26, 30, 150, 190), fill=hexc("#FFFFFF"))
        t.gradient((34, 38, 142, 182), hexc("#9FD3E8"), hexc("#E6F3E8"))
        t.chord((20, 120, 160, 260), 180, 360, fill=hexc("#8CC084"))
        t.rect((86, 38, 90, 182), fill=hexc("#FFFFFF"))
        t.rect((8, 18, 44, 210), fill=CORAL, r=14)
    elif i == 3:  # teal wall, plant
        t.gradient((0, 0, w, h), hexc("#A9D6CF"), hexc("#8CC2B9"))
        plant(t, 340, 200, 22, pot=CORAL, leaf=hexc("#4F8F5F"))
    elif i == 4:  # wall clock
        t.gradient((0, 0, w, h), hexc("#F7E2A8"), hexc("#EFCB7E"))
        t.circle(70, 72, 42, fill=hexc("#FFFDF5"), outline=hexc("#6B4A2B"), width=6)
        t.line([(70, 72), (70, 46)], hexc("#3A2E2A"), 5)
        t.line([(70, 72), (90, 82)], hexc("#3A2E2A"), 5)
        t.rect((300, 150, 390, 170), fill=hexc("#C98F5A"))
        t.rect((312, 112, 330, 150), fill=TERRACOTTA, r=3)
        t.rect((332, 118, 348, 150), fill=NAVY, r=3)
        t.rect((350, 108, 370, 150), fill=TEAL, r=3)
    else:  # wood panels, red-and-white flag
        t.gradient((0, 0, w, h), hexc("#D9A978"), hexc("#C48E5C"))
        for x in range(0, w, 66):
            t.rect((x, 0, x + 3, h), fill=hexc("#B98050"))
        t.line([(330, 40), (330, 190)], hexc("#6B4A2B"), 5)
        t.rect((332, 42, 392, 64), fill=hexc("#D7263D"))
        t.rect((332, 64, 392, 86), fill=hexc("#FFFFFF"))


def make_zoom():
    W, H = 1600, 1200
    c = Canvas(W, H, hexc("#F3DDBE"))
    c.gradient((0, 0, W, 930), hexc("#F7E6CC"), hexc("#EBCBA2"))
    c.glow(1350, 150, 500, 380, hexc("#FFF4DE"), 0.55)
    # desk
    c.gradient((0, 936, W, H), hexc("#C08A5C"), hexc("#9E6B44"))
    c.rect((0, 928, W, 936), fill=hexc("#D9A571"))
    # laptop
    c.shadow((40, 900, 1560, 975), r=30, blur=18, opacity=0.35)
    c.rect((128, 40, 1472, 904), fill=hexc("#2A2C35"), r=30)
    c.circle(800, 60, 6, fill=hexc("#454857"))
    # coordinates on the 8-pixel grid keep the JPEG small
    sx0, sy0, sx1, sy1 = 160, 80, 1440, 864
    c.rect((sx0, sy0, sx1, sy1), fill=hexc("#1C1E26"))
    # meeting title bar
    c.rect((sx0, sy0, sx1, sy0 + 56), fill=hexc("#252833"))
    c.rect((sx0 + 24, sy0 + 15, sx0 + 50, sy0 + 41), fill=hexc("#3FB67E"), r=6)
    c.text(
        (sx0 + 66, sy0 + 28), "Bimtek Transformasi Perpustakaan", 28, hexc("#E6E3DD"), anchor="lm"
    )
    c.rect((sx1 - 56, sy0 + 16, sx1 - 24, sy0 + 40), fill=hexc("#4A4E5E"), r=5)
    # tiles
    people = [
        ("Esnalianti", dict(skin=SKIN[1], shirt=hexc("#3D7A9E"), hijab=hexc("#C8553D"))),
        ("Sunarsih", dict(skin=SKIN[0], shirt=hexc("#5B7F3A"), hijab=hexc("#F2C14E"))),
        ("Feri Sutomo", dict(skin=SKIN[3], shirt=hexc("#E07A5F"), collar=hexc("#FFF4E4"))),
        (
            "Andre Satria Renaldo",
            dict(skin=SKIN[2], shirt=hexc("#3D405B"), glasses=True, collar=hexc("#F4F1EA")),
        ),
        (
            "Lopi Adriansyah",
            dict(skin=SKIN[5], shirt=hexc("#2F8F8B"), hair=HAIR_BROWN, collar=hexc("#E9F3F1")),
        ),
        (
            "Sumarto",
            dict(
                skin=SKIN[4], shirt=hexc("#8E4A6B"), peci=True, glasses=True, collar=hexc("#F7E9EF")
            ),
        ),
    ]
    tw, th, gap = 400, 288, 16
    gx0 = (sx0 + sx1) / 2 - (3 * tw + 2 * gap) / 2
    gy0 = sy0 + 72
    for i, (name, kw) in enumerate(people):
        col, row = i % 3, i // 3
        x = gx0 + col * (tw + gap)
        y = gy0 + row * (th + gap)
        t = Canvas(tw, th)
        tile_background(t, i)
        # "blur my background", as video calls do: soften and fade it
        t.blur(3)
        t.img = Image.blend(t.img, Image.new("RGB", t.img.size, t.img.getpixel((4, 4))), 0.35)
        t.d = ImageDraw.Draw(t.img)
        person_front(t, tw / 2, 142, 50, **kw)
        size = fit_text(t, name, 28, tw - 60)
        lw = -(-(t.textlen(name, size) + 28) // 8) * 8
        t.rect((8, th - 64, 8 + lw, th - 16), fill=(24, 24, 30), r=10)
        t.text((22, th - 40), name, size, (255, 255, 255), anchor="lm")
        if i in (1, 4):  # muted microphones
            t.circle(tw - 34, 34, 20, fill=hexc("#D64545"))
            t.rect((tw - 40, 22, tw - 28, 42), fill=(255, 255, 255), r=6)
            t.line([(tw - 47, 21), (tw - 21, 47)], (255, 255, 255), 4)
        c.paste(t, x, y, r=12)
        if i == 3:  # active speaker
            c.rect((x - 8, y - 8, x + tw + 8, y + th + 8), outline=hexc("#F5D04C"), width=8, r=18)
    # toolbar
    ty0 = sy1 - 88
    c.rect((sx0, ty0, sx1, sy1), fill=hexc("#101117"))
    cy = (ty0 + sy1) / 2
    # microphone
    c.rect((sx0 + 52, cy - 24, sx0 + 72, cy + 6), fill=hexc("#E9E7E2"), r=10)
    c.arc((sx0 + 44, cy - 14, sx0 + 80, cy + 16), 0, 180, hexc("#E9E7E2"), 4)
    c.line([(sx0 + 62, cy + 16), (sx0 + 62, cy + 26)], hexc("#E9E7E2"), 4)
    # camera
    c.rect((sx0 + 122, cy - 16, sx0 + 160, cy + 16), fill=hexc("#E9E7E2"), r=6)
    c.poly(
        [(sx0 + 162, cy - 4), (sx0 + 180, cy - 15), (sx0 + 180, cy + 15), (sx0 + 162, cy + 4)],
        fill=hexc("#E9E7E2"),
    )
    mid = (sx0 + sx1) / 2
    # participants
    for dx in (-18, 10):
        c.circle(mid - 150 + dx, cy - 10, 10, fill=hexc("#E9E7E2"))
        c.chord((mid - 168 + dx, cy + 2, mid - 132 + dx, cy + 34), 180, 360, fill=hexc("#E9E7E2"))
    # chat bubble
    c.rect((mid - 52, cy - 20, mid - 8, cy + 12), fill=hexc("#E9E7E2"), r=8)
    c.poly([(mid - 44, cy + 10), (mid - 30, cy + 10), (mid - 46, cy + 24)], fill=hexc("#E9E7E2"))
    # share screen
    c.rect((mid + 40, cy - 24, mid + 96, cy + 24), fill=hexc("#3FB67E"), r=10)
    c.poly([(mid + 68, cy - 14), (mid + 84, cy + 2), (mid + 52, cy + 2)], fill=(255, 255, 255))
    c.rect((mid + 63, cy, mid + 73, cy + 14), fill=(255, 255, 255))
    # record
    c.circle(mid + 160, cy, 18, outline=hexc("#E9E7E2"), width=4)
    c.circle(mid + 160, cy, 8, fill=hexc("#E35D5D"))
    # leave
    c.rect((sx1 - 190, cy - 26, sx1 - 40, cy + 26), fill=hexc("#D64545"), r=12)
    c.text((sx1 - 115, cy), "Keluar", 28, (255, 255, 255), bold=True, anchor="mm")
    # laptop base
    c.poly([(72, 904), (1528, 904), (1584, 944), (16, 944)], fill=hexc("#C7CAD3"))
    c.rect((16, 944, 1584, 960), fill=hexc("#9DA1AD"), r=8)
    c.rect((720, 904, 880, 912), fill=hexc("#A7ABB6"), r=4)
    # desk things
    c.shadow((110, 1020, 520, 1150), blur=10, opacity=0.3)
    c.poly([(110, 1030), (490, 1005), (520, 1140), (140, 1168)], fill=hexc("#3D7A9E"))
    c.poly([(128, 1036), (480, 1013), (505, 1132), (155, 1156)], fill=hexc("#FFF7E8"))
    c.thick((540, 1125), (700, 1060), MUSTARD, 14)
    c.shadow((1250, 1050, 1420, 1110), blur=10, opacity=0.3, ellipse=True)
    mug(c, 1260, 990, 130, 100, hexc("#E9C46A"), steam=False)
    return c.final()


# --------------------------------------------------------------------------
# 2. presentation slide
# --------------------------------------------------------------------------


def make_materi():
    W, H = 1600, 1200
    c = Canvas(W, H, hexc("#EBD3B0"))
    c.gradient((0, 0, W, 960), hexc("#F5E4C8"), hexc("#E8CDA6"))
    c.rect((0, 0, W, 32), fill=hexc("#E0C194"))
    # floor / table front
    c.gradient((0, 960, W, H), hexc("#A8724A"), hexc("#8C5C3A"))
    c.glow(800, 500, 860, 520, hexc("#FFF6E4"), 0.5)
    # projector screen (edges on the 8-pixel grid keep the JPEG small)
    c.rect((120, 56, 1480, 96), fill=hexc("#5A5560"), r=18)
    c.shadow((152, 96, 1448, 880), blur=16, opacity=0.3)
    c.rect((152, 88, 1448, 880), fill=hexc("#33313A"), r=6)
    x0, y0, x1, y1 = 176, 112, 1424, 848
    c.rect((x0, y0, x1, y1), fill=hexc("#FFF8EC"))
    c.rect((784, 880, 816, 912), fill=hexc("#5A5560"), r=6)
    # slide
    c.rect((x0, y0, x1, y0 + 24), fill=TERRACOTTA)
    c.rect((x0, y1 - 24, x1, y1), fill=TEAL)
    c.rect((x0 + 248, y1 - 24, x0 + 496, y1), fill=MUSTARD)
    title = ["Transformasi Perpustakaan", "Berbasis Inklusi Sosial"]
    tsize = min(fit_text(c, t, 66, x1 - x0 - 160, bold=True) for t in title)
    ty = y0 + 78
    for k, t in enumerate(title):
        c.text((x0 + 80, ty + k * (tsize + 16)), t, tsize, NAVY if k == 0 else MAROON, bold=True)
    uy = ty + 2 * (tsize + 16) + 18
    c.rect((x0 + 80, uy, x0 + 300, uy + 10), fill=MUSTARD, r=5)
    bullets = ["Perpustakaan di masa pandemi", "Inovasi layanan", "Kemitraan dengan lembaga lain"]
    by = uy + 108
    bcol = [TERRACOTTA, TEAL, MUSTARD]
    for k, b in enumerate(bullets):
        yy = by + k * 108
        c.circle(x0 + 102, yy, 14, fill=bcol[k])
        c.text((x0 + 140, yy), b, 44, hexc("#3A3340"), anchor="lm")
    # book icon in a soft circle
    c.circle(x1 - 210, by + 100, 150, fill=hexc("#FBE7C9"))
    book_icon(c, x1 - 210, by + 108, 110, colour=TEAL)
    # audience in the foreground
    audience = [
        (180, dict(skin=SKIN[2], shirt=hexc("#6B5B95"), hijab=hexc("#2F6F73"))),
        (520, dict(skin=SKIN[1], shirt=hexc("#C8553D"), hair=HAIR_BLACK)),
        (860, dict(skin=SKIN[3], shirt=hexc("#3D7A9E"), hijab=hexc("#D98E48"))),
        (1190, dict(skin=SKIN[0], shirt=hexc("#5B7F3A"), hair=HAIR_BROWN, style="bun")),
        (1500, dict(skin=SKIN[4], shirt=hexc("#E9C46A"), hair=HAIR_BLACK)),
    ]
    for x, kw in audience:
        person_back(c, x, 1095, 74, **kw)
    return c.final()


# --------------------------------------------------------------------------
# 3. meeting room with bookshelves
# --------------------------------------------------------------------------


def laptop_back(c, cx, top, w, screen):
    """A laptop with its screen facing the viewer; returns keyboard y."""
    h = round(w * 0.62 / 8) * 8
    c.rect((cx - w / 2, top, cx + w / 2, top + h), fill=hexc("#2A2C35"), r=10)
    c.rect((cx - w / 2 + 8, top + 8, cx + w / 2 - 8, top + h - 8), fill=screen[0])
    sx0, sy0, sx1, sy1 = cx - w / 2 + 8, top + 8, cx + w / 2 - 8, top + h - 8
    kind = screen[1]
    if kind == "slide":
        c.rect((sx0, sy0, sx1, sy0 + 22), fill=TERRACOTTA)
        for k in range(3):
            c.rect(
                (
                    sx0 + 24,
                    sy0 + 48 + k * 30,
                    sx0 + 24 + (sx1 - sx0) * (0.6 - k * 0.1),
                    sy0 + 60 + k * 30,
                ),
                fill=hexc("#C9BBA6"),
                r=5,
            )
        book_icon(c, sx1 - 50, sy1 - 50, 30, TEAL)
    elif kind == "chart":
        for k, (hh, col) in enumerate(
            ((0.35, TEAL), (0.6, MUSTARD), (0.5, CORAL), (0.8, TERRACOTTA))
        ):
            bx = sx0 + 30 + k * 52
            c.rect((bx, sy1 - 20 - (sy1 - sy0 - 40) * hh, bx + 36, sy1 - 20), fill=col, r=4)
    else:  # video call grid
        gw, gh = (sx1 - sx0 - 30) / 2, (sy1 - sy0 - 30) / 2
        cols = [hexc("#F2C9A0"), hexc("#A9D6CF"), hexc("#F7E2A8"), hexc("#D9A978")]
        for k in range(4):
            tx = sx0 + 10 + (k % 2) * (gw + 10)
            ty = sy0 + 10 + (k // 2) * (gh + 10)
            c.rect((tx, ty, tx + gw, ty + gh), fill=cols[k], r=4)
            c.circle(tx + gw / 2, ty + gh * 0.45, gh * 0.2, fill=SKIN[k])
            c.chord(
                (tx + gw / 2 - gh * 0.4, ty + gh * 0.72, tx + gw / 2 + gh * 0.4, ty + gh * 1.3),
                180,
                360,
                fill=BOOK_COLOURS[k + 2],
            )
    base = top + h
    c.poly(
        [
            (cx - w / 2 - 6, base),
            (cx + w / 2 + 6, base),
            (cx + w / 2 + 26, base + 34),
            (cx - w / 2 - 26, base + 34),
        ],
        fill=hexc("#C7CAD3"),
    )
    c.rect((cx - w / 2 - 26, base + 32, cx + w / 2 + 26, base + 40), fill=hexc("#9DA1AD"), r=3)
    return base + 20


def make_ruang_rapat():
    W, H = 1600, 1200
    c = Canvas(W, H, hexc("#F3E0C2"))
    c.gradient((0, 0, W, 610), hexc("#F7E7CC"), hexc("#EED3AC"))
    c.glow(800, 40, 800, 260, hexc("#FFF8EA"), 0.5)
    # shelves on the back wall (edges on the 8-pixel grid keep the JPEG small)
    rng = random.Random(2020)
    sx0, sx1, top = 64, 1536, 40
    c.shadow((sx0, top, sx1, 584), blur=12, opacity=0.25)
    c.rect((sx0, top, sx1, 584), fill=hexc("#8C5A3A"))
    uw = (sx1 - sx0) // 4
    rows = [(56, 216), (232, 392), (408, 552)]
    for u in range(4):
        ux0 = sx0 + u * uw + 16
        ux1 = sx0 + (u + 1) * uw - 8
        for r0, r1 in rows:
            c.rect((ux0, r0, ux1, r1), fill=hexc("#6B4430"))
            bookshelf_row(c, rng, ux0, ux1, r1, 96, 140, wmin=22, wmax=40)
            c.blur(1.8, (ux0, r0, ux1, r1))  # the back wall is out of focus
            c.rect((ux0 - 8, r1, ux1 + 8, r1 + 16), fill=hexc("#A36E48"))
    # floor
    c.gradient((0, 616, W, H), hexc("#C99A6E"), hexc("#B58458"))
    c.rect((0, 600, W, 616), fill=hexc("#E6CDA8"))
    # table
    c.shadow((40, 640, 1560, 900), blur=20, opacity=0.3)
    c.poly([(150, 640), (1450, 640), (1580, 832), (20, 832)], fill=hexc("#D09A63"))
    c.rect((20, 832, 1580, 864), fill=hexc("#A8713F"))
    c.line([(150, 641), (1450, 641)], hexc("#E2B27F"), 4)
    # things on the table
    c.poly([(530, 700), (620, 690), (630, 726), (536, 736)], fill=hexc("#FFF8EC"))
    c.poly([(980, 694), (1070, 700), (1066, 738), (976, 732)], fill=hexc("#FFF8EC"))
    mug(c, 1440, 700, 56, 54, TEAL, steam=False)
    mug(c, 130, 706, 56, 54, CORAL, steam=False)
    # three librarians at their laptops, seen from behind
    people = [
        (
            328,
            ("slide", hexc("#FFF8EC")),
            dict(skin=SKIN[1], shirt=hexc("#C8553D"), hijab=hexc("#2F6F73")),
        ),
        (
            800,
            ("chart", hexc("#FDF3E1")),
            dict(skin=SKIN[3], shirt=hexc("#3D7A9E"), hair=HAIR_BLACK),
        ),
        (
            1272,
            ("call", hexc("#1C1E26")),
            dict(skin=SKIN[0], shirt=hexc("#E9C46A"), hair=HAIR_BROWN, style="ponytail"),
        ),
    ]
    for x, (kind, bg), kw in people:
        laptop_back(c, x, 584, 288, (bg, kind))
    for x, _, kw in people:
        person_back(c, x, 838, 68, **kw)
        # chair back
        c.rect((x - 176, 1024, x + 176, 1260), fill=hexc("#3E4A5C"), r=40)
        c.rect((x - 152, 1048, x + 152, 1260), fill=hexc("#4F5D72"), r=30)
    return c.final()


# --------------------------------------------------------------------------
# 4. two people talking, highland window
# --------------------------------------------------------------------------


def make_diskusi():
    W, H = 1600, 1200
    c = Canvas(W, H, hexc("#F3DDBB"))
    c.gradient((0, 0, W, 800), hexc("#F6E4C6"), hexc("#EFD2A8"))
    # window
    wx0, wy0, wx1, wy1 = 430, 90, 1170, 640
    c.shadow((wx0, wy0, wx1, wy1), blur=12, opacity=0.2)
    c.rect((wx0 - 18, wy0 - 18, wx1 + 18, wy1 + 18), fill=hexc("#FFF9EE"), r=8)
    c.gradient((wx0, wy0, wx1, wy1), hexc("#A9D8EC"), hexc("#F8E6C6"))
    c.circle(1010, 210, 46, fill=hexc("#FFE7A3"))
    c.glow(1010, 210, 160, 160, hexc("#FFF3D0"), 0.6)
    # distant volcano, hills, tea rows
    c.poly(
        [
            (wx0, 470),
            (640, 330),
            (760, 260),
            (800, 262),
            (930, 340),
            (wx1, 430),
            (wx1, wy1),
            (wx0, wy1),
        ],
        fill=hexc("#A7C4C2"),
    )
    c.ellipse((300, 400, 900, 760), fill=hexc("#8DBB8C"))
    c.ellipse((760, 420, 1400, 760), fill=hexc("#79AE78"))
    c.ellipse((380, 500, 1260, 900), fill=hexc("#5E9A5F"))
    for k in range(6):
        c.arc(
            (380 - k * 40, 520 + k * 30, 1260 + k * 40, 920 + k * 30),
            200,
            340,
            fill=hexc("#4E8750"),
            width=6,
        )
    # clip the landscape to the window by repainting the wall around it
    c.gradient((0, 0, W, wy0 - 18), hexc("#F6E4C6"), hexc("#F5E1C2"))
    c.gradient((0, wy1 + 18, W, 800), hexc("#F2DAB6"), hexc("#EFD2A8"))
    c.gradient((0, wy0 - 18, wx0 - 18, wy1 + 18), hexc("#F5E1C2"), hexc("#F2DAB6"))
    c.gradient((wx1 + 18, wy0 - 18, W, wy1 + 18), hexc("#F5E1C2"), hexc("#F2DAB6"))
    c.rect((wx0 - 18, wy0 - 18, wx1 + 18, wy0), fill=hexc("#FFF9EE"))
    c.rect((wx0 - 18, wy1, wx1 + 18, wy1 + 18), fill=hexc("#FFF9EE"))
    c.rect((wx0 - 18, wy0, wx0, wy1), fill=hexc("#FFF9EE"))
    c.rect((wx1, wy0, wx1 + 18, wy1), fill=hexc("#FFF9EE"))
    c.rect(((wx0 + wx1) / 2 - 8, wy0, (wx0 + wx1) / 2 + 8, wy1), fill=hexc("#FFF9EE"))
    c.rect((wx0, 330, wx1, 344), fill=hexc("#FFF9EE"))
    c.rect((wx0 - 40, wy1 + 10, wx1 + 40, wy1 + 34), fill=hexc("#E8D5B5"), r=6)
    # curtains
    for x, s in ((wx0 - 70, 1), (wx1 + 70, -1)):
        c.rect((min(x, x + s * 110), 60, max(x, x + s * 110), 700), fill=CORAL, r=30)
        for k in range(3):
            fx = x + s * (25 + k * 30)
            c.line([(fx, 90), (fx, 680)], darker(CORAL, 0.12), 6)
    c.rect((wx0 - 110, 52, wx1 + 110, 66), fill=hexc("#8C5A3A"), r=6)
    # small wall frame
    c.rect((1290, 240, 1480, 400), fill=hexc("#FFF9EE"), outline=hexc("#8C5A3A"), width=8)
    book_icon(c, 1385, 322, 60, MAROON)
    c.rect((110, 200, 280, 330), fill=hexc("#FFF9EE"), outline=hexc("#8C5A3A"), width=8)
    c.circle(170, 260, 28, fill=MUSTARD)
    c.chord((122, 270, 270, 380), 180, 360, fill=SAGE)
    # people
    ty = 790
    person_profile(c, 390, 470, 84, 1, SKIN[1], hexc("#3D7A9E"), hijab=hexc("#C8553D"))
    person_profile(c, 1210, 470, 84, -1, SKIN[3], hexc("#5B7F3A"), hair=HAIR_BLACK)
    # table
    c.shadow((0, ty - 10, W, ty + 60), blur=14, opacity=0.25)
    c.gradient((0, ty, W, H), hexc("#C98F5A"), hexc("#B07444"))
    c.rect((0, ty, W, ty + 12), fill=hexc("#DDA873"))
    # arms resting on the table
    for cx, f, skin, shirt in (
        (390, 1, SKIN[1], hexc("#3D7A9E")),
        (1210, -1, SKIN[3], hexc("#5B7F3A")),
    ):
        sleeve = darker(shirt, 0.1)
        c.thick((cx + f * 40, 660), (cx + f * 70, ty + 60), sleeve, 70)
        c.thick((cx + f * 70, ty + 60), (cx + f * 175, ty + 72), sleeve, 66)
        c.circle(cx + f * 212, ty + 72, 36, fill=skin)
    # notebooks
    c.shadow((560, 900, 800, 1060), blur=10, opacity=0.25)
    c.poly([(560, 925), (790, 905), (805, 1045), (575, 1065)], fill=hexc("#FFF8EC"))
    for k in range(5):
        y = 945 + k * 22
        c.line([(585, y + 2), (775, y - 14)], hexc("#D7CBB6"), 3)
    c.line([(675, 918), (690, 1055)], hexc("#D9CBB0"), 3)
    c.thick((610, 1090), (760, 1060), NAVY, 12)
    c.shadow((880, 900, 1080, 1060), blur=10, opacity=0.25)
    c.poly([(880, 910), (1070, 925), (1060, 1065), (870, 1050)], fill=TEAL)
    c.poly([(892, 922), (1058, 936), (1048, 1052), (882, 1038)], fill=hexc("#FFF8EC"))
    for k in range(4):
        y = 960 + k * 22
        c.line([(905, y), (1040, y + 10)], hexc("#D7CBB6"), 3)
    # cups
    c.shadow((330, 1000, 470, 1040), blur=8, opacity=0.3, ellipse=True)
    mug(c, 350, 930, 100, 90, hexc("#FFF3E0"), drink=hexc("#7A4A2A"))
    c.shadow((1150, 1000, 1290, 1040), blur=8, opacity=0.3, ellipse=True)
    mug(c, 1165, 930, 100, 90, MUSTARD, drink=hexc("#A35D2B"))
    # snack plate
    c.ellipse((700, 1100, 940, 1180), fill=hexc("#FFFDF7"))
    c.ellipse((720, 1110, 920, 1170), fill=hexc("#F2E8D8"))
    for k, col in enumerate((hexc("#6FAF7A"), hexc("#E9C46A"), hexc("#6FAF7A"))):
        c.rect((745 + k * 52, 1116, 790 + k * 52, 1150), fill=col, r=10)
    return c.final()


# --------------------------------------------------------------------------
# 5. seven principles infographic (transparent PNG)
# --------------------------------------------------------------------------


def make_asas():
    W, H = 1200, 800
    c = Canvas(W, H, (0, 0, 0, 0), mode="RGBA", scale=4)  # finer soft edges
    labels = [
        "Pembelajaran",
        "Demokrasi",
        "Keadilan",
        "Profesional",
        "Terbuka",
        "Terukur",
        "Kemitraan",
    ]
    colours = [
        hexc("#E07A5F"),
        hexc("#F2A541"),
        hexc("#E9C46A"),
        hexc("#6AA56F"),
        hexc("#2F8F8B"),
        hexc("#3D7A9E"),
        hexc("#8E5A9B"),
    ]
    n = len(labels)
    xs = [150 + i * 150 for i in range(n)]
    ys = [225 if i % 2 == 0 else 505 for i in range(n)]
    R = 70
    # connecting path
    for i in range(n - 1):
        c.line([(xs[i], ys[i]), (xs[i + 1], ys[i + 1])], hexc("#D9C3A5", 255), 10)
    for i in range(n):
        x, y, col = xs[i], ys[i], colours[i]
        c.circle(x, y, R + 9, fill=(255, 255, 255, 255))
        c.circle(x, y, R, fill=col + (255,))
        c.circle(x, y, R - 14, outline=lighter(col, 0.35) + (255,), width=4)
        c.text((x, y + 2), str(i + 1), 64, (255, 255, 255, 255), bold=True, anchor="mm")
        size = fit_text(c, labels[i], 30, 240, bold=True)
        lw = c.textlen(labels[i], size, bold=True) + 36
        ly = y + R + 24
        c.rect(
            (x - lw / 2, ly, x + lw / 2, ly + 52),
            fill=(255, 255, 255, 255),
            r=26,
            outline=col + (255,),
            width=4,
        )
        c.text((x, ly + 26), labels[i], size, darker(col, 0.45) + (255,), bold=True, anchor="mm")
    return c.final()


# --------------------------------------------------------------------------
# 6. storytelling contest stage
# --------------------------------------------------------------------------


def make_panggung():
    W, H = 1600, 1200
    c = Canvas(W, H, hexc("#F1D9B5"))
    c.gradient((0, 0, W, 800), hexc("#F6E2C0"), hexc("#EBCB9C"))
    c.glow(800, 520, 520, 420, hexc("#FFF6DE"), 0.7)
    # curtains
    red, red_d = hexc("#B7352D"), hexc("#962A24")
    for side in (0, 1):
        x0 = 0 if side == 0 else W - 256
        c.rect((x0, 0, x0 + 256, 864), fill=red)
        for k in range(5):
            fx = x0 + 16 + k * 48
            c.rect((fx, 0, fx + 24, 864), fill=red_d)
    c.poly([(256, 0), (328, 0), (256, 600)], fill=red)
    c.poly([(W - 256, 0), (W - 328, 0), (W - 256, 600)], fill=red)
    c.rect((0, 0, W, 56), fill=red_d)
    for k in range(17):
        c.chord((k * 100 - 10, 16, k * 100 + 110, 96), 0, 180, fill=red_d)
    c.rect((0, 0, W, 40), fill=hexc("#7E221D"))
    # banner
    bx0, by0, bx1, by1 = 328, 120, 1272, 248
    c.line([(bx0 + 40, 50), (bx0 + 40, by0)], hexc("#6B4A2B"), 4)
    c.line([(bx1 - 40, 50), (bx1 - 40, by0)], hexc("#6B4A2B"), 4)
    c.shadow((bx0, by0, bx1, by1), blur=10, opacity=0.3)
    c.rect((bx0, by0, bx1, by1), fill=hexc("#FFF1C9"), r=14)
    c.rect((bx0, by0, bx1, by0 + 16), fill=hexc("#D7263D"), r=8)
    c.rect((bx0, by1 - 16, bx1, by1), fill=hexc("#D7263D"), r=8)
    size = fit_text(c, "Lomba Bercerita SD 2021", 68, bx1 - bx0 - 80, bold=True)
    c.text(
        ((bx0 + bx1) / 2, (by0 + by1) / 2 + 2),
        "Lomba Bercerita SD 2021",
        size,
        hexc("#8E1F2A"),
        bold=True,
        anchor="mm",
    )
    bunting(c, 260, W - 260, 272, 70, 14, [hexc("#D7263D"), hexc("#FFFFFF")])
    # stage
    c.poly([(176, 800), (W - 176, 800), (W - 104, 880), (104, 880)], fill=hexc("#C68B55"))
    c.rect((176, 800, W - 176, 804), fill=hexc("#DDA774"))
    c.rect((104, 880, W - 104, 992), fill=hexc("#8E5634"))
    for k in range(13):
        c.rect(
            (136 + k * 104, 896, 224 + k * 104, 976),
            fill=hexc("#D7263D") if k % 2 == 0 else hexc("#F7F1E8"),
        )
    c.gradient((0, 992, W, H), hexc("#B8875E"), hexc("#A0714B"))
    # plants at the corners of the stage
    plant(c, 300, 850, 40, pot=hexc("#3D7A9E"), leaf=hexc("#5E9C6A"))
    plant(c, 1300, 850, 40, pot=hexc("#3D7A9E"), leaf=hexc("#5E9C6A"))
    # microphone stand
    c.ellipse((560, 826, 660, 846), fill=hexc("#2F2F35"))
    c.line([(610, 836), (610, 520)], hexc("#3A3A42"), 8)
    c.thick((610, 520), (650, 470), hexc("#3A3A42"), 8)
    c.ellipse((640, 446, 672, 482), fill=hexc("#4A4A55"))
    # the child
    cx, hy, r = 800, 392, 60
    skin = SKIN[2]
    c.shadow((700, 830, 900, 860), blur=8, opacity=0.35, ellipse=True)
    for s in (-1, 1):
        lx = cx + s * 34
        c.rect((lx - 20, 700, lx + 20, 800), fill=skin, r=10)
        c.rect((lx - 21, 770, lx + 21, 812), fill=(255, 255, 255), r=8)
        c.ellipse((lx - 30 + s * 6, 800, lx + 30 + s * 6, 842), fill=hexc("#1F1B1D"))
    c.rect((cx - 72, 600, cx + 72, 730), fill=hexc("#C62828"), r=14)
    c.rect((cx - 4, 680, cx + 4, 730), fill=hexc("#A32020"))
    # shirt and sleeves
    c.rect((cx - 80, 455, cx + 80, 640), fill=hexc("#FBFBF7"), r=34)
    for s in (-1, 1):
        c.rect((cx + s * 80 - 34, 462, cx + s * 80 + 34, 545), fill=hexc("#F1F0EA"), r=24)
    c.rect((cx - 80, 598, cx + 80, 614), fill=hexc("#2B2B30"))
    c.rect((cx - 12, 600, cx + 12, 614), fill=hexc("#C9A227"))
    # tie, collar
    c.poly([(cx - 30, 455), (cx + 30, 455), (cx, 488)], fill=darker(skin, 0.1))
    c.poly(
        [(cx - 12, 480), (cx + 12, 480), (cx + 16, 560), (cx, 580), (cx - 16, 560)],
        fill=hexc("#C62828"),
    )
    c.poly([(cx - 38, 448), (cx - 2, 480), (cx - 24, 500), (cx - 50, 464)], fill=(255, 255, 255))
    c.poly([(cx + 38, 448), (cx + 2, 480), (cx + 24, 500), (cx + 50, 464)], fill=(255, 255, 255))
    # head
    c.rect((cx - 22, hy + 40, cx + 22, hy + 78), fill=darker(skin, 0.1), r=10)
    for s in (-1, 1):
        c.ellipse((cx + s * 59 - 12, hy - 6, cx + s * 59 + 12, hy + 24), fill=darker(skin, 0.08))
    c.ellipse((cx - r, hy - 66, cx + r, hy + 66), fill=skin)
    c.pieslice((cx - 64, hy - 76, cx + 64, hy + 26), 180, 360, fill=HAIR_BLACK)
    c.poly([(cx - 62, hy - 25), (cx + 10, hy - 25), (cx - 40, hy + 2)], fill=HAIR_BLACK)
    face_front(c, cx, hy, r, skin, brows=HAIR_BLACK)
    # arms and the open book
    for s in (-1, 1):
        c.thick((cx + s * 88, 520), (cx + s * 112, 585), skin, 32)
    open_book(c, 676, 500, 924, 640, cover=hexc("#2F8F8B"))
    for s in (-1, 1):
        c.circle(cx + s * 128, 590, 21, fill=skin)
    # children in the audience
    kids = [
        (90, dict(skin=SKIN[1], shirt=(250, 250, 246), hair=HAIR_BLACK)),
        (360, dict(skin=SKIN[3], shirt=(250, 250, 246), hijab=(236, 230, 220))),
        (640, dict(skin=SKIN[0], shirt=(250, 250, 246), hair=HAIR_BLACK, style="ponytail")),
        (960, dict(skin=SKIN[2], shirt=(250, 250, 246), hair=HAIR_BROWN)),
        (1240, dict(skin=SKIN[4], shirt=(250, 250, 246), hijab=(236, 230, 220))),
        (1510, dict(skin=SKIN[1], shirt=(250, 250, 246), hair=HAIR_BLACK, style="bun")),
    ]
    for x, kw in kids:
        person_back(c, x, 1105, 70, **kw)
    return c.final()


# --------------------------------------------------------------------------
# 7. digital reading corner at the market
# --------------------------------------------------------------------------


def stall(c, x0, x1, top, counter, stripes):
    """A market stall's posts and striped awning (the counter is separate)."""
    c.rect((x0 + 10, top, x0 + 24, counter + 120), fill=hexc("#7A5A3C"))
    c.rect((x1 - 24, top, x1 - 10, counter + 120), fill=hexc("#7A5A3C"))
    aw_y = top + 70
    n = 8
    sw = (x1 - x0) / n
    for k in range(n):
        col = stripes[k % 2]
        c.poly(
            [
                (x0 + 30 + k * (sw - 7.5), top),
                (x0 + 30 + (k + 1) * (sw - 7.5), top),
                (x0 + (k + 1) * sw, aw_y),
                (x0 + k * sw, aw_y),
            ],
            fill=col,
        )
        c.chord((x0 + k * sw, aw_y - sw / 2, x0 + (k + 1) * sw, aw_y + sw / 2), 0, 180, fill=col)


def stall_counter(c, x0, x1, counter):
    c.rect((x0, counter, x1, counter + 18), fill=hexc("#A7774D"))
    c.rect((x0 + 10, counter + 18, x1 - 10, counter + 120), fill=hexc("#8C6040"))
    for k in range(3):
        c.rect(
            (x0 + 20, counter + 34 + k * 28, x1 - 20, counter + 40 + k * 28), fill=hexc("#7A5236")
        )


def make_pojok_baca():
    W, H = 1600, 1200
    c = Canvas(W, H, hexc("#EFDDBF"))
    # roof underside and back wall
    c.gradient((0, 0, W, 720), hexc("#F4E4C6"), hexc("#E9D2AC"))
    # (edges on the 8-pixel grid keep the JPEG small)
    c.rect((0, 0, W, 104), fill=hexc("#8C6A4E"))
    for k in range(9):
        c.rect((k * 200 - 16, 0, k * 200 + 16, 104), fill=hexc("#7A5A40"))
    c.rect((0, 104, W, 120), fill=hexc("#6B4C35"))
    for x in (320, 1280):
        c.line([(x, 120), (x, 160)], hexc("#3A3A42"), 4)
        c.chord((x - 34, 150, x + 34, 200), 180, 360, fill=hexc("#3D7A9E"))
        c.circle(x, 178, 12, fill=hexc("#FFF2C4"))
        c.glow(x, 200, 120, 90, hexc("#FFF5DA"), 0.5)
    # floor
    c.gradient((0, 720, W, H), hexc("#D8C4A6"), hexc("#C8AE8A"))
    # background stalls
    stalls = [
        (40, 560, 300, (hexc("#D7263D"), hexc("#FFF3E3"))),
        (560, 1080, 280, (hexc("#2F8F8B"), hexc("#FFF3E3"))),
        (1080, 1600, 300, (hexc("#F2A541"), hexc("#FFF3E3"))),
    ]
    for x0, x1, top, stripes in stalls:
        stall(c, x0, x1, top, 560, stripes)
    # vendors behind the counters
    person_front(c, 800, 470, 34, SKIN[3], hexc("#E07A5F"), hijab=hexc("#6A4C93"))
    person_front(
        c,
        1380,
        478,
        32,
        SKIN[1],
        hexc("#3D7A9E"),
        hair=HAIR_BLACK,
        peci=True,
        collar=hexc("#F4F1EA"),
    )
    for x0, x1, _, _ in stalls:
        stall_counter(c, x0, x1, 560)
    # fruit on the counters
    fruit_pile(c, 640, 560, 20, 4, hexc("#F28C28"), leaf=hexc("#5E9C4A"))
    fruit_pile(c, 900, 560, 18, 4, hexc("#D1495B"))
    fruit_pile(c, 1020, 560, 20, 2, hexc("#3E7B3A"))
    fruit_pile(c, 1180, 560, 20, 4, hexc("#F2C14E"), leaf=hexc("#5E9C4A"))
    fruit_pile(c, 1500, 560, 20, 4, hexc("#8CBF3F"))
    for bx in (150, 260, 660, 980, 1190, 1480):
        banana_bunch(c, bx, 420 if bx < 560 or bx > 1080 else 400, 26)
    # a soft veil over the background to push it back
    veil = Image.new("RGB", c.img.size, hexc("#F6EAD6"))
    mask = Image.new("L", c.img.size, 0)
    ImageDraw.Draw(mask).rectangle([0, 120 * c.s, W * c.s, 720 * c.s], fill=80)
    c.img.paste(veil, (0, 0), mask)
    c.blur(3, (0, 120, W, 720))  # the market behind is out of focus
    # mat
    c.poly([(64, 1040), (1184, 1040), (1264, 1184), (0, 1184)], fill=hexc("#D9A441"))
    for y0, y1 in ((1064, 1072), (1152, 1160)):
        t0, t1 = (y0 - 1040) / 144, (y1 - 1040) / 144
        c.poly(
            [(64 - 64 * t0, y0), (1184 + 80 * t0, y0), (1184 + 80 * t1, y1), (64 - 64 * t1, y1)],
            fill=hexc("#C1452F"),
        )
    # sign
    gx0, gy0, gx1, gy1 = 200, 192, 1024, 320
    c.line([(gx0 + 64, 120), (gx0 + 64, gy0)], hexc("#5B4426"), 6)
    c.line([(gx1 - 64, 120), (gx1 - 64, gy0)], hexc("#5B4426"), 6)
    c.shadow((gx0, gy0, gx1, gy1), blur=10, opacity=0.35)
    c.rect((gx0, gy0, gx1, gy1), fill=hexc("#8C5A3A"), r=16)
    c.rect((gx0 + 16, gy0 + 16, gx1 - 16, gy1 - 16), fill=hexc("#2F8F8B"), r=10)
    size = fit_text(c, "Pojok Baca Digital", 64, gx1 - gx0 - 190, bold=True)
    tw = c.textlen("Pojok Baca Digital", size, bold=True)
    left = (gx0 + gx1) / 2 - (tw + 110) / 2
    book_icon(c, left + 42, (gy0 + gy1) / 2, 42, MUSTARD)
    c.text(
        (left + 110, (gy0 + gy1) / 2 + 2),
        "Pojok Baca Digital",
        size,
        (255, 252, 240),
        bold=True,
        anchor="lm",
    )
    # bookshelf
    kx0, kx1, ky0, ky1 = 112, 560, 472, 1080
    c.shadow((kx0, ky0, kx1, ky1), blur=14, opacity=0.35)
    c.rect((kx0, ky0, kx1, ky1), fill=hexc("#9C6B43"), r=8)
    rng = random.Random(2022)
    shelves = [(488, 664), (680, 856), (872, 1056)]
    for k, (r0, r1) in enumerate(shelves):
        c.rect((kx0 + 16, r0, kx1 - 16, r1), fill=hexc("#74492E"))
        if k == 1:
            # picture books shown face out
            for j, col in enumerate((hexc("#E07A5F"), hexc("#5DA9E9"), hexc("#E9C46A"))):
                bx = kx0 + 32 + j * 136
                c.rect((bx, r1 - 152, bx + 120, r1), fill=col, r=6)
                c.circle(bx + 60, r1 - 96, 28, fill=lighter(col, 0.5))
                c.rect((bx + 20, r1 - 40, bx + 100, r1 - 28), fill=lighter(col, 0.5), r=5)
        else:
            bookshelf_row(c, rng, kx0 + 16, kx1 - 16, r1, 110, 160, decor=False, wmin=26, wmax=44)
        c.rect((kx0 + 8, r1, kx1 - 8, r1 + 16), fill=hexc("#B88356"))
    # little table with the tablet
    c.shadow((660, 1000, 1030, 1060), blur=10, opacity=0.35, ellipse=True)
    c.rect((680, 800, 1008, 832), fill=hexc("#B7804F"), r=8)
    c.rect((696, 832, 720, 1032), fill=hexc("#8C5A3A"))
    c.rect((968, 832, 992, 1032), fill=hexc("#8C5A3A"))
    c.rect((696, 952, 992, 968), fill=hexc("#8C5A3A"))
    # tablet on a folding stand
    c.poly([(880, 640), (904, 640), (950, 800), (926, 800)], fill=hexc("#5A5E6E"))
    c.poly([(760, 786), (940, 786), (936, 800), (764, 800)], fill=hexc("#4A4E5E"))
    c.poly([(726, 628), (954, 614), (970, 784), (718, 790)], fill=hexc("#24262E"))
    c.poly([(746, 646), (936, 635), (948, 764), (738, 769)], fill=hexc("#FFF8EC"))
    c.poly([(746, 646), (936, 635), (937, 656), (746, 667)], fill=TEAL)
    for j in range(3):
        col = (TERRACOTTA, MUSTARD, hexc("#5DA9E9"))[j]
        tx = 760 + j * 60
        c.rect((tx, 680 - j * 3, tx + 48, 738 - j * 2), fill=col, r=4)
        c.rect((tx + 6, 746 - j * 2, tx + 42, 753 - j * 2), fill=hexc("#C9BBA6"), r=3)
    c.circle(726, 708, 4, fill=hexc("#4A4E5E"))
    # red plastic stool and a child reading on it
    kx = 1300
    c.shadow((1200, 1040, 1400, 1080), blur=8, opacity=0.35, ellipse=True)
    c.poly([(1220, 880), (1380, 880), (1395, 1060), (1205, 1060)], fill=hexc("#D1495B"))
    c.poly([(1250, 930), (1350, 930), (1340, 1060), (1260, 1060)], fill=hexc("#B53A4A"))
    c.rect((1206, 864, 1394, 890), fill=hexc("#E05A6A"), r=10)
    skin, trousers = SKIN[1], hexc("#3D7A9E")
    for s in (-1, 1):
        c.rect((kx + s * 44 - 22, 890, kx + s * 44 + 22, 1010), fill=trousers, r=12)
        c.rect((kx + s * 44 - 18, 1000, kx + s * 44 + 18, 1040), fill=skin, r=8)
        c.ellipse(
            (kx + s * 44 - 28 + s * 6, 1026, kx + s * 44 + 28 + s * 6, 1060), fill=hexc("#E07A5F")
        )
    person_front(c, kx, 650, 50, skin, hexc("#F2A541"), hair=HAIR_BLACK, style="long", sw=1.9)
    c.rect((kx - 96, 856, kx + 96, 912), fill=trousers, r=26)
    for s in (-1, 1):
        c.thick((kx + s * 82, 760), (kx + s * 104, 830), hexc("#E8973A"), 34)
    open_book(c, kx - 104, 768, kx + 104, 872, cover=hexc("#6A4C93"))
    for s in (-1, 1):
        c.circle(kx + s * 110, 830, 20, fill=skin)
    # a crate of oranges in the foreground
    c.shadow((1440, 1090, 1620, 1200), blur=8, opacity=0.35)
    fruit_pile(c, 1544, 1072, 24, 4, hexc("#F28C28"), leaf=hexc("#5E9C4A"))
    c.rect((1440, 1072, 1640, 1200), fill=hexc("#C9955F"))
    for k in range(3):
        c.rect((1440, 1088 + k * 40, 1640, 1096 + k * 40), fill=hexc("#A7774D"))
    return c.final()


# --------------------------------------------------------------------------
# 8. The new opening hours on the library's front door
# --------------------------------------------------------------------------


def make_jam_layanan():
    W, H = 1600, 1200
    c = Canvas(W, H, hexc("#EFE3CF"))
    # the front wall, a glass door with the reading room behind it, the floor
    c.gradient((0, 0, W, 952), hexc("#F4EAD8"), hexc("#E6D5B8"))
    c.gradient((0, 952, W, H), hexc("#B9A58A"), hexc("#9C8A70"))
    for x in range(0, W, 160):
        c.rect((x, 952, x + 4, H), fill=hexc("#A8957A"))
    c.rect((120, 144, 712, 952), fill=hexc("#6B4A2B"))
    c.gradient((144, 168, 688, 952), hexc("#CFE6EE"), hexc("#A9CBD6"))
    rng = random.Random(23)
    for base in (408, 600, 792):
        c.rect((144, base, 688, base + 10), fill=hexc("#8C6A4A"))
        bookshelf_row(c, rng, 160, 672, base, 120, 168, decor=False)
    c.blur(6, (144, 168, 688, 952))
    c.rect((408, 168, 424, 952), fill=hexc("#6B4A2B"))
    c.rect((360, 520, 376, 640), fill=hexc("#D9D4CC"), r=6)
    c.rect((456, 520, 472, 640), fill=hexc("#D9D4CC"), r=6)
    # the board with the hours
    bx0, by0, bx1, by1 = 832, 200, 1528, 808
    c.shadow((bx0, by0, bx1, by1), r=18, blur=16, opacity=0.35)
    c.rect((bx0, by0, bx1, by1), fill=hexc("#1F5C58"), r=18)
    c.rect((bx0 + 24, by0 + 24, bx1 - 24, by1 - 24), fill=hexc("#FFF8EA"), r=10)
    c.rect((bx0 + 24, by0 + 24, bx1 - 24, by0 + 152), fill=TEAL, r=10)
    mid = (bx0 + bx1) / 2
    c.text((mid, by0 + 90), "JAM LAYANAN", 64, hexc("#FFFFFF"), bold=True, anchor="mm")
    rows = [
        ("Senin–Jumat", "08.00–16.00"),
        ("Sabtu", "08.00–12.00"),
        ("Minggu & libur", "Tutup"),
    ]
    for k, (day, hours) in enumerate(rows):
        y = by0 + 232 + k * 104
        c.text((bx0 + 64, y), day, 38, INK, anchor="lm")
        c.text((bx1 - 64, y), hours, 38, INK, bold=True, anchor="rm")
        c.rect((bx0 + 64, y + 52, bx1 - 64, y + 56), fill=hexc("#E3D6BF"))
    c.text((mid, by1 - 64), "Mulai 1 Februari 2021", 36, hexc("#8E1F2A"), bold=True, anchor="mm")
    # a plant by the door and a ramp's handrail
    plant(c, 772, 952, 26, pot=TERRACOTTA, leaf=hexc("#4F8F5F"))
    c.line([(1544, 872), (W, 856)], hexc("#8A8F96"), 10)
    c.line([(1560, 872), (1560, 952)], hexc("#8A8F96"), 8)
    return c.final()


# --------------------------------------------------------------------------
# output
# --------------------------------------------------------------------------


def save_jpeg(img, path):
    img = img.convert("RGB")
    img.info.clear()
    img.save(path, "JPEG", quality=72, optimize=True, progressive=True)
    return path.stat().st_size


def _pixels(img):
    """Flat pixel sequence (get_flattened_data replaces getdata in Pillow 12.1+)."""
    get = getattr(img, "get_flattened_data", None)
    return get() if get else img.getdata()


def quantize_rgba(img, colours=176, alpha_levels=10):
    """Palette image with per-entry alpha (tRNS) that keeps soft edges.

    Pillow's own RGBA quantiser keeps only a few alpha levels, so the opaque
    colours are quantised on their own (median cut) and the semi-transparent
    edge pixels get extra palette entries: (nearest colour, alpha level).
    Index 0 is fully transparent.
    """
    alpha = img.getchannel("A")
    rgb = Image.new("RGB", img.size, (255, 255, 255))
    rgb.paste(img.convert("RGB"), (0, 0), alpha.point(lambda v: 255 if v else 0))
    q = rgb.quantize(colors=colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    base = q.getpalette()[: 3 * colours]
    step = 255 / alpha_levels
    entries = {}  # (colour index, alpha) -> palette index
    palette, trns = [0, 0, 0], [0]
    out = []
    for idx, a in zip(_pixels(q), _pixels(alpha)):
        if a == 0:
            out.append(0)
            continue
        a = 255 if a > 255 - step / 2 else max(1, round(round(a / step) * step))
        key = (idx, a)
        if key not in entries:
            entries[key] = len(trns)
            palette += base[3 * idx : 3 * idx + 3]
            trns.append(a)
        out.append(entries[key])
    if len(trns) > 256:
        return quantize_rgba(img, colours - 24, alpha_levels)
    p = Image.new("P", img.size)
    p.putpalette(palette)
    p.putdata(out)
    p.info["transparency"] = bytes(trns)
    return p


def save_png(img, path):
    q = quantize_rgba(img)
    q.save(path, "PNG", optimize=True, transparency=q.info["transparency"])
    return path.stat().st_size


JOBS = [
    ("2020/bimtek-transformasi-perpustakaan/zoom-peserta.jpg", make_zoom),
    ("2020/bimtek-transformasi-perpustakaan/materi-bimtek.jpg", make_materi),
    ("2020/bimtek-transformasi-perpustakaan/ruang-rapat.jpg", make_ruang_rapat),
    ("2020/bimtek-transformasi-perpustakaan/diskusi.jpg", make_diskusi),
    ("2020/bimtek-transformasi-perpustakaan/asas-perpustakaan.png", make_asas),
    ("2021/lomba-bercerita-sd/panggung.jpg", make_panggung),
    ("2022/pojok-baca-digital-pasar/pojok-baca.jpg", make_pojok_baca),
    ("2021/jam-layanan-baru/papan-jam-layanan.jpg", make_jam_layanan),
]


def main():
    ok = True
    for rel, make in JOBS:
        path = ARTICLES / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        img = make()
        if path.suffix == ".png":
            size, limit = save_png(img, path), PNG_LIMIT
        else:
            size, limit = save_jpeg(img, path), JPEG_LIMIT
        w, h = img.size
        flag = "" if size < limit else f"  OVER {limit} bytes"
        ok = ok and size < limit
        print(f"{path.relative_to(ROOT)}  {w}x{h}  {size} bytes ({size / 1024:.1f} KB){flag}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
