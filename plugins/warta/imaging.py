"""Pixels: what a photo is, and its published versions, encoded once and cached.

Editors drop photos from their phones as they are: 4000x3000 JPEGs turned by an
EXIF orientation tag, with the GPS position and the camera's serial number
inside, iPhone HEIC files, PNG screenshots with transparency. This module turns
each into what a cheap phone should download: a few widths (never upscaled), in
WebP (and AVIF) with a JPEG fallback (PNG where the source has transparency),
upright, in sRGB, with no metadata at all, plus the crops link previews and
search engines ask for.

Pillow, not pyvips: it is already a kept, pinned wheel with WebP, AVIF and
littlecms built in, pillow-heif adds HEIC the same way, and JPEG draft mode
(decoding at 1/2, 1/4 or 1/8 scale) takes most of the cost out of large phone
photos. pelican-image-process was not used: it re-parses the written HTML,
needs a class on every image, keeps its derivatives in output/ (which our
staged builds start empty, so it would encode everything on every build) and
neither strips metadata nor applies the orientation.

Encoding is the slow part, so every photo's versions are kept in a cache
folder keyed by the source's content and the encoding settings, outside the
output, and the encoding of new photos is spread over every core.
"""

import functools
import hashlib
import io
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError
from pillow_heif import register_heif_opener

register_heif_opener()  # iPhone photos (HEIC/HEIF) open like any other

# Bump when the way versions are made changes: every cached version is then made anew.
RECIPE = 2
# The widths every photo is published in (px), never wider than the source.
WIDTHS = (320, 640, 960, 1600)
QUALITY = {"webp": 72, "avif": 55, "jpeg": 78}
# Crops of a lead photo: Open Graph's 1.91:1, and the three ratios Google asks of
# Article and Event images. Never upscaled: a smaller photo gives a smaller crop.
CROPS = {"og": (1200, 630), "16x9": (1200, 675), "4x3": (1200, 900), "1x1": (1200, 1200)}
MIME = {
    "webp": "image/webp",
    "avif": "image/avif",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "ico": "image/vnd.microsoft.icon",
}
EXTENSION = {"webp": "webp", "avif": "avif", "jpeg": "jpg", "png": "png", "ico": "ico"}
# The site's icons (made from the logo): file name -> (format, side in px).
ICONS = {"favicon.ico": ("ico", 48), "apple-touch-icon.png": ("png", 180)}
ICO_SIDES = (16, 32, 48)  # the sizes browsers pick from in a favicon.ico
# The umask (read by setting it and putting it back): a published photo gets the mode
# any file the build writes gets.
UMASK = os.umask(0o022)
os.umask(UMASK)
# What a link to a photo ends in (an image link is a photo whatever its name).
PHOTO_SUFFIXES = {
    ".jpg",
    ".jpeg",
    ".jfif",  # WhatsApp Web's name for a JPEG
    ".png",
    ".webp",
    ".heic",
    ".heif",
    ".gif",
    ".tif",
    ".tiff",
    ".avif",
}
# Files Pillow can open but a photo should not be (they are documents or vectors).
NOT_PHOTOS = {".svg", ".pdf", ".eps", ".psd"}
# A warning above these: phones make 12-50 MP photos, scans are larger still.
LARGE_BYTES = 20 * 1024 * 1024
LARGE_PIXELS = 40_000_000
# Pillow refuses to open anything over twice this (a "decompression bomb").
Image.MAX_IMAGE_PIXELS = 120_000_000
SRGB = ImageCms.createProfile("sRGB")


class ImageProblem(ValueError):
    """A file that cannot be a photo: its ``kind`` names why, for the editor's message."""

    def __init__(self, kind, detail=""):
        super().__init__(kind, detail)
        self.kind = kind  # "not_image", "unsupported", "broken", "too_large"
        self.detail = detail


@dataclass(frozen=True)
class Photo:
    """A source image as the site uses it: upright size, and what fallback it needs."""

    source: str  # path inside content/, with / separators
    width: int  # after the EXIF orientation is applied
    height: int
    alpha: bool  # has transparency: PNG fallback, not JPEG
    digest: str  # of the source's bytes: the cache key, and in every published name
    size_bytes: int

    @property
    def fallback(self):
        return "png" if self.alpha else "jpeg"

    @property
    def large(self):
        """Over the sizes worth a warning (the build still processes it)."""
        return self.size_bytes > LARGE_BYTES or self.width * self.height > LARGE_PIXELS


@dataclass(frozen=True)
class Version:
    """One published file of a photo."""

    name: str  # file name in the cache folder: "960.webp", "og.jpg"
    format: str  # Pillow's name: "webp", "avif", "jpeg", "png", "ico"
    width: int
    height: int
    icon: bool = False  # an icon: the whole picture, made square, never cropped

    @property
    def mime(self):
        return MIME[self.format]


def inspect(path, source):
    """The Photo at ``path``; ImageProblem if it is not an image Pillow can publish."""
    path = Path(path)
    stat = path.stat()
    return _inspect(path, source, stat.st_mtime_ns, stat.st_size)


# Once per file and version of it in a build: every generator of both language
# sites asks about the logo and the share picture, and a PNG's EXIF means
# decoding the whole image.
@functools.lru_cache(maxsize=1024)
def _inspect(path, source, mtime_ns, size):
    if path.suffix.lower() in NOT_PHOTOS:
        raise ImageProblem("unsupported", path.suffix.lower())
    with path.open("rb") as file:
        digest = hashlib.file_digest(file, "blake2b").hexdigest()[:12]
    try:
        with Image.open(path) as image:
            width, height = image.size
            if image.getexif().get(0x0112, 1) in (5, 6, 7, 8):  # turned a quarter
                width, height = height, width
            alpha = image.mode in ("RGBA", "LA", "PA") or (
                image.mode == "P" and "transparency" in image.info
            )
    except Image.DecompressionBombError as error:
        raise ImageProblem("too_large", str(error)) from None
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise ImageProblem("not_image", str(error)) from None
    return Photo(source, width, height, alpha, digest, path.stat().st_size)


def widths_of(photo):
    """The widths a photo is published in: ``WIDTHS`` up to its own width."""
    return sorted({min(w, photo.width) for w in WIDTHS})


def scaled(photo, width):
    return width, max(1, round(photo.height * width / photo.width))


def crop_size(photo, ratio):
    """The largest crop of ``ratio`` (w, h) that fits, at most the ratio's own size."""
    w, h = ratio
    scale = min(1.0, photo.width / w, photo.height / h)
    return max(1, round(w * scale)), max(1, round(h * scale))


def versions(photo, formats, crops=False):
    """Every file published for ``photo``: each width in each format, its fallback,
    and with ``crops`` the lead-photo crops (JPEG, what every preview reader takes)."""
    result = []
    for width in widths_of(photo):
        w, h = scaled(photo, width)
        for fmt in (*formats, photo.fallback):
            result.append(Version(f"{width}.{EXTENSION[fmt]}", fmt, w, h))
    if crops:
        for name, ratio in CROPS.items():
            w, h = crop_size(photo, ratio) if not photo.alpha else ratio_within(photo, ratio)
            result.append(Version(f"{name}.jpg", "jpeg", w, h))
    return result


def ratio_within(photo, ratio):
    """A graphic's preview is not cropped but framed: the ratio's own size, at most."""
    w, h = ratio
    scale = min(1.0, max(photo.width / w, photo.height / h))
    return max(1, round(w * scale)), max(1, round(h * scale))


def original_version(photo, path=""):
    """A site image (logo, share picture) published at its own size, in the format its
    name at ``path`` promises (a server types ``logo.png`` as PNG whatever it holds)."""
    suffix = Path(path).suffix.lower().lstrip(".")
    fmt = {"png": "png", "jpg": "jpeg", "jpeg": "jpeg", "webp": "webp"}.get(suffix, photo.fallback)
    return Version("original." + EXTENSION[fmt], fmt, photo.width, photo.height)


def icon_version(name):
    """One of the site's ``ICONS``, by its file name."""
    fmt, side = ICONS[name]
    return Version(name, fmt, side, side, icon=True)


def square(image, side, opaque):
    """``image`` whole in a ``side`` px square: centred, padded with transparency (or
    with white when ``opaque``, for home-screen icons that would show black)."""
    image = ImageOps.contain(image.convert("RGBA"), (side, side), Image.LANCZOS)
    canvas = Image.new("RGBA", (side, side), (255, 255, 255, 255 if opaque else 0))
    canvas.alpha_composite(image, ((side - image.width) // 2, (side - image.height) // 2))
    return canvas.convert("RGB") if opaque else canvas


# --- Encoding -------------------------------------------------------------------


def cache_folder(cache_root, photo):
    """Where a photo's versions are kept: keyed by its content and the recipe."""
    settings = repr((RECIPE, sorted(QUALITY.items())))
    recipe = hashlib.blake2b(settings.encode(), digest_size=4).hexdigest()
    return Path(cache_root) / f"{photo.digest}-{recipe}"


def missing(cache_root, photo, wanted):
    folder = cache_folder(cache_root, photo)
    return [v for v in wanted if not (folder / v.name).is_file()]


def upright(path, largest):
    """The source decoded, upright, in sRGB, without any metadata, at least ``largest`` px
    on its long side where the format can decode at a reduced scale (JPEG draft)."""
    with Image.open(path) as image:
        if image.format == "JPEG":
            long_side = max(image.size)
            if long_side > largest:
                factor = largest / long_side
                image.draft("RGB", (int(image.width * factor) + 1, int(image.height * factor) + 1))
        image.load()
        orientation = image.getexif().get(0x0112, 1)
        icc = image.info.get("icc_profile")
        has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
        image = image.convert("RGBA" if has_alpha else "RGB")
    if orientation != 1:
        # exif_transpose reads the tag from the image; convert() dropped it, so set it.
        exif = image.getexif()
        exif[0x0112] = orientation
        image = ImageOps.exif_transpose(image)
    if icc:
        # Phones shoot in Display P3 and the like; the published file carries no
        # profile, so its pixels must already be sRGB.
        try:
            source_profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            image = ImageCms.profileToProfile(image, source_profile, SRGB, outputMode=image.mode)
        except (ImageCms.PyCMSError, OSError):
            pass  # a broken profile: the pixels as they are
    image.info = {}
    return image


def encode(image, version, path):
    """Write ``image`` resized or cropped to ``version`` at ``path``: no EXIF, no XMP, no ICC."""
    size = (version.width, version.height)
    extra = {}
    if version.icon:
        opaque = version.format != "ico"
        if version.format == "ico":
            # Each size of a favicon.ico made from the source, not from a smaller copy.
            extra = {"append_images": [square(image, side, opaque) for side in ICO_SIDES]}
        image = square(image, version.width, opaque)
    elif (image.width, image.height) != size:
        if abs(image.width / image.height - version.width / version.height) <= 0.01:
            image = image.resize(size, Image.LANCZOS, reducing_gap=3.0)
        elif image.mode == "RGBA":
            # A graphic (a screenshot, a chart) is shown whole on white: cropped, its
            # middle is often empty.
            framed = Image.new("RGBA", size, (255, 255, 255, 255))
            image = ImageOps.contain(image, size, Image.LANCZOS)
            framed.alpha_composite(
                image, ((size[0] - image.width) // 2, (size[1] - image.height) // 2)
            )
            image = framed
        else:  # a photo: cropped round its middle, a little above (faces, banners)
            image = ImageOps.fit(image, size, Image.LANCZOS, centering=(0.5, 0.45))
    image.info = {}
    options = {
        "webp": {"quality": QUALITY["webp"], "method": 4},
        "avif": {"quality": QUALITY["avif"], "speed": 8},
        "jpeg": {"quality": QUALITY["jpeg"], "optimize": True, "progressive": True},
        "png": {"optimize": True},
        "ico": {"sizes": [(side, side) for side in ICO_SIDES], **extra},
    }[version.format]
    if version.format == "jpeg" and image.mode != "RGB":
        flat = Image.new("RGB", image.size, (255, 255, 255))  # transparency on white
        flat.paste(image, mask=image.getchannel("A") if image.mode == "RGBA" else None)
        image = flat
    # Written aside and renamed: a build stopped midway never leaves half a file in the cache.
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".part", delete=False) as part:
        image.save(part, format=version.format.upper(), **options)
    os.replace(part.name, path)


def make_versions(job):
    """Encode the missing versions of one photo (run in a worker process).

    ``job`` is (source path, photo, versions, cache folder); returns (source, error or None).
    """
    path, photo, wanted, folder = job
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    try:
        largest = max(max(v.width, v.height) for v in wanted)
        image = upright(path, largest)
        for version in wanted:
            encode(image, version, folder / version.name)
    except Image.DecompressionBombError as error:
        return photo.source, ImageProblem("too_large", str(error))
    except (OSError, SyntaxError, ValueError) as error:  # truncated or corrupt data
        return photo.source, ImageProblem("broken", str(error))
    return photo.source, None


def process(content_path, cache_root, wanted, workers=None, announce=None):
    """Encode every missing version of ``wanted`` ({Photo: [Version]}), over every core.

    Returns ({source: ImageProblem}, number of photos encoded). A photo whose
    versions are all cached is not opened at all. ``announce(count)`` is called
    first when there is anything to encode.
    """
    jobs = []
    for photo, versions_wanted in wanted.items():
        todo = missing(cache_root, photo, versions_wanted)
        if todo:
            folder = cache_folder(cache_root, photo)
            jobs.append((str(Path(content_path) / photo.source), photo, todo, str(folder)))
    problems = {}
    if not jobs:
        return problems, 0
    if announce:
        announce(len(jobs))  # encoding takes seconds a photo: say why the build waits
    workers = workers or os.cpu_count() or 1
    if len(jobs) == 1 or workers == 1:
        results = map(make_versions, jobs)
    else:
        # Processes, not threads: the encoders hold the GIL for part of their work
        # (4 phone photos on 2 cores: 6.6 s with processes, 7.6 s with threads, 11.2 s alone).
        pool = ProcessPoolExecutor(max_workers=min(workers, len(jobs)))
        with pool:
            results = list(pool.map(make_versions, jobs))
    for source, problem in results:
        if problem is not None:
            problems[source] = problem
    return problems, len(jobs)


def publish(cache_root, photo, version, target):
    """Put a cached version at ``target`` in the output (a hard link where possible)."""
    cached = cache_folder(cache_root, photo) / version.name
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.unlink()
    try:
        os.link(cached, target)
    except OSError:  # another file system, or one without links
        shutil.copyfile(cached, target)
    # Readable by the web server, as any file the build writes: the cache's files are
    # made private (0600) by NamedTemporaryFile, and a link shares their mode.
    os.chmod(target, 0o666 & ~UMASK)
