"""The preview's quick rebuild writes exactly what a full build writes.

A preview is built in full, then each step changes the content as an editor
would and rebuilds it in place (``WARTA_INCREMENTAL_IN_PLACE``, as `invoke serve`
does after a save); after each step every file of the preview must be the same
as in a full build of the same content, and files that no longer exist must be
gone. Search indexes are left out: the preview indexes after the reload.
"""

import json
import re
import shutil

import pytest
from conftest import build, snapshot
from photo_files import phone_photo

import tasks

TODAY = "2026-11-26"


def preview_settings(target):
    overrides = {}
    for item in tasks.preview_overrides(target):
        key, value = item.split("=", 1)
        overrides[key] = json.loads(value)
    return overrides


def without_index(files):
    return {path: digest for path, digest in files.items() if "pagefind" not in path.split("/")}


def rendered(site):
    return int(re.search(r"warta\.incremental: (\d+) files rendered", site.log).group(1))


@pytest.fixture
def preview(tmp_path, fixture_content, photo_cache):
    content = tmp_path / "content"
    shutil.copytree(fixture_content, content)
    target = tmp_path / "preview"
    settings = {
        **preview_settings(target),
        "WARTA_PHOTO_CACHE": str(photo_cache),
        "WARTA_TODAY": TODAY,
        # As the preview builds: no address, every link relative to its page.
        "SITEURL": "",
        "RELATIVE_URLS": True,
    }
    first = build(content, target, **settings)
    assert first.returncode == 0, first.log

    def quick_rebuild():
        site = build(
            content,
            target,
            verbose=True,
            **settings,
            WARTA_INCREMENTAL_IN_PLACE=True,
            WARTA_SEARCH_INDEX=False,
        )
        assert site.returncode == 0, site.log
        from_scratch = {
            "WARTA_INCREMENTAL": None,
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
        }
        full = build(content, tmp_path / "full", **{**settings, **from_scratch})
        assert full.returncode == 0, full.log
        assert without_index(snapshot(target)) == without_index(snapshot(tmp_path / "full"))
        shutil.rmtree(tmp_path / "full")
        return site

    quick_rebuild.settings = settings
    return content, target, quick_rebuild


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_quick_rebuilds_write_what_a_full_build_writes(preview):
    content, target, quick_rebuild = preview
    articles = content / "articles"

    # A sentence in one article and at the start of one without a Summary (listings
    # show its first words), and a new version of a photo of another.
    edit(articles / "lomba.md", "\n\n", "\n\nKalimat baru di awal.\n\n")
    edit(articles / "draft.md", "\n\n", "\n\nRingkasan dari badan tulisan.\n\n")
    phone_photo(articles / "kunjungan" / "ponsel.jpg", size=(1200, 900))
    site = quick_rebuild()
    assert "Kalimat baru" in (target / "2022/02/lomba/index.html").read_text()
    assert rendered(site) < 60, "an edit renders only the pages it shows up in"

    # A new article with a new tag and an event; a translation's new title.
    (articles / "baru.md").write_text(
        (articles / "lomba.md")
        .read_text(encoding="utf-8")
        .replace("Slug: lomba", "Slug: baru")
        .replace("Tags: demokrasi", "Tags: demokrasi, tagar baru")
        .replace("Date: 2022-02-20 09:00", "Date: 2026-11-20 09:00")
        .replace("Title: Lomba Dongeng Rakyat", "Title: Artikel Baru"),
        encoding="utf-8",
    )
    edit(articles / "lomba.en.md", "Title: ", "Title: Renamed ")
    quick_rebuild()
    assert (target / "tag/tagar-baru/index.html").exists()

    # An article takes up a principle: the articles it is now related to show it
    # (warta.related), though nothing they list otherwise changed.
    edit(articles / "laporan.md", "Tags: keterukuran, Keterbukaan", "Tags: Keadilan, Kemitraan")
    quick_rebuild()
    assert "2022/01/laporan/" in (target / "2021/09/pojok-baca/index.html").read_text()

    # The tag's only article loses it, and an article is deleted: their pages go.
    edit(articles / "baru.md", "demokrasi, tagar baru", "demokrasi")
    (articles / "pojok-baca.md").unlink()
    quick_rebuild()
    assert not (target / "tag/tagar-baru/index.html").exists()
    assert not (target / "2021/09/pojok-baca").exists()

    # A page's new title is in every page's menu: every page is written again.
    edit(content / "pages" / "tentang.md", "Title: ", "Title: Profil ")
    quick_rebuild()

    # An old address's target gets a new slug: its redirect page follows (warta.redirects).
    old = target / "2020/07/30/bimtek-transformasi-perpustakaan/index.html"
    edit(articles / "bimtek.md", "Slug: bimtek", "Slug: bimtek-transformasi")
    quick_rebuild()
    assert 'href="../../bimtek-transformasi/"' in old.read_text()  # from /2020/07/30/…/

    # A line of redirects.csv goes, another comes (`invoke serve` builds these in full;
    # a quick rebuild must still write the same).
    edit(content / "redirects.csv", "/feed/,", "/rss/,")
    quick_rebuild()
    assert not (target / "feed").exists() and (target / "rss/index.html").exists()


def test_a_new_sentence_renders_only_its_page_and_the_feeds_carrying_it(preview):
    content, target, quick_rebuild = preview
    articles = content / "articles"
    # The article's page, and its language's feeds that carry it: everything, its
    # category, and its one principle, each in Atom and RSS. Nothing that lists it
    # (its Summary is what listings show) and no page that shows no article.
    # An Indonesian article's: the English site is not even built; an English one's:
    # the main site is built (i18n_subsites builds the English site from it), and
    # writes nothing.
    for source, page, sites in (
        ("lomba.md", "2022/02/lomba/", 1),
        ("lomba.en.md", "en/2022/02/lomba/", 2),
    ):
        edit(articles / source, "\n\n", "\n\nKalimat baru.\n\n")
        site = quick_rebuild()
        assert "Kalimat baru" in (target / page / "index.html").read_text(encoding="utf-8")
        assert rendered(site) == 1 + 3 * 2, site.log
        assert site.log.count("Done: Processed") == sites, site.log

    # Another day, another new sentence: what is upcoming follows the day, in both
    # languages' home pages, though no file says so.
    homes = {
        home: (target / home).read_text(encoding="utf-8")
        for home in ("index.html", "en/index.html")
    }
    quick_rebuild.settings["WARTA_TODAY"] = "2022-03-01"  # the contest is to come
    edit(articles / "bimtek.md", "\n\n", "\n\nKalimat lain.\n\n")
    quick_rebuild()
    for home, before in homes.items():
        assert (target / home).read_text(encoding="utf-8") != before, home


def test_what_cards_show_beyond_the_header_is_followed(preview):
    content, target, quick_rebuild = preview
    articles = content / "articles"
    # The body's first photo leads (no Image:): cards show its alt text.
    edit(articles / "kunjungan.md", "![Anak-anak mengerumuni mobil", "![Murid mengerumuni mobil")
    quick_rebuild()
    assert "Murid mengerumuni mobil" in (target / "index.html").read_text(encoding="utf-8")

    # A draft without a Summary: its card is its first paragraph, with a link to an
    # article that then moves; the card follows it.
    edit(articles / "draft.md", "Belum boleh terbit.", "Lihat [lomba]({filename}lomba.md) dulu.")
    quick_rebuild()
    edit(articles / "lomba.md", "Slug: lomba", "Slug: lomba-dongeng")
    quick_rebuild()
    listing = (target / "kategori/berita/index.html").read_text(encoding="utf-8")
    assert "2022/02/lomba-dongeng/" in listing


def test_an_article_whose_time_comes_is_shown_again_as_published():
    """A future article is a draft in the preview until its time comes: no file changes
    then, but what listings show of it does (its DRAF label), so it counts as a face
    change, and no language site is left untouched."""
    from pathlib import Path
    from types import SimpleNamespace

    from pelican.generators import PagesGenerator

    from warta import incremental

    def site(draft):
        article = SimpleNamespace(
            source_path="/site/content/articles/nanti.md",
            status="published",
            lang="id",
            lead_photo=None,
            **({"preview_draft": True} if draft else {}),
        )
        pages = PagesGenerator.__new__(PagesGenerator)  # every_page() reads its lists
        pages.pages, pages.translations, pages.hidden_pages = [article], [], []
        pages.hidden_translations, pages.draft_pages, pages.draft_translations = [], [], []
        pages.settings = {
            "WARTA_TODAY": "2026-11-26",
            "PATH": "/nowhere",
            "ARTICLE_PATHS": [],
            "PAGE_PATHS": [],
        }
        return [pages]

    record = SimpleNamespace(
        path="articles/nanti.md", header={"summary": "x"}, looked_at=(), links=(), stamp=(1, 2)
    )
    build = incremental.Build.__new__(incremental.Build)
    build.content, build.old, build.stamps = Path("/site/content"), None, {}
    incremental._BUILD = build
    try:
        incremental.note_sources([record], site(draft=True))
        old = {"stamps": build.stamps, "whole": build.whole}
        build.old, build.stamps = {**old, "outputs": {}, "sites": {}, "menus": {}}, {}
        incremental.note_sources([record], site(draft=False))
    finally:
        incremental._BUILD = None
    assert build.changed_face == {"/site/content/articles/nanti.md"}
    assert build.whole != old["whole"]


def test_a_quick_rebuild_still_checks_what_changed_and_writes_nothing_on_a_mistake(preview):
    content, target, quick_rebuild = preview
    before = snapshot(target)
    edit(content / "articles" / "lomba.md", "Category: kegiatan", "Category: kegiatn")
    site = build(
        content,
        target,
        **quick_rebuild.settings,
        WARTA_INCREMENTAL_IN_PLACE=True,
        WARTA_SEARCH_INDEX=False,
    )
    assert site.returncode != 0
    assert "articles/lomba.md" in site.log and "Category" in site.log
    assert snapshot(target) == before
    edit(content / "articles" / "lomba.md", "Category: kegiatn", "Category: kegiatan")
    quick_rebuild()


def test_quick_rebuilds_follow_links_tags_of_other_languages_and_documents(preview):
    content, target, quick_rebuild = preview
    articles = content / "articles"

    # An article links another; the other is re-dated (its URL moves), then deleted.
    edit(articles / "laporan.md", "\n\n", "\n\nLihat juga [lomba]({filename}lomba.md).\n\n")
    quick_rebuild()
    edit(articles / "lomba.md", "Date: 2022-02-20 09:00", "Date: 2022-02-21 09:00")
    quick_rebuild()
    (articles / "lomba.md").unlink()
    site = build(
        content,
        target,
        **quick_rebuild.settings,
        WARTA_INCREMENTAL_IN_PLACE=True,
        WARTA_SEARCH_INDEX=False,
    )
    assert site.returncode != 0 and "{filename}lomba.md" in site.log, site.log
    edit(articles / "laporan.md", "Lihat juga [lomba]({filename}lomba.md).", "")

    # An English-only article's new tag: the Indonesian sitemap's alternates change.
    edit(articles / "english-only.en.md", "Tags: kunjungan", "Tags: kunjungan, pojok baca")
    # A document no longer linked leaves the preview.
    edit(
        articles / "kunjungan.en.md",
        "([visit schedule, PDF]({static}kunjungan/jadwal-kunjungan.pdf))",
        "",
    )
    quick_rebuild()
    assert not list(target.rglob("jadwal-kunjungan.pdf"))


def test_quick_rebuilds_keep_the_archive_up_to_date(preview):
    content, target, quick_rebuild = preview
    articles = content / "articles"

    # An article in a year the archive has not had: its year page and the overview.
    (articles / "lama.md").write_text(
        (articles / "lomba.md")
        .read_text(encoding="utf-8")
        .replace("Slug: lomba", "Slug: lama")
        .replace("Date: 2022-02-20 09:00", "Date: 2019-04-02 09:00")
        .replace("Title: Lomba Dongeng Rakyat", "Title: Artikel Lama"),
        encoding="utf-8",
    )
    quick_rebuild()
    year = (target / "arsip/2019/index.html").read_text(encoding="utf-8")
    assert "Artikel Lama" in year and "April 2019" in year and "/2019/04/lama/" in year
    assert "/arsip/2019/" in (target / "arsip/index.html").read_text(encoding="utf-8")
    assert "/arsip/2019/" in (target / "arsip/2020/index.html").read_text(encoding="utf-8")

    # Retitled, then deleted: the year page follows, then goes.
    edit(articles / "lama.md", "Title: Artikel Lama", "Title: Judul Lain")
    quick_rebuild()
    assert "Judul Lain" in (target / "arsip/2019/index.html").read_text(encoding="utf-8")
    (articles / "lama.md").unlink()
    quick_rebuild()
    assert not (target / "arsip/2019").exists()
    assert "2019" not in (target / "arsip/index.html").read_text(encoding="utf-8")
