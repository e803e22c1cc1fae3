"""The content contract: every mistake an editor can make gets a clear message in
Indonesian, the build stops before writing, and the previous output stays as it was."""

import shutil
from datetime import datetime

import pytest

from conftest import FIXTURES, TODAY, build, snapshot
from warta import contract, facts, scaffold
from pelican.settings import DEFAULT_CONFIG
from pelicanconf import WARTA_CATEGORIES as DEFAULT_CATEGORIES

SCENARIOS = FIXTURES / "contract"

# scenario: [(file, field as the editor writes it or None, part of the message)]
ERRORS = {
    "missing_title": [("articles/tanpa-judul.md", "Title", "judul belum diisi")],
    "empty_title": [("articles/judul-kosong.md", "Title", "judul belum diisi")],
    "missing_date": [("articles/tanpa-tanggal.md", "Date", "tanggal belum diisi")],
    "impossible_date": [
        ("articles/tanggal-mustahil.md", "Date", "'2022-13-45' bukan tanggal yang benar")
    ],
    "unknown_lang": [
        (
            "articles/bahasa-asing.md",
            "Lang",
            "'eng' bukan salah satu bahasa situs (id, en). Maksud Anda 'en'?",
        )
    ],
    "unknown_category": [
        (
            "articles/kategori-salah.md",
            "Category",
            "'beritaa' bukan salah satu kategori (berita, kegiatan, kisah-literasi). Maksud Anda 'berita'?",
        )
    ],
    "misspelled_principle": [
        ("articles/asas-salah.md", "Tags", "'keterbukan' bukan asas. Maksud Anda 'keterbukaan'?")
    ],
    "duplicate_slug": [
        (
            "articles/pojok-baca-lagi.md",
            "Slug",
            "juga dipakai sebagai slug oleh articles/pojok-baca.md",
        ),
        (
            "articles/pojok-baca.md",
            "Slug",
            "juga dipakai sebagai slug oleh articles/pojok-baca-lagi.md",
        ),
    ],
    "event_without_start": [
        ("articles/kegiatan-tanpa-mulai.md", "Event_start", "tidak punya tanggal mulai")
    ],
    "event_bad_date": [
        (
            "articles/kegiatan-tanggal-salah.md",
            "Event_start",
            "'27 Juli 2020' bukan tanggal yang benar",
        )
    ],
    "event_end_before_start": [
        (
            "articles/kegiatan-terbalik.md",
            "Event_end",
            "berakhir (2020-07-27) sebelum dimulai (2020-07-29)",
        )
    ],
    "bad_attendance": [
        (
            "articles/kehadiran-salah.md",
            "Event_attendance",
            "'daring' bukan online, offline, atau mixed. Maksud Anda 'online'?",
        )
    ],
    "empty_participant": [
        ("articles/peserta-kosong.md", "Participants", "ada nama kosong di antara titik koma")
    ],
    "html_in_title": [("articles/judul-berhtml.md", "Title", "berisi HTML (<script>)")],
    "html_in_participants": [
        (
            "articles/peserta-berhtml.md",
            "Participants",
            "berisi HTML (<img src=x onerror=alert(1)>)",
        )
    ],
    "missing_link_target": [
        (
            "articles/tautan-putus.md",
            None,
            "tautan {filename}/articles/laporan-lama.md menunjuk ke berkas yang tidak ada",
        )
    ],
    "missing_image": [
        (
            "articles/gambar-hilang.md",
            None,
            "gambar {static}/images/bimtek-2020.jpg tidak ada",
        )
    ],
    "not_utf8": [("articles/latin1.md", None, "bukan UTF-8 yang sah")],
    # Mistakes that used to pass in silence.
    "missing_category": [
        (
            "articles/tanpa-kategori.md",
            "Category",
            "kategori belum diisi. Tulis salah satu dari: berita, kegiatan, kisah-literasi.",
        )
    ],
    "commas_in_participants": [
        (
            "articles/peserta-koma.md",
            "Participants",
            "nama dipisahkan dengan koma. Pisahkan dengan titik koma, karena nama bisa memuat koma: "
            "'Esnalianti; Sunarsih; Feri Sutomo'.",
        )
    ],
    "placeholder_published": [
        ("articles/contoh-tertinggal.md", "Summary", "masih berisi teks contoh dari 'invoke new'"),
        ("articles/contoh-tertinggal.md", None, "isi artikel masih berisi teks contoh"),
    ],
    "translation_without_lang": [
        (
            "articles/pojok-baca.en.md",
            "Lang",
            "nama berkas menyebut 'en', tetapi artikel dibaca sebagai 'id'. Tambahkan 'Lang: en'",
        )
    ],
    "bad_status": [
        ("articles/status-salah.md", "Status", "'publish' bukan status. Tulis 'Status: draft'"),
    ],
    "repeated_title": [("articles/judul-ganda.md", "Title", "ditulis lebih dari sekali")],
    "modified_typo": [
        ("articles/diubah-salah.md", "Modified", "'2022-13-01' bukan tanggal yang benar")
    ],
    # Mistakes that used to do worse: replace pages, crash, or run a script.
    "page_slug_language": [("pages/inggris.md", "Slug", "'en' sudah menjadi alamat di situs ini")],
    "page_slug_section": [("pages/cari.md", "Slug", "'cari' sudah menjadi alamat di situs ini")],
    "slug_with_path": [("articles/slug-jalur.md", "Slug", "'../../en' bukan slug")],
    "slug_with_spaces": [
        (
            "articles/slug-spasi.md",
            "Slug",
            "'Kegiatan Baru?' bukan slug: pakai huruf kecil, angka, "
            "dan tanda hubung saja, misalnya 'kegiatan-baru'.",
        )
    ],
    "page_save_as_elsewhere": [
        (
            "pages/salinan.md",
            "Save_as",
            "harus 'about-copy/index.html', yaitu berkas untuk 'Url: about-copy/'",
        )
    ],
    "save_as_field": [("articles/simpan-sebagai.md", "Save_as", "bukan kolom untuk artikel")],
    "unknown_template": [("articles/templat.md", "Template", "bukan kolom untuk artikel")],
    "javascript_url": [("articles/url-js.md", "Url", "bukan kolom untuk artikel")],
    "event_far_date": [
        ("articles/kegiatan-jauh.md", "Event_start", "9999 bukan tahun yang masuk akal")
    ],
    "long_title": [("articles/judul-panjang.md", "Title", "judul paling panjang 200")],
    "static_outside": [("articles/di-luar.md", None, "keluar dari folder content")],
    "javascript_summary": [
        ("articles/ringkasan-js.md", "Summary", "tautan 'javascript:alert(1)' tidak diizinkan")
    ],
    "javascript_body": [
        ("articles/isi-js.md", None, "tautan 'javascript:alert(document.cookie)' tidak diizinkan")
    ],
    "script_in_body": [("articles/skrip.md", None, "berisi <script>")],
    "event_handler_attribute": [("articles/atribut.md", None, "berisi onclick=")],
    "encoded_javascript": [
        ("articles/tersandi.md", None, "tautan 'javascript:alert(1)' tidak diizinkan")
    ],
    "photo_in_summary": [("articles/ringkasan-foto.md", "Summary", "memuat foto")],
    "html_file": [("articles/berita.html", None, "hanya berkas Markdown (.md)")],
    "rst_file": [("articles/berita.rst", None, "hanya berkas Markdown (.md)")],
    "uppercase_extension": [("articles/BERITA.MD", None, "Ganti namanya menjadi BERITA.md")],
    # Where an event is and how to join it.
    "event_url_not_a_link": [
        (
            "articles/tanpa-https.md",
            "Event_url",
            "'zoom.us/j/81234567890' bukan alamat web. Tulis tautannya lengkap, diawali https://, "
            "misalnya 'https://zoom.us/j/81234567890'.",
        ),
        ("articles/tautan-skrip.md", "Event_url", "'javascript:alert(1)' bukan alamat web"),
    ],
    "event_url_offline": [
        ("articles/tautan-luring.md", "Event_url", "kegiatan luring tidak punya tautan daring")
    ],
    "event_location_link": [
        (
            "articles/tempat-tautan.md",
            "Event_location",
            "'https://zoom.us/j/81234567890' adalah alamat web, bukan tempat. "
            "Tulis tautannya di 'Event_url:'",
        )
    ],
    "event_address_link": [
        (
            "articles/alamat-tautan.md",
            "Event_address",
            "'https://maps.app.goo.gl/AbCdEf123' adalah alamat web. Tulis alamat jalan",
        )
    ],
    "event_address_online": [
        ("articles/alamat-daring.md", "Event_address", "kegiatan daring tidak punya alamat jalan")
    ],
    "event_url_public_typo": [
        (
            "articles/tautan-publik-salah.md",
            "Event_url_public",
            "'tidak' bukan yes atau no. Tulis 'Event_url_public: no' agar tautan tidak tampil di "
            "situs, atau hapus baris ini agar tautan tampil. Maksud Anda 'no'?",
        )
    ],
    "event_organizer_url_bad": [
        (
            "articles/penyelenggara-tautan.md",
            "Event_organizer_url",
            "misalnya 'https://www.perpusnas.go.id'",
        )
    ],
    "bad_event_status": [
        (
            "articles/status-kegiatan.md",
            "Event_status",
            "'batal' bukan scheduled, cancelled, atau postponed. Maksud Anda 'cancelled'?",
        )
    ],
}
WARNINGS = {
    # Files nothing reads or publishes: named, and the build goes on.
    "drafts_folder": [("drafts/catatan.md", None, "tidak dibaca dari sini")],
    "not_an_image_in_images": [("images/catatan.md", None, "tidak dibaca dari sini")],
    "stray_files": [
        ("articles/catatan.txt", None, "tidak diterbitkan"),
        ("images/logo.svg", None, "tidak diterbitkan"),
    ],
    "future_and_draft": [("articles/masa-depan.md", "Date", "ada di masa depan (2099-01-01)")],
    "misspelled_key": [("articles/kunci-salah.md", "Event_strat", "Maksud Anda 'Event_start'?")],
    "event_url_with_passcode": [
        ("articles/zoom-sandi.md", "Event_url", "tautan ini memuat kode sandi rapat (pwd=)")
    ],
    "upcoming_without_address": [
        (
            "articles/tanpa-alamat.md",
            "Event_address",
            "kegiatan belum berlangsung dan tidak punya alamat jalan",
        ),
        ("articles/daring-tanpa-tautan.md", "Event_url", "tetapi tautannya tidak ada"),
        (
            "articles/tanpa-tempat.md",
            "Event_location",
            "kegiatan belum berlangsung, tetapi tempatnya tidak disebut",
        ),
    ],
    "translation_mismatch": [
        (
            "articles/laporan.en.md",
            "Category",
            "'kegiatan' berbeda dari kategori terjemahannya, articles/laporan.md ('berita')",
        ),
        (
            "articles/laporan.en.md",
            "Tags",
            "asasnya (keterukuran) berbeda dari asas terjemahannya, articles/laporan.md (keterbukaan, keterukuran)",
        ),
    ],
}


def content_with(scenario, tmp_path):
    """The bilingual fixture site with the scenario's files laid over it."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "bilingual_site", content)
    shutil.copytree(SCENARIOS / scenario, content, dirs_exist_ok=True)
    return content


def reported(log, path, field, message, label):
    """Whether one line of the log says `message` about `field` of `path`."""
    prefix = f"{path}: {label}: " + (f"{field}: " if field else "")
    return any(l.startswith(prefix) and message in l for l in log.splitlines())


@pytest.mark.parametrize("scenario", ERRORS)
def test_mistake_stops_the_build_with_a_clear_message(scenario, tmp_path, bilingual_site):
    output = tmp_path / "output"
    shutil.copytree(bilingual_site.output, output)  # the previous, good build
    before = snapshot(output)
    site = build(content_with(scenario, tmp_path), output, WARTA_TODAY=TODAY)
    assert site.returncode == 1, site.log
    for path, field, message in ERRORS[scenario]:
        assert reported(site.log, path, field, message, "KESALAHAN"), site.log
    problems = len(ERRORS[scenario])
    files = len({path for path, _, _ in ERRORS[scenario]})
    assert f"{problems} masalah di {files} berkas" in site.log
    assert "situs tidak dibangun" in site.log
    assert "Traceback" not in site.log and "CRITICAL" not in site.log
    assert "WARNING" not in site.log and " ERROR " not in site.log  # no English before it
    assert snapshot(output) == before, "the previous output changed"


@pytest.mark.parametrize("scenario", WARNINGS)
def test_warnings_do_not_stop_the_build(scenario, tmp_path):
    site = build(content_with(scenario, tmp_path), tmp_path / "output", WARTA_TODAY=TODAY)
    assert site.returncode == 0, site.log
    for path, field, message in WARNINGS[scenario]:
        assert reported(site.log, path, field, message, "PERINGATAN"), site.log
    assert site.log.count("0 masalah di 0 berkas") == 1  # once, though both language sites check
    assert "WARNING" not in site.log  # nothing in English before it


def test_every_problem_of_the_site_is_reported_at_once(tmp_path):
    content = content_with("unknown_category", tmp_path)
    for scenario in ("impossible_date", "misspelled_principle", "empty_participant"):
        shutil.copytree(SCENARIOS / scenario, content, dirs_exist_ok=True)
    site = build(content, tmp_path / "output")
    assert site.returncode == 1
    assert "4 masalah di 4 berkas" in site.log
    assert not (tmp_path / "output").exists() or not any((tmp_path / "output").rglob("*.html"))


def test_messages_in_english_when_the_site_says_so(tmp_path):
    site = build(
        content_with("unknown_category", tmp_path), tmp_path / "output", WARTA_MESSAGES_LANG="en"
    )
    assert (
        "articles/kategori-salah.md: ERROR: Category: 'beritaa' is not one of the categories"
        in site.log
    )
    assert "Did you mean 'berita'?" in site.log and "1 problems in 1 files" in site.log


def test_drafts_and_future_articles_stay_out_of_every_public_file(tmp_path):
    site = build(content_with("future_and_draft", tmp_path), tmp_path / "output", WARTA_TODAY=TODAY)
    assert site.returncode == 0, site.log
    for path in site.output.rglob("*"):
        assert "draf" not in path.name and "masa-depan" not in path.name, path
    for path, text in site.public_texts():  # pages, feeds, calendars, search index
        for slug in ("draf-rahasia", "masa-depan", "Draf yang Belum Terbit", "Artikel Masa Depan"):
            assert slug not in text, (path, slug)


def test_preview_shows_drafts_with_a_banner(tmp_path):
    site = build(
        content_with("future_and_draft", tmp_path), tmp_path / "preview", WARTA_PREVIEW_DRAFTS=True
    )
    assert site.returncode == 0, site.log
    draft = site.html("/2099/01/masa-depan/")
    assert draft.select_one(".draft-banner").strong.get_text() == "DRAF"
    assert draft.select_one('meta[name="robots"]')["content"] == "noindex"
    assert site.exists("/2022/02/draf-rahasia/")
    assert "DRAF" in site.html("/").get_text()
    assert not site.html("/2020/07/bimtek/").select_one(".draft-banner")


def test_check_lists_what_is_left_to_do_without_failing(tmp_path):
    site = build(FIXTURES / "bilingual_site", tmp_path / "output", WARTA_CHECK_ONLY=True)
    assert site.returncode == 0, site.log
    assert "articles/pojok-baca.md: belum ada terjemahan dalam: en." in site.log
    assert "Tidak ada masalah" in site.log
    assert not (tmp_path / "output").exists() or not any((tmp_path / "output").iterdir())


def test_check_fails_on_errors(tmp_path):
    site = build(content_with("missing_date", tmp_path), tmp_path / "output", WARTA_CHECK_ONLY=True)
    assert site.returncode == 1
    assert "articles/tanpa-tanggal.md: KESALAHAN: Date:" in site.log


# --- new articles ---------------------------------------------------------

NOW = datetime(2026, 11, 25, 9, 30)


def test_new_article_passes_check_and_builds(tmp_path):
    content = content_with("missing_title", tmp_path)
    (content / "articles" / "tanpa-judul.md").unlink()
    path = scaffold.new_article(
        content / "articles",
        "Bimtek Layanan Inklusi 2026",
        now=NOW,
        author="Perpustakaan",
        event=True,
    )
    assert path == content / "articles" / "2026" / "bimtek-layanan-inklusi-2026.md"
    assert path.with_suffix("").is_dir()  # the folder for its photos
    text = path.read_text()
    assert "![Apa yang terlihat di foto](bimtek-layanan-inklusi-2026/foto-1.jpg" in text
    for field in (
        "Title:",
        "Date: 2026-11-25 09:30",
        "Lang: id",
        "Slug: bimtek-layanan-inklusi-2026",
        "Category:",
        "Tags:",
        "Author:",
        "Summary:",
        "Status: draft",
        "Event:",
        "Event_start:",
        "Event_end:",
        "Event_organizer:",
        "Event_location:",
        "Event_address:",
        "Event_attendance:",
        "Event_url:",
        "Participants:",
    ):
        assert field in text, field
    translation = scaffold.new_article(
        content / "articles",
        "Inclusive Services Training 2026",
        now=NOW,
        author="Perpustakaan",
        translation_of="bimtek-layanan-inklusi-2026",
    )
    assert translation.name == "bimtek-layanan-inklusi-2026.en.md"
    header = scaffold.read_header(translation)
    original = scaffold.read_header(path)
    assert header["lang"] == "en" and header["title"] == "Inclusive Services Training 2026"
    for key in (
        "slug",
        "category",
        "tags",
        "event_start",
        "event_end",
        "event_attendance",
        "participants",
    ):
        assert header[key] == original[key], key
    checked = build(content, tmp_path / "checked", WARTA_CHECK_ONLY=True)
    assert checked.returncode == 0 and "KESALAHAN" not in checked.log, checked.log
    # Only the example texts are named, until the editor replaces them.
    warnings = [line for line in checked.log.splitlines() if ": PERINGATAN: " in line]
    assert warnings and all("teks contoh dari 'invoke new'" in line for line in warnings)
    assert "2026/bimtek-layanan-inklusi-2026.md: PERINGATAN: Summary:" in checked.log
    preview = build(content, tmp_path / "preview", WARTA_PREVIEW_DRAFTS=True)
    assert preview.returncode == 0, preview.log
    assert preview.exists("/2026/11/bimtek-layanan-inklusi-2026/")
    assert preview.exists("/en/2026/11/bimtek-layanan-inklusi-2026/")
    page = preview.path("/2026/11/bimtek-layanan-inklusi-2026/").read_text()
    assert "Apa yang terlihat" not in page  # the photo note is a comment: never published
    assert "diterbitkan" not in page and "--&gt;" not in page  # not a word of it


def test_new_refuses_to_overwrite(tmp_path):
    scaffold.new_article(tmp_path, "Judul Sama", now=NOW, author="P")
    with pytest.raises(scaffold.ScaffoldError, match="exists"):
        scaffold.new_article(tmp_path, "Judul Sama", now=NOW, author="P")
    with pytest.raises(scaffold.ScaffoldError, match="no_original") as raised:
        scaffold.new_article(tmp_path, "X", now=NOW, author="P", translation_of="tidak-ada")
    assert raised.value.values == {"slug": "tidak-ada", "lang": "id"}


@pytest.mark.parametrize(
    ("title", "key"),
    [("--help", "title_is_option"), ("   ", "empty_title"), ("x" * 201, "long_title")],
)
def test_new_refuses_what_is_not_a_title(tmp_path, title, key):
    with pytest.raises(scaffold.ScaffoldError, match=key):
        scaffold.new_article(tmp_path, title, now=NOW, author="P")
    assert not list(tmp_path.rglob("*.md"))


def test_new_makes_a_proper_file_from_any_title(tmp_path):
    symbols = scaffold.new_article(tmp_path, "!!!", now=NOW, author="P")
    assert symbols.name == "artikel-2026-11-25-0930.md"
    long = scaffold.new_article(tmp_path, "Kunjungan " * 19 + "Akhir", now=NOW, author="P")
    assert len(long.stem) <= 80 and long.stem.startswith("kunjungan-kunjungan")
    injected = scaffold.new_article(
        tmp_path, "Judul\nStatus: published\nSlug: en", now=NOW, author="P", event=True
    )
    header = scaffold.read_header(injected)
    assert header["title"] == "Judul Status: published Slug: en"
    assert header["status"] == "draft" and header["slug"] == "judul-status-published-slug-en"
    assert header["category"] == "kegiatan"  # --event: an activity report


# --- unit tests of the checks ----------------------------------------------

SETTINGS = {
    **DEFAULT_CONFIG,
    "TIMEZONE": "Asia/Jakarta",
    "WARTA_PRINCIPLES": facts.PRINCIPLES,
    "WARTA_LANGUAGES": {"id": {}, "en": {}},
    "WARTA_CATEGORIES": {
        "berita": {"id": "Berita", "en": "News"},
        "kegiatan": {"id": "Kegiatan", "en": "Activities"},
    },
}


def check(header, kind="article"):
    base = {"title": "Judul", "date": "2022-03-01", "category": "berita"}
    return contract.check_header("a.md", {**base, **header}, kind, SETTINGS, lambda s: s)


def test_a_valid_header_has_no_problem():
    assert (
        check(
            {
                "category": "News",
                "tags": "Openness, pembelajaran sepanjang hayat, bimtek",
                "event": "X",
                "event_start": "2020-07-27",
                "event_end": "2020-07-27 12:00",
                "event_attendance": "mixed",
                "participants": "Dra. Hj. Nurhayati, M.Pd.; Sunarsih",
            }
        )
        == []
    )


def test_pages_need_no_date():
    assert check({"date": ""}, kind="page") == []


@pytest.mark.parametrize("tag", ["keterbukan", "kemitran", "Keprofesional", "demokrasii"])
def test_near_misses_of_principles_are_caught(tag):
    [(severity, key, message)] = check({"tags": tag})
    assert (severity, key) == ("error", "tags") and "Did you mean" in message


@pytest.mark.parametrize("tag", ["bimtek", "literasi digital", "layanan", "keadilan sosial"])
def test_ordinary_tags_are_left_alone(tag):
    assert check({"tags": tag}) == []


def test_a_date_only_end_on_the_start_day_is_fine():
    assert check({"event": "X", "event_start": "2020-07-27 09:00", "event_end": "2020-07-27"}) == []


# --- staged builds (invoke build / publish) ---------------------------------


def test_a_build_that_crashes_midway_leaves_output_as_it_was(tmp_path, bilingual_site):
    import json

    from invoke import Context

    import tasks

    output = tmp_path / "output"
    shutil.copytree(bilingual_site.output, output)
    before = snapshot(output)
    # A theme without the principles template: the articles are written, then it fails.
    theme = tmp_path / "theme"
    shutil.copytree(tasks.THEME, theme)
    (theme / "templates" / "principles.html").unlink()
    ok = tasks.staged_build(
        Context(),
        target=output,
        content=FIXTURES / "bilingual_site",
        overrides=[f"THEME={json.dumps(str(theme))}"],
    )
    assert not ok
    assert snapshot(output) == before
    assert not (tmp_path / ".output.staging").exists()


def test_a_good_build_replaces_output_whole(tmp_path):
    from invoke import Context

    import tasks

    output = tmp_path / "output"
    output.mkdir()
    (output / "stale.html").write_text("old")
    assert tasks.staged_build(
        Context(),
        target=output,
        content=FIXTURES / "bilingual_site",
        overrides=['SITEURL="https://perpustakaan.example.id"'],
    )
    assert not (output / "stale.html").exists()
    assert (output / "index.html").exists() and (output / "en" / "index.html").exists()
    assert not (tmp_path / ".output.old").exists() and not (tmp_path / ".output.staging").exists()


def test_two_builds_at_once_never_mix_or_lose_the_site(tmp_path, bilingual_site):
    """Two `invoke build`s (or the preview's rebuild during one) into the same folder:
    the second waits; both succeed; the site is whole after each swap."""
    import threading

    from invoke import Context

    import tasks

    output = tmp_path / "output"

    def files(folder):  # Pagefind names its index files by a hash of the build
        return {p.relative_to(folder) for p in folder.rglob("*") if "pagefind" not in p.parts}

    expected = files(bilingual_site.output)
    seen, results = [], []

    def watch():  # the site, as a reader's server sees it, while the builds run
        while len(results) < 2:
            if output.exists():
                seen.append(len(list(output.rglob("*.html"))))

    def one_build():
        ok = tasks.staged_build(
            Context(),
            target=output,
            content=bilingual_site.content,
            overrides=[
                'SITEURL="https://perpustakaan.example.id"',
                'WARTA_TODAY="2022-03-01"',
                f'WARTA_PHOTO_CACHE="{bilingual_site.cache}"',
            ],
        )
        results.append(ok)

    watcher = threading.Thread(target=watch)
    builds = [threading.Thread(target=one_build) for _ in range(2)]
    watcher.start()
    for build_ in builds:
        build_.start()
    for build_ in builds:
        build_.join()
    watcher.join()
    assert results == [True, True]
    assert files(output) == expected
    whole = len([p for p in expected if p.suffix == ".html"])
    assert seen and set(seen) == {whole}, "a reader saw a half-built or missing site"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".output.")]
    assert leftovers == [".output.lock"]


def test_pelicans_content_cache_works_and_cached_files_are_still_checked(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "bilingual_site", content)
    cache = {
        "CACHE_CONTENT": True,
        "LOAD_CONTENT_CACHE": True,
        "CACHE_PATH": str(tmp_path / "cache"),
        "WARTA_TODAY": TODAY,
    }
    first = build(content, tmp_path / "first", **cache)
    assert first.returncode == 0, first.log
    assert any((tmp_path / "cache").iterdir())
    second = build(content, tmp_path / "second", **cache)  # every file from the cache
    assert second.returncode == 0, second.log

    def site(folder):  # (the search index is the reproducible-build test's concern)
        return {k: v for k, v in snapshot(folder).items() if "pagefind/" not in k}

    # the same site, byte for byte: pages, feeds, calendars, sitemaps, photos
    assert site(tmp_path / "second") == site(tmp_path / "first")
    # A settings change the cached files no longer fit: still reported, nothing written.
    two_categories = {k: v for k, v in DEFAULT_CATEGORIES.items() if k != "kisah-literasi"}
    third = build(content, tmp_path / "third", WARTA_CATEGORIES=two_categories, **cache)
    assert third.returncode == 1
    assert reported(
        third.log,
        "articles/pojok-baca.md",
        "Category",
        "'kisah-literasi' bukan salah satu kategori",
        "KESALAHAN",
    ), third.log
    assert not (tmp_path / "third").exists() or not any((tmp_path / "third").rglob("*.html"))


def test_a_settings_mistake_is_one_line_not_a_traceback(tmp_path):
    site = build(
        FIXTURES / "bilingual_site",
        tmp_path / "output",
        WARTA_CATEGORIES={"berita": {"id": "Berita"}},
    )
    assert site.returncode == 1
    assert "WARTA_CATEGORIES['berita'] has no name in ['en']" in site.log
    assert "Traceback" not in site.log and "CRITICAL" not in site.log


def test_a_busy_port_gets_a_clear_message_and_fails(tmp_path):
    import socket
    import subprocess
    import sys

    from conftest import ROOT

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "invoke", "serve", "--port", str(port)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert f"Port {port} sudah dipakai" in result.stderr and f"PORT={port + 1}" in result.stderr
