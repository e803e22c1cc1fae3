"""Photos: an article's pictures as readers on a cheap phone should get them.

Editors save their phone photos in a folder beside the article
(``content/articles/2020/bimtek/`` for ``bimtek.md``) and write plain Markdown:

- ``![alt](bimtek/foto-1.jpg "Keterangan")`` alone in a paragraph becomes a
  ``<figure>`` with a visible caption (the title);
- several images in one paragraph (the "Dokumen Kegiatan" habit) become a
  gallery: a grid of thumbnails, each a link to its large version;
- every image becomes a ``<picture>`` with AVIF and WebP sources in several
  widths, a JPEG (or PNG) fallback, ``width``/``height`` and lazy loading;
- ``Image:`` (with ``Image_alt:``, ``Image_caption:``) names the lead photo,
  and heads the article (unless the body opens with it), else the body's first
  photo leads, where the body shows it; the lead stands for the article in
  listings, feeds, search results and link previews.

``{static}``, ``{attach}`` and ``{filename}`` links, site-root paths
(``/images/x.jpg``) and paths relative to the article all name a file in
``content/``. Pelican's own static handling is not used for photos: under
i18n_subsites it fails on any ``{static}`` link in the English site, and it
would publish the original (with its GPS position) under every language.
Here each photo is published once, at the main site's root, only in its
processed versions (``imaging``), under a name that carries its content's hash
so a replaced photo is never served stale from a browser's cache.

The Markdown extension runs as the contract's reader reads each file (it
needs the file's folder); what it finds wrong is reported by the contract.
"""

import logging
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree as etree

from jinja2 import pass_context
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup
from pelican import signals
from pelican.generators import Generator
from pelican.utils import slugify

from warta import imaging
from warta.facts import photo_folder
from warta.library import library_text
from warta.multilingual import SITE_ROOT, every_content, is_main_site, site_file_url

log = logging.getLogger(__name__)

# What the browser is told about each image's displayed width, to pick a file
# from srcset (the text column is 40rem wide at most, 1rem of padding each side).
SIZES = {
    "body": "(min-width: 44rem) 40rem, calc(100vw - 2rem)",
    "gallery": "(min-width: 44rem) 13rem, calc(50vw - 1.5rem)",
    "thumbnail": "(min-width: 44rem) 8rem, 5.5rem",
    # The home page's latest article: the whole column on a phone, two thirds of it wide.
    "feature": "(min-width: 64rem) 46rem, calc(100vw - 2rem)",
}
# AVIF first: the browser takes the first source it can show.
FORMATS = ("avif", "webp")
LINK_PREFIX = re.compile(r"^\{(static|attach|filename)\}")
EXTERNAL = re.compile(r"^([a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


@dataclass(frozen=True)
class PhotoUse:
    """A photo as one article shows it."""

    photo: imaging.Photo
    alt: str
    caption: str = ""
    at_top: bool = False  # the lead photo, shown above the article's text


@dataclass(frozen=True)
class Problem:
    """Something wrong with an image in a file, for the contract to put in words."""

    kind: str  # "missing", "outside", "no_alt", "not_image", "unsupported", "too_large", "large"
    target: str  # the image as the editor wrote it
    field: str | None = None  # "image" for the Image: field, None for the body
    suggestion: str | None = None
    detail: str = ""
    folder: str = ""  # the article's photo folder, inside content/


# --- Finding the file an editor means ------------------------------------------


def resolve(target, source_path, content_root):
    """The file in ``content/`` that an image link names, as a posix path relative to
    it; None for an external image (http:, data:). ValueError if it leaves content/."""
    target = unquote(target.strip())
    prefix = LINK_PREFIX.match(target)
    if prefix:
        target = target[prefix.end() :]
    elif EXTERNAL.match(target):
        return None
    target = re.split(r"[?#]", target)[0]  # foto.jpg?unduh=1#atas names foto.jpg
    here = PurePosixPath(Path(source_path).relative_to(content_root).as_posix()).parent
    joined = target.lstrip("/") if target.startswith("/") else posixpath.join(str(here), target)
    normal = posixpath.normpath(joined)
    if normal.startswith("../") or normal == ".." or normal.startswith("/"):
        raise ValueError(target)
    return normal


def stamp(content_root, relative):
    """(size, modification time) of an image file, None if it is missing: what tells
    a cached article that its photos changed."""
    try:
        info = (Path(content_root) / relative).stat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def near_miss(relative, content_root):
    """The existing file an editor probably meant: the same path in another case, or
    with another extension (``Foto1.JPG`` for ``foto1.jpg``). Linux servers, unlike
    Windows laptops, tell these apart."""
    folder = Path(content_root)
    parts = PurePosixPath(relative).parts
    for index, part in enumerate(parts):
        if not folder.is_dir():
            return None
        last = index == len(parts) - 1
        exact = folder / part
        if exact.exists() and not last:
            folder = exact
            continue
        wanted = PurePosixPath(part)
        candidates = sorted(folder.iterdir())
        match = next((c for c in candidates if c.name.casefold() == part.casefold()), None)
        if match is None and last:
            match = next(
                (
                    c
                    for c in candidates
                    if c.is_file() and c.stem.casefold() == wanted.stem.casefold()
                ),
                None,
            )
        if match is None:
            return None
        folder = match
    return folder.relative_to(content_root).as_posix()


def written_like(original, relative, source_path, content_root):
    """``relative`` (inside content/) written the way the editor wrote ``original``."""
    prefix = LINK_PREFIX.match(original.strip())
    rest = original.strip()[prefix.end() :] if prefix else original.strip()
    lead = prefix.group(0) if prefix else ""
    if rest.startswith("/"):
        return f"{lead}/{relative}"
    here = Path(source_path).relative_to(content_root).parent.as_posix()
    return lead + posixpath.relpath(relative, here)


class PhotoFinder:
    """Resolves and inspects the images of one file, remembering what went wrong."""

    def __init__(self, source_path, settings):
        self.source_path = source_path
        self.content_root = Path(settings["PATH"])
        self.problems = []
        self.looked_at = {}  # image path inside content/ -> its stamp (None: missing)

    def find(self, target, field=None):
        """The Photo for ``target``, or None (external, or a problem was recorded)."""
        try:
            relative = resolve(target, self.source_path, self.content_root)
        except ValueError:
            self.problems.append(Problem("outside", target, field))
            return None
        if relative is None:
            return None
        self.looked_at[relative] = stamp(self.content_root, relative)
        path = self.content_root / relative
        if not path.is_file():
            hint = near_miss(relative, self.content_root)
            if hint:
                hint = written_like(target, hint, self.source_path, self.content_root)
            folder = photo_folder(Path(self.source_path).relative_to(self.content_root))
            self.problems.append(Problem("missing", target, field, hint, folder=folder.as_posix()))
            return None
        try:
            photo = imaging.inspect(path, relative)
        except imaging.ImageProblem as problem:
            self.problems.append(Problem(problem.kind, target, field, detail=problem.detail))
            return None
        if photo.large:
            detail = f"{photo.size_bytes / 1024 / 1024:.0f} MB, {photo.width * photo.height / 1e6:.0f} MP"
            self.problems.append(Problem("large", target, field, detail=detail))
        return photo


# --- Markup: one builder for the body (Markdown) and the templates -------------


def name_in_url(name):
    """'WhatsApp Image 2026-11-20 at 09.15.00' -> 'whatsapp-image-2026-11-20-at-09-15-00'."""
    return slugify(name, regex_subs=[(r"[^\w-]+", "-"), (r"-{2,}", "-"), (r"^-|-$", "")]) or "foto"


def published_path(photo, version):
    """Where a version lives on the site: ``images/2020/bimtek/foto-1-a1b2c3d4-960.webp``."""
    source = PurePosixPath(photo.source)
    # Slugs, so that no space or symbol of a phone's file name ("WhatsApp Image
    # 2026-11-20 at 09.15.00.jpeg") ends up in a URL or breaks a srcset list.
    folder = [name_in_url(part) for part in source.parent.parts[1:]]  # no articles/ etc.
    name = f"{name_in_url(source.stem)}-{photo.digest[:8]}-{version.name}"
    return str(PurePosixPath("images", *folder, name))


def srcset(photo, fmt, url_of):
    return ", ".join(
        f"{url_of(published_path(photo, v))} {v.width}w"
        for v in imaging.versions(photo, FORMATS)
        if v.format == fmt
    )


def largest(photo, fmt):
    return [v for v in imaging.versions(photo, FORMATS) if v.format == fmt][-1]


def picture(use, url_of, sizes, eager=False):
    """A ``<picture>`` element: AVIF and WebP sources, the fallback ``<img>`` with
    its intrinsic size (no layout shift) and lazy loading unless ``eager``."""
    photo = use.photo
    # A graphic with transparency shows the page through it, not a loading backdrop.
    element = etree.Element("picture", {"class": "graphic"} if photo.alpha else {})
    for fmt in FORMATS:
        etree.SubElement(
            element,
            "source",
            {"type": imaging.MIME[fmt], "srcset": srcset(photo, fmt, url_of), "sizes": sizes},
        )
    fallback = largest(photo, photo.fallback)
    default = next(
        (
            v
            for v in imaging.versions(photo, FORMATS)
            if v.format == photo.fallback and v.width >= 640
        ),
        fallback,
    )
    img = etree.SubElement(element, "img")
    img.set("src", url_of(published_path(photo, default)))
    img.set("srcset", srcset(photo, photo.fallback, url_of))
    img.set("sizes", sizes)
    img.set("width", str(fallback.width))
    img.set("height", str(fallback.height))
    img.set("alt", use.alt)
    if not eager:
        img.set("loading", "lazy")
    img.set("decoding", "async")
    return element


def figure(use, url_of, eager=False):
    element = etree.Element("figure", {"class": "photo"})
    element.append(picture(use, url_of, SIZES["body"], eager))
    if use.caption:
        etree.SubElement(element, "figcaption").text = use.caption
    return element


def gallery(uses, url_of, eager_first=False):
    """Thumbnails in a grid, each a link to its large version, captions below."""
    element = etree.Element("ul", {"class": "gallery", "role": "list"})
    for index, use in enumerate(uses):
        item = etree.SubElement(element, "li")
        frame = etree.SubElement(item, "figure")
        link = etree.SubElement(
            frame,
            "a",
            {"href": url_of(published_path(use.photo, largest(use.photo, use.photo.fallback)))},
        )
        link.append(picture(use, url_of, SIZES["gallery"], eager_first and index == 0))
        if use.caption:
            etree.SubElement(frame, "figcaption").text = use.caption
    return element


# --- The Markdown extension ----------------------------------------------------


class PhotoTreeprocessor(Treeprocessor):
    """Images into pictures, lone captioned images into figures, runs of images into
    galleries. Runs after the inline processor (priority 20) has made the <img>s."""

    def __init__(self, md, extension):
        super().__init__(md)
        self.extension = extension

    def run(self, root):
        ext = self.extension
        # First, before the galleries add links of their own: a link to a photo
        # ([the large photo](foto.jpg)) leads to its largest version; the original
        # (with its GPS position) is never published.
        for link in root.iter("a"):
            href = link.get("href", "")
            if PurePosixPath(unquote(urlsplit(href).path).lower()).suffix in imaging.PHOTO_SUFFIXES:
                photo = ext.finder.find(href)
                if photo is not None:
                    link.set(
                        "href", ext.url_of(published_path(photo, largest(photo, photo.fallback)))
                    )
        for index, block in enumerate(list(root)):
            images = lone_images(block)
            if not images:
                continue
            uses = [ext.use(img) for img in images]
            if None in uses:
                continue  # an external image, or a problem: each is handled below on its own
            opens_body = index == 0 and ext.reading_body
            if opens_body:
                ext.opening_photos = {use.photo.source for use in uses}
            # The photo a body opens with is near the top of the page: never lazy
            # (it is the lead, or shown just below the one Image: names).
            eager = opens_body
            if len(uses) == 1:
                new = figure(uses[0], ext.url_of, eager)
            else:
                new = gallery(uses, ext.url_of, eager)
            new.tail = block.tail
            root.remove(block)
            root.insert(index, new)
        # Images inside text, lists or links: pictures in place.
        for parent in list(root.iter()):
            if parent.tag == "picture":
                continue  # made above
            for index, child in enumerate(list(parent)):
                if child.tag != "img":
                    continue
                use = ext.use(child)
                if use is None:
                    src = child.get("src", "")
                    if EXTERNAL.match(src):
                        child.set("loading", "lazy")  # another site's image, as it is
                    else:
                        # No file behind it: the build stops. Without the {static} prefix
                        # Pelican does not look for it too (in English, before our message).
                        child.set("src", LINK_PREFIX.sub("", src))
                    continue
                new = picture(use, ext.url_of, SIZES["body"])
                new.tail = child.tail
                parent.remove(child)
                parent.insert(index, new)


def lone_images(block):
    """The <img>s of a paragraph that holds images and nothing else, else []."""
    if block.tag != "p" or (block.text or "").strip():
        return []
    children = [c for c in block if c.tag != "br"]
    if not children or any(c.tag != "img" or (c.tail or "").strip() for c in block):
        return []
    return children


class PhotoExtension(Extension):
    """The photos of one file: made per file, since paths are relative to it."""

    def __init__(self, source_path, settings, **kwargs):
        super().__init__(**kwargs)
        self.finder = PhotoFinder(source_path, settings)
        self.md = None
        self.uses = []  # every photo of the body, in order
        self.found = {}  # <img> element -> its PhotoUse or None
        self.reading_body = True  # then the Summary field, whose images lead nothing
        self.opening_photos = set()  # the sources of the photos the body opens with

    def use(self, img):
        """The PhotoUse of an <img> (None: external, or a problem recorded); each
        image is looked up once, however often it is asked about."""
        if img not in self.found:
            self.found[img] = self._use(img)
        return self.found[img]

    def _use(self, img):
        photo = self.finder.find(img.get("src", ""))
        if photo is None:
            return None
        alt = img.get("alt", "").strip()
        if not alt:
            self.finder.problems.append(Problem("no_alt", img.get("src", "")))
        use = PhotoUse(photo, alt, (img.get("title") or "").strip())
        if self.reading_body:
            self.uses.append(use)
        return use

    def extendMarkdown(self, md):
        self.md = md
        md.treeprocessors.register(PhotoTreeprocessor(md, self), "warta_photos", 15)

    def url_of(self, path):
        """A photo's URL in this file's HTML: at the main site's root, put in as each
        page that shows this HTML is written (``multilingual.rooted``)."""
        return SITE_ROOT + path

    def lead(self, header):
        """The lead photo: the ``Image:`` field's, shown above the text unless the body
        opens with it (a WordPress post's featured image often is its first photo);
        else the body's first, which stays where the body shows it, never twice."""
        if header.get("image", "").strip():
            if EXTERNAL.match(header["image"].strip()):
                self.finder.problems.append(Problem("lead_external", header["image"], "image"))
                return None
            photo = self.finder.find(header["image"], field="image")
            alt = header.get("image_alt", "").strip()
            if photo is not None and not alt:
                self.finder.problems.append(Problem("lead_no_alt", header["image"], "image_alt"))
            if photo is None:
                return None
            caption = header.get("image_caption", "").strip()
            return PhotoUse(photo, alt, caption, at_top=photo.source not in self.opening_photos)
        for key in ("image_alt", "image_caption"):
            if header.get(key, "").strip():
                self.finder.problems.append(Problem("lead_without_image", header[key], key))
        if not self.uses:
            return None
        first = self.uses[0]
        return PhotoUse(first.photo, first.alt, first.caption, at_top=False)


# --- Templates -----------------------------------------------------------------


def site_url_of(context):
    return lambda path: site_file_url(context, path)


@pass_context
def lead_figure(context, article):
    """The lead photo above an article's text: eager, since it is the first thing seen."""
    use = getattr(article, "lead_photo", None)
    if not use or not use.at_top:
        return ""
    return Markup(
        etree.tostring(figure(use, site_url_of(context), eager=True), "unicode", method="html")
    )


@pass_context
def thumbnail(context, article, feature=False):
    """The lead photo as a listing's thumbnail, or nothing; ``feature``: large and
    eager, for the latest article at the top of the home page."""
    use = getattr(article, "lead_photo", None)
    if not use:
        return ""
    sizes = SIZES["feature" if feature else "thumbnail"]
    element = picture(use, site_url_of(context), sizes, eager=feature)
    return Markup(etree.tostring(element, "unicode", method="html"))


@pass_context
def lead_image(context, article, name):
    """A version of an article's lead photo, for previews and feeds: ``name`` is a crop
    ("og", "16x9", "4x3", "1x1") or "small" (the 320 px fallback, search results).
    Returns {url, width, height, alt} or None."""
    use = getattr(article, "lead_photo", None)
    if not use:
        return None
    photo = use.photo
    if name == "small":
        version = next(v for v in imaging.versions(photo, FORMATS) if v.format == photo.fallback)
    else:
        version = next(
            v for v in imaging.versions(photo, (), crops=True) if v.name.startswith(name + ".")
        )
    path = published_path(photo, version)
    return {
        "url": site_url_of(context)(path),
        "width": version.width,
        "height": version.height,
        "alt": use.alt,
    }


def add_template_helpers(generator):
    settings = generator.settings
    images = site_images(settings)  # their sizes, read once
    share = images.get(settings["WARTA_SHARE_IMAGE"])
    has_logo = settings["WARTA_LIBRARY"].get("logo") in images

    @pass_context
    def site_share_image(context):
        """The library's share picture: what a page without a photo shows, and what it
        shows in the page's language (``share_image_alt`` in WARTA_LANGUAGES)."""
        url = site_url_of(context)(settings["WARTA_SHARE_IMAGE"])
        lang = context["DEFAULT_LANG"]
        alt = library_text(context, context["WARTA_LANGUAGES"][lang].get("share_image_alt"), lang)
        size = {"width": share.width, "height": share.height} if share else {}
        return {"url": url, **size, "alt": alt}

    @pass_context
    def site_icon(context):
        """The home-screen icon made from the logo (see ``ICONS``), or None without a logo."""
        return site_url_of(context)(ICONS[1].name) if has_logo else None

    logo = images.get(settings["WARTA_LIBRARY"].get("logo"))

    @pass_context
    def site_logo(context):
        """The library's logo as the header shows it: {url, width, height}, or None
        without one (the header then shows the name alone)."""
        if not logo:
            return None
        url = site_url_of(context)(settings["WARTA_LIBRARY"]["logo"])
        return {"url": url, "width": logo.width, "height": logo.height}

    generator.env.globals.update(
        lead_figure=lead_figure,
        thumbnail=thumbnail,
        lead_image=lead_image,
        site_share_image=site_share_image,
        site_icon=site_icon,
        site_logo=site_logo,
    )


# --- Encoding and publishing -------------------------------------------------------


def read_content(generators):
    """Every article and page this build read, in every language and status."""
    for generator in generators:
        yield from every_content(generator) or ()


def wanted_versions(contents):
    """{Photo: [Version]} for ``contents``: every width and format, crops for leads."""
    wanted = {}
    leads = set()
    for content in contents:
        for use in getattr(content, "photos", []):
            wanted.setdefault(use.photo, None)
        lead = getattr(content, "lead_photo", None)
        if lead:
            wanted.setdefault(lead.photo, None)
            leads.add(lead.photo)
    return {photo: imaging.versions(photo, FORMATS, crops=photo in leads) for photo in wanted}


# Made from the logo, at the site root where browsers and phones look for them without
# being told: /favicon.ico (16, 32 and 48 px in one file) and the 180 px PNG iOS puts on
# a home screen (no transparency: iOS would show it on black).
ICONS = (imaging.icon_version("favicon.ico"), imaging.icon_version("apple-touch-icon.png"))


def site_images(settings):
    """The library's own images named in the settings (logo, share picture):
    published at their own path and size, without metadata. {path: Photo}."""
    root = Path(settings["PATH"])
    paths = [settings["WARTA_LIBRARY"].get("logo"), settings.get("WARTA_SHARE_IMAGE")]
    return {p: imaging.inspect(root / p, p) for p in paths if p and (root / p).is_file()}


def cache_root(settings):
    return Path(settings["WARTA_PHOTO_CACHE"])


def initialize(pelican):
    """One photo cache for every language site: the main site's (i18n_subsites gives
    each subsite its own CACHE_PATH, and copies this setting from the main site)."""
    settings = pelican.settings
    settings.setdefault("WARTA_PHOTO_CACHE", str(Path(settings["CACHE_PATH"]) / "photos"))


def encode_all(generators, announce=None):
    """Encode every photo the build uses into the cache, before anything is written.
    Returns [(content source path, image source, ImageProblem)] for broken files."""
    settings = generators[0].settings
    contents = list(read_content(generators))
    # Drafts too: their photos are checked (and ready for the preview) like the rest.
    wanted = wanted_versions(contents)
    logo = settings["WARTA_LIBRARY"].get("logo")
    for path, photo in site_images(settings).items():
        wanted[photo] = [imaging.original_version(photo, path), *(ICONS if path == logo else ())]
    problems, encoded = imaging.process(
        settings["PATH"], cache_root(settings), wanted, announce=announce
    )
    log.info(
        "warta.photos: %d photos encoded, %d already in the cache", encoded, len(wanted) - encoded
    )
    broken = []
    for content in contents:
        uses = [*getattr(content, "photos", []), getattr(content, "lead_photo", None)]
        for source in dict.fromkeys(u.photo.source for u in uses if u):
            if source in problems:
                broken.append((content.source_path, source, problems[source]))
    return broken


class PhotosGenerator(Generator):
    """Publishes every published article's and page's photos, once, at the main site's
    root, and removes the versions of photos no longer used."""

    def generate_context(self):
        pass

    def generate_output(self, writer):
        if not is_main_site(self.settings):
            return  # one copy for every language: the main site writes them all
        generators = self.context["warta_generators"]
        published = [c for c in read_content(generators) if c.status == "published"]
        output = Path(self.output_path)
        cache = cache_root(self.settings)
        written = set()
        for photo, versions in wanted_versions(published).items():
            for version in versions:
                target = output / published_path(photo, version)
                imaging.publish(cache, photo, version, target)
                written.add(target)
        logo = self.settings["WARTA_LIBRARY"].get("logo")
        for path, photo in site_images(self.settings).items():
            target = output / path
            imaging.publish(cache, photo, imaging.original_version(photo, path), target)
            written.add(target)
            if path == logo:
                for icon in ICONS:
                    imaging.publish(cache, photo, icon, output / icon.name)
        # Everything under images/ is ours: what this build did not write is stale.
        for path in sorted((output / "images").rglob("*"), reverse=True):
            if path.is_file() and path not in written:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()


def keep_originals_private(generator):
    """No original photo is ever copied as it is (with its GPS position): not even one
    linked in a way the Markdown extension does not rewrite (raw HTML, ``poster=``),
    which Pelican would otherwise add to the static files it copies."""
    links = generator.context.get("static_links", set())
    links.difference_update(
        {link for link in links if PurePosixPath(link.lower()).suffix in imaging.PHOTO_SUFFIXES}
    )


def remember_generators(generators):
    for generator in generators:
        generator.context["warta_generators"] = generators


def get_generators(pelican):
    return PhotosGenerator


def add_enclosures(context, feed):
    """The lead photo of each feed item as its enclosure (960 px, JPEG or PNG)."""
    from feedgenerator import Enclosure

    articles = {}
    for article in context.get("articles", []) + context.get("translations", []):
        if getattr(article, "lead_photo", None):
            articles[article.url] = article
    for item in feed.items:
        path = item["link"].removeprefix(context["SITEURL"].rstrip("/") + "/")
        article = articles.get(path)
        if article is None:
            continue
        photo = article.lead_photo.photo
        version = [
            v
            for v in imaging.versions(photo, FORMATS)
            if v.format == photo.fallback and v.width <= 960
        ][-1]
        cached = imaging.cache_folder(cache_root(context), photo) / version.name
        length = cached.stat().st_size if cached.is_file() else 0
        url = site_file_url(context, published_path(photo, version))
        item["enclosures"] = [Enclosure(url, str(length), version.mime)]


def register():
    # On `initialized`: the main site fires it first, before i18n_subsites copies its settings.
    signals.initialized.connect(initialize)
    # On `generator_init`: every generator's Jinja env exists by then.
    signals.generator_init.connect(add_template_helpers)
    signals.get_generators.connect(get_generators)
    # On `page_generator_finalized`: articles and pages have added their static links,
    # and the static generator, which runs next, has not read them yet.
    signals.page_generator_finalized.connect(keep_originals_private)
    # On `all_generators_finalized`: PhotosGenerator.generate_output needs the
    # article and page generators, which Pelican does not hand to a generator.
    signals.all_generators_finalized.connect(remember_generators)
    # On `feed_generated`: every item is in the feed, nothing is written yet.
    signals.feed_generated.connect(add_enclosures)
