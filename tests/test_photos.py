"""Photos: from an editor's raw phone pictures to what a cheap phone downloads.

The bilingual fixture site carries the photo articles (``fixtures/photo_site``),
with photos the tests make (``photo_files``); so every page test, the browser's
and the HTML checker's included, sees the figures and the gallery too.
"""

import io
import json
import re
import shutil

import pytest
from markdown import Markdown
from PIL import Image

from conftest import FIXTURES, SITEURL, TODAY, build, snapshot
from photo_files import SERIAL, phone_photo, transparent_png
from warta import contract, imaging, photos


ARTICLE = "/2022/02/kunjungan-perpustakaan-keliling/"
ARTICLE_EN = "/en/2022/02/kunjungan-perpustakaan-keliling/"


def published(site, name):
    """Every published version of a source photo, by its file name stem."""
    return sorted((site.output / "images").rglob(f"{name}-*"))


# --- The files written ---------------------------------------------------------------


def test_each_photo_is_published_in_widths_that_never_upscale(bilingual_site):
    widths = {}
    for path in published(bilingual_site, "ponsel"):
        with Image.open(path) as image:
            widths.setdefault(image.format, set()).add(image.size)
    # Upright: the sideways 4000x3000 photo is 3000 wide, 4000 high.
    expected = {(320, 427), (640, 853), (960, 1280), (1600, 2133)}
    assert widths["AVIF"] == widths["WEBP"] == expected
    assert widths["JPEG"] >= expected  # and the lead photo's crops
    for path in published(bilingual_site, "layar"):
        with Image.open(path) as image:
            assert image.width <= 1200, path


def test_the_orientation_is_applied(bilingual_site):
    [largest] = [p for p in published(bilingual_site, "ponsel") if p.name.endswith("-1600.jpg")]
    with Image.open(largest) as image:
        # The stored top-left corner is the displayed top-right after a quarter turn.
        r, g, b = image.convert("RGB").getpixel((image.width - 20, 20))
        assert r > 200 and g < 60 and b < 60
        r, g, b = image.convert("RGB").getpixel((20, 20))
        assert not (r > 200 and g < 60), "the stored top-left corner stayed where it was"


def test_no_published_image_carries_any_metadata(bilingual_site):
    images = [
        p
        for p in (bilingual_site.output / "images").rglob("*")
        if p.is_file() and p.suffix != ".pdf"
    ]
    assert len(images) > 20
    for path in images:
        data = path.read_bytes()
        for secret in (SERIAL.encode(), b"PhoneMaker", b"Exif\x00\x00", b"xmpmeta", b"ICC_PROFILE"):
            assert secret not in data, (path, secret)
        with Image.open(path) as image:
            assert not image.getexif(), path
            assert not image.info.get("exif") and not image.info.get("xmp"), path
            assert not image.info.get("icc_profile"), path


def test_transparency_survives(bilingual_site):
    files = published(bilingual_site, "layar")
    assert {p.suffix for p in files} == {".avif", ".webp", ".png"}
    for path in files:
        if path.suffix == ".avif":
            continue  # Pillow reads AVIF alpha too, but the check below is the same
        with Image.open(path) as image:
            assert image.mode in ("RGBA", "LA", "PA", "P"), path
            assert image.convert("RGBA").getpixel((1, 1))[3] == 0, path


def test_iphone_heic_is_accepted(bilingual_site):
    formats = set()
    for path in published(bilingual_site, "iphone"):
        with Image.open(path) as image:
            formats.add(image.format)
    assert formats == {"AVIF", "WEBP", "JPEG"}


def test_a_translation_uses_the_same_files_published_once(bilingual_site):
    assert not (bilingual_site.output / "en" / "images").exists()
    urls = set()
    for page in (ARTICLE, ARTICLE_EN):
        for img in bilingual_site.html(page).select(".content img"):
            urls.add(img["src"])
    assert all(url.startswith(SITEURL + "/images/") for url in urls)
    # The originals are never published: every image file is a version under /images/
    # (but the icons made from the logo, at the root where browsers look for them).
    icons = {icon.name for icon in photos.ICONS}
    images = [
        p
        for p in bilingual_site.output.rglob("*")
        if p.suffix in imaging.PHOTO_SUFFIXES and p.name not in icons
    ]
    assert images and all(p.relative_to(bilingual_site.output).parts[0] == "images" for p in images)
    assert not list(bilingual_site.output.rglob("ponsel.jpg"))


def test_a_document_linked_with_static_is_published_once_for_every_language(bilingual_site):
    # Only the English article links it; Pelican alone stops with KeyError: 'STATIC_LANG_URL'.
    [link] = bilingual_site.html(ARTICLE_EN).select('a[href$=".pdf"]')
    assert link["href"] == SITEURL + "/articles/kunjungan/jadwal-kunjungan.pdf"
    assert bilingual_site.exists("/articles/kunjungan/jadwal-kunjungan.pdf")
    assert not list((bilingual_site.output / "en").rglob("*.pdf"))


def test_a_drafts_photos_are_not_published_but_previewed(bilingual_site, tmp_path):
    assert not published(bilingual_site, "rahasia")
    assert not list(bilingual_site.output.rglob("laporan-rahasia.pdf"))  # its documents neither
    preview = build(
        bilingual_site.content,
        tmp_path / "preview",
        WARTA_TODAY=TODAY,
        WARTA_PREVIEW_DRAFTS=True,
        WARTA_PHOTO_CACHE=str(bilingual_site.cache),
    )
    assert preview.returncode == 0, preview.log
    [img] = preview.html("/2022/02/draf-foto/").select(".content img")
    assert preview.path(img["src"].removeprefix(SITEURL)).is_file()
    [pdf] = preview.html("/2022/02/draf-foto/").select('.content a[href$=".pdf"]')
    assert preview.path(pdf["href"].removeprefix(SITEURL)).is_file()


def test_pages_have_photos_too(bilingual_site):
    figure = bilingual_site.html("/tentang/").select_one("figure.photo")
    assert figure.figcaption.get_text() == "Gedung Perpustakaan Daerah"
    assert bilingual_site.path(figure.img["src"].removeprefix(SITEURL)).is_file()


# --- The HTML ---------------------------------------------------------------------------


def test_a_lone_captioned_photo_is_a_figure(bilingual_site):
    html = bilingual_site.html(ARTICLE)
    figure = html.select_one(".content figure.photo")
    assert figure.figcaption.get_text() == "Mobil perpustakaan keliling tiba di SD Negeri 1 Curup."
    img = figure.img
    assert img["alt"] == "Anak-anak mengerumuni mobil perpustakaan keliling"
    assert (img["width"], img["height"]) == ("1600", "2133")
    assert img["loading"] == "lazy"
    sources = {s["type"]: s["srcset"] for s in figure.select("source")}
    assert list(sources) == ["image/avif", "image/webp"]
    for srcset in (*sources.values(), img["srcset"]):
        assert [entry.split()[-1] for entry in srcset.split(", ")] == [
            "320w",
            "640w",
            "960w",
            "1600w",
        ]
    assert img["sizes"] and img["src"].endswith("-640.jpg")


def test_a_paragraph_of_photos_is_a_gallery(bilingual_site):
    for page in (ARTICLE, ARTICLE_EN):
        gallery = bilingual_site.html(page).select_one("ul.gallery")
        items = gallery.select("li")
        assert len(items) == 3
        for item in items:
            link = item.select_one("figure > a")
            assert link.img["alt"], page
            target = bilingual_site.path(link["href"].removeprefix(SITEURL))
            assert target.is_file(), link["href"]
            with Image.open(target) as image:  # the large version
                assert image.width == max(int(link.img["width"]), 0)
        assert [i.figcaption.get_text() for i in items if i.figcaption]


def test_the_lead_photo_heads_the_article_and_loads_first(bilingual_site):
    # English: Image: names it, so it heads the article, with its caption.
    en = bilingual_site.html(ARTICLE_EN)
    lead = en.select_one("article > figure.photo")
    assert lead.img["alt"] == "Children around the mobile library van"
    assert lead.figcaption.get_text() == "The mobile library at SD Negeri 1 Curup."
    assert "loading" not in lead.img.attrs  # not lazy: it is the first thing seen
    # Indonesian: no Image:, the body's first photo leads (listings, previews) but
    # stays where the body shows it: a photo is never on a page twice.
    html = bilingual_site.html(ARTICLE)
    assert html.select_one("article > figure.photo") is None
    alts = [img["alt"] for img in html.select("article img")]
    assert alts.count("Anak-anak mengerumuni mobil perpustakaan keliling") == 1


def test_the_lead_photo_is_every_listings_thumbnail(bilingual_site):
    pages = ["/", "/tag/kemitraan/", "/kategori/kegiatan/", "/agenda/"]
    pages += ["/en/", "/en/tag/kemitraan/", "/en/category/kegiatan/", "/en/agenda/"]
    for page in pages:
        html = bilingual_site.html(page)
        link = html.find(
            "a",
            href=SITEURL + ("/en" if page.startswith("/en/") else "") + ARTICLE.removeprefix(""),
        )
        item = link.find_parent(class_="has-photo")
        assert item is not None, page
        img = item.select_one(".card-photo img")
        assert img["loading"] == "lazy" and img["width"] and img["alt"], page
        assert img["src"].startswith(SITEURL + "/images/"), page


def test_search_results_get_the_small_lead_photo(bilingual_site):
    marker = bilingual_site.html(ARTICLE_EN).select_one("[data-pagefind-meta^='image']")
    assert marker["data-src"].endswith("-320.jpg")
    assert marker["data-alt"] == "Children around the mobile library van"
    assert bilingual_site.path(marker["data-src"].removeprefix(SITEURL)).is_file()


def test_link_previews_use_a_1200x630_crop_with_its_alt(bilingual_site):
    for page, alt in ((ARTICLE, "Anak-anak mengerumuni"), (ARTICLE_EN, "Children around")):
        html = bilingual_site.html(page)
        meta = {
            m.get("property") or m.get("name"): m["content"] for m in html.select("meta[content]")
        }
        assert meta["og:image"].endswith("-og.jpg")
        assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
        assert meta["og:image:alt"].startswith(alt) and meta["twitter:image:alt"].startswith(alt)
        with Image.open(bilingual_site.path(meta["og:image"].removeprefix(SITEURL))) as image:
            assert image.size == (1200, 630)


def test_json_ld_carries_the_lead_photo_in_three_ratios(bilingual_site):
    for page in (ARTICLE, ARTICLE_EN):
        script = bilingual_site.html(page).select_one('script[type="application/ld+json"]')
        graph = json.loads(script.string)["@graph"]
        for node in [n for n in graph if n["@type"] in ("NewsArticle", "Event")]:
            sizes = []
            for url in node["image"]:
                with Image.open(bilingual_site.path(url.removeprefix(SITEURL))) as image:
                    sizes.append(image.size)
            assert sizes == [(1200, 675), (1200, 900), (1200, 1200)], page


def test_feeds_carry_the_lead_photo(bilingual_site):
    for feed in (
        "/feeds/all.atom.xml",
        "/feeds/all.rss.xml",
        "/en/feeds/all.atom.xml",
        "/en/feeds/all.rss.xml",
    ):
        entries = bilingual_site.feed(feed).entries
        [entry] = [e for e in entries if "kunjungan-perpustakaan-keliling" in e.link]
        [enclosure] = entry.enclosures
        assert enclosure.type == "image/jpeg" and enclosure.href.endswith("-960.jpg")
        path = bilingual_site.path(enclosure.href.removeprefix(SITEURL))
        assert int(enclosure.length) == path.stat().st_size
        assert f'src="{SITEURL}/images/' in (
            entry.get("content", [{}])[0].get("value") or entry.summary
        )


def test_pages_without_a_photo_keep_the_site_share_picture(bilingual_site):
    html = bilingual_site.html("/asas/")
    meta = {m.get("property"): m["content"] for m in html.select("meta[property]")}
    assert meta["og:image"] == SITEURL + "/images/share.png"
    with Image.open(bilingual_site.path("/images/share.png")) as image:
        assert (meta["og:image:width"], meta["og:image:height"]) == (
            str(image.width),
            str(image.height),
        )


# --- Processed once ---------------------------------------------------------------------


def test_a_second_build_encodes_nothing_and_stale_versions_go(bilingual_site, tmp_path):
    output = tmp_path / "output"
    shutil.copytree(bilingual_site.output, output)
    cached = {p: p.stat().st_mtime_ns for p in bilingual_site.cache.rglob("*") if p.is_file()}
    site = build(
        bilingual_site.content,
        output,
        verbose=True,
        WARTA_TODAY=TODAY,
        WARTA_PHOTO_CACHE=str(bilingual_site.cache),
    )
    assert site.returncode == 0, site.log
    assert "warta.photos: 0 photos encoded, 7 already in" in " ".join(site.log.split())
    assert {
        p: p.stat().st_mtime_ns for p in bilingual_site.cache.rglob("*") if p.is_file()
    } == cached
    # The PNG removed from the article: its versions leave the output.
    content = tmp_path / "content"
    shutil.copytree(bilingual_site.content, content)
    for name in ("kunjungan.md", "kunjungan.en.md"):
        path = content / "articles" / name
        path.write_text("\n".join(l for l in path.read_text().splitlines() if "layar" not in l))
    site = build(content, output, WARTA_TODAY=TODAY, WARTA_PHOTO_CACHE=str(bilingual_site.cache))
    assert site.returncode == 0, site.log
    assert not published(site, "layar") and published(site, "ponsel")


# --- The contract knows images ---------------------------------------------------------

BROKEN = "articles/foto-rusak.md"


def article_with(content, body, header=""):
    (content / BROKEN).write_text(
        "Title: Foto Rusak\nDate: 2022-02-01\nCategory: berita\n" + header + "\n" + body + "\n",
        encoding="utf-8",
    )


@pytest.mark.parametrize(
    ("body", "header", "files", "field", "message"),
    [
        (
            "![Peserta](foto-rusak/foto1.jpg)",
            "",
            {"foto-rusak/Foto1.JPG": "jpeg"},
            None,
            "gambar foto-rusak/foto1.jpg tidak ada. Maksud Anda 'foto-rusak/Foto1.JPG'?",
        ),
        (
            "![Peserta](foto-rusak/foto1.jpg)",
            "",
            {"foto-rusak/foto1.jpeg": "jpeg"},
            None,
            "Maksud Anda 'foto-rusak/foto1.jpeg'?",
        ),
        ("![](foto-rusak/a.jpg)", "", {"foto-rusak/a.jpg": "jpeg"}, None, "tidak punya keterangan"),
        (
            "Teks.",
            "Image: foto-rusak/a.jpg\n",
            {"foto-rusak/a.jpg": "jpeg"},
            "Image_alt",
            "foto utama (Image: foto-rusak/a.jpg) tidak punya keterangan",
        ),
        (
            "Teks.",
            "Image: foto-rusak/tidak-ada.jpg\nImage_alt: Sesuatu\n",
            {},
            "Image",
            "gambar foto-rusak/tidak-ada.jpg tidak ada. Simpan foto di folder artikel ini, "
            "content/articles/foto-rusak/, dan tulis sebagai foto-rusak/tidak-ada.jpg.",
        ),
        (
            "![Peserta](foto-rusak/a.jpg)",
            "",
            {"foto-rusak/a.jpg": "text"},
            None,
            "bukan gambar yang dapat dibuka",
        ),
        (
            "![Peserta](foto-rusak/a.jpg)",
            "",
            {"foto-rusak/a.jpg": "truncated"},
            None,
            "foto-rusak/a.jpg rusak",
        ),
        ("![Logo](foto-rusak/a.svg)", "", {"foto-rusak/a.svg": "svg"}, None, "bukan format foto"),
        (
            "Teks.",
            "Image: https://example.org/foto.jpg\nImage_alt: Foto\n",
            {},
            "Image",
            "'https://example.org/foto.jpg' adalah alamat web",
        ),
        ("![Peserta](../../luar.jpg)", "", {}, None, "di luar folder content"),
        (
            '<a href="{static}foto-rusak/a.jpg">unduh foto</a>',
            "",
            {"foto-rusak/a.jpg": "jpeg"},
            None,
            "ditulis sebagai HTML",
        ),
        (
            '<img src="foto-rusak/a.jpg" alt="x">',
            "",
            {"foto-rusak/a.jpg": "jpeg"},
            None,
            "ditulis sebagai HTML",
        ),
    ],
    ids=[
        "case",
        "extension",
        "no-alt",
        "lead-no-alt",
        "lead-missing",
        "not-image",
        "truncated",
        "svg",
        "lead-external",
        "outside",
        "html-link",
        "html",
    ],
)
def test_image_mistakes_stop_the_build(
    tmp_path, bilingual_site, body, header, files, field, message
):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "bilingual_site", content)
    article_with(content, body, header)
    for name, kind in files.items():
        path = content / "articles" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if kind == "jpeg":
            phone_photo(path, size=(400, 300), orientation=1)
        elif kind == "truncated":
            buffer = io.BytesIO()
            Image.linear_gradient("L").resize((800, 600)).save(buffer, "JPEG")
            path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
        elif kind == "svg":
            path.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
        else:
            path.write_text("Ini bukan foto, hanya teks yang diberi nama .jpg\n")
    output = tmp_path / "output"
    shutil.copytree(bilingual_site.output, output)
    before = snapshot(output)
    site = build(content, output, WARTA_TODAY=TODAY)
    assert site.returncode == 1, site.log
    prefix = f"{BROKEN}: KESALAHAN: " + (f"{field}: " if field else "")
    assert any(l.startswith(prefix) and message in l for l in site.log.splitlines()), site.log
    assert "Traceback" not in site.log
    assert snapshot(output) == before


def test_a_lead_description_without_a_lead_photo_is_a_warning(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "bilingual_site", content)
    article_with(content, "Teks.", "Image_alt: Foto peserta\n")
    site = build(content, tmp_path / "output", WARTA_TODAY=TODAY)
    assert site.returncode == 0, site.log
    assert f"{BROKEN}: PERINGATAN: Image_alt: diisi, tetapi 'Image:' tidak ada" in site.log


def test_a_very_large_photo_is_a_warning():
    photo = imaging.Photo("a.jpg", 8000, 6000, False, "0" * 12, 1000)
    assert photo.large
    assert not imaging.Photo("a.jpg", 4000, 3000, False, "0" * 12, 5_000_000).large
    assert imaging.Photo("a.jpg", 4000, 3000, False, "0" * 12, 25_000_000).large


# --- Pure functions ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("foto.jpg", "articles/2022/foto.jpg"),
        ("kunjungan/foto%201.jpg", "articles/2022/kunjungan/foto 1.jpg"),
        ("{static}/images/logo.png", "images/logo.png"),
        ("{attach}kunjungan/a.jpg", "articles/2022/kunjungan/a.jpg"),
        ("/images/logo.png", "images/logo.png"),
        ("../2021/a.jpg", "articles/2021/a.jpg"),
        ("https://example.org/a.jpg", None),
        ("data:image/png;base64,AAAA", None),
    ],
)
def test_resolve(tmp_path, target, expected):
    source = tmp_path / "articles" / "2022" / "a.md"
    assert photos.resolve(target, source, tmp_path) == expected


def test_resolve_refuses_to_leave_content(tmp_path):
    with pytest.raises(ValueError):
        photos.resolve("../../../etc/passwd", tmp_path / "articles" / "a.md", tmp_path)


def test_near_miss(tmp_path):
    (tmp_path / "articles" / "Kunjungan").mkdir(parents=True)
    (tmp_path / "articles" / "Kunjungan" / "Foto1.JPG").write_bytes(b"x")
    assert (
        photos.near_miss("articles/kunjungan/foto1.jpg", tmp_path) == "articles/Kunjungan/Foto1.JPG"
    )
    assert (
        photos.near_miss("articles/Kunjungan/foto1.jpeg", tmp_path)
        == "articles/Kunjungan/Foto1.JPG"
    )
    assert photos.near_miss("articles/kunjungan/lain.jpg", tmp_path) is None


def test_versions_never_upscale():
    small = imaging.Photo("a.jpg", 800, 600, False, "0" * 12, 1)
    assert [v.width for v in imaging.versions(small, ("webp",)) if v.format == "webp"] == [
        320,
        640,
        800,
    ]
    crops = {v.name: (v.width, v.height) for v in imaging.versions(small, (), crops=True)}
    assert crops["og.jpg"] == (800, 420) and crops["1x1.jpg"] == (600, 600)


def markup(text, tmp_path):
    source = tmp_path / "articles" / "a.md"
    folder = tmp_path / "articles" / "a"
    phone_photo(folder / "x.jpg", size=(1200, 900), orientation=1)
    phone_photo(folder / "y.jpg", size=(1200, 900), orientation=1)
    settings = {"PATH": str(tmp_path)}
    extension = photos.PhotoExtension(source, settings)
    notes = contract.EditorNotes()
    html = Markdown(extensions=[extension, notes, "markdown.extensions.meta"]).convert(text)
    return html, extension


def test_markdown_images_become_figures_galleries_and_pictures(tmp_path):
    html, found = markup(
        'Teks.\n\n![X](a/x.jpg "Keterangan X")\n\n![X](a/x.jpg)\n![Y](a/y.jpg "Y")\n\nLihat ![Y](a/y.jpg) di sini.',
        tmp_path,
    )
    assert html.count("<figure") == 3 and html.count('class="gallery"') == 1
    assert "<figcaption>Keterangan X</figcaption>" in html and html.count("<figcaption>") == 2
    assert (
        html.count("<picture>") == 4
        and "<img" not in html.replace("<picture><source", "").split("<img")[0]
    )
    assert 'href="/.warta-root/images/a/y-' in html  # the root is put in per page
    assert [u.alt for u in found.uses] == ["X", "X", "Y", "Y"]
    assert not found.lead({}).at_top  # the body shows it
    assert not found.finder.problems


def test_a_body_that_opens_with_its_lead_photo_does_not_repeat_it(tmp_path):
    html, found = markup('![X](a/x.jpg "Keterangan X")\n\nTeks.', tmp_path)
    lead = found.lead({})
    assert lead.photo.source == "articles/a/x.jpg" and not lead.at_top
    assert "<picture>" in html and 'loading="lazy"' not in html


def test_an_image_field_naming_the_photo_the_body_opens_with_does_not_repeat_it(tmp_path):
    """A WordPress post's featured image is often its first photo too."""
    html, found = markup(
        'Image: a/x.jpg\nImage_alt: X\n\n![X](a/x.jpg "Keterangan X")\n![Y](a/y.jpg)\n\nTeks.',
        tmp_path,
    )
    first = html.split("<img", 2)[1]
    assert 'loading="lazy"' not in first.split(">", 1)[0]  # the lead, in the body: at once
    assert not found.lead({"image": "a/x.jpg", "image_alt": "X"}).at_top
    assert not found.lead({"image": "a/y.jpg", "image_alt": "Y"}).at_top  # its gallery
    html, found = markup('Teks.\n\n![X](a/x.jpg "Keterangan X")', tmp_path)
    assert found.lead({"image": "a/x.jpg", "image_alt": "X"}).at_top  # the editor's lead
    assert 'loading="lazy"' in html  # further down: when the reader gets there


def test_a_gallery_with_another_sites_image_still_processes_its_own(tmp_path):
    html, found = markup(
        "![X](a/x.jpg)\n![Remote](https://example.org/r.jpg)\n![Y](a/y.jpg)", tmp_path
    )
    assert html.count("<picture") == 2 and 'src="https://example.org/r.jpg"' in html
    assert 'loading="lazy"' in html and "a/x.jpg" not in html
    assert [u.alt for u in found.uses] == ["X", "Y"] and not found.finder.problems


def test_a_phone_file_name_with_spaces_makes_clean_urls(tmp_path):
    folder = tmp_path / "articles" / "a"
    phone_photo(
        folder / "WhatsApp Image 2026-11-20 at 09.15.00.jpeg", size=(800, 600), orientation=1
    )
    html, found = markup('![X](<a/WhatsApp Image 2026-11-20 at 09.15.00.jpeg> "Foto")', tmp_path)
    assert not found.finder.problems and len(found.uses) == 1
    for srcset in re.findall(r'srcset="([^"]+)"', html):
        for candidate in srcset.split(", "):
            url, width = candidate.split(" ")
            assert "/whatsapp-image-2026-11-20-at-09-15-00-" in url and width.endswith("w")


def test_a_graphics_preview_is_framed_whole_on_white(tmp_path):
    source = transparent_png(tmp_path / "layar.png", size=(400, 900))  # a tall phone screenshot
    photo = imaging.inspect(source, "articles/layar.png")
    [og] = [v for v in imaging.versions(photo, (), crops=True) if v.name == "og.jpg"]
    assert (og.width, og.height) == (1200, 630) and og.format == "jpeg"
    imaging.make_versions((str(source), photo, [og], str(tmp_path / "cache")))
    with Image.open(tmp_path / "cache" / "og.jpg") as image:
        assert image.mode == "RGB" and image.size == (1200, 630)
        assert image.getpixel((5, 5)) == (255, 255, 255)  # the frame
        r, g, b = image.getpixel((690, 315))  # the drawing, whole, in the middle
        assert b > 100 and r < 60


def test_editor_notes_are_never_published(tmp_path):
    html, _ = markup("Teks.\n\n<!-- catatan editor: ![X](a/tidak-ada.jpg) -->\n\nLagi.", tmp_path)
    assert "catatan" not in html and "<!--" not in html


def test_a_link_to_a_photo_leads_to_its_large_version_never_the_original(tmp_path):
    html, found = markup(
        "[Unduh](a/x.jpg?unduh=1#atas) dan [lagi]({static}/articles/a/y.jpg)", tmp_path
    )
    links = re.findall(r'href="([^"]+)"', html)
    assert all(
        link.startswith("/.warta-root/images/a/") and link.endswith("-1200.jpg") for link in links
    )
    assert not found.finder.problems
