"""Old addresses (content/redirects.csv, warta.redirects): the redirect pages a build
writes, the nginx and Apache rules a published build writes, and the editors'
messages for every mistake the file can hold. The rules in the real servers:
tests/test_servers.py."""

import csv
import re
import shutil

import pytest
from conftest import ROOT, SITEURL, TODAY, build, local_build, snapshot

from warta import redirects
from warta.deploy import publishable_copy

BIMTEK = "/2020/07/bimtek/"
OLD = "/2020/07/30/bimtek-transformasi-perpustakaan/"
ENCODED = "/2020/07/30/bimtek-\u2013-inklusi-sosial/"  # written bimtek-%e2%80%93-inklusi-sosial


def refresh_url(soup):
    content = soup.find("meta", attrs={"http-equiv": "refresh"})["content"]
    delay, url = content.split("; url=", 1)
    assert delay == "0"
    return url


def test_a_redirect_page_sends_readers_on_in_the_targets_language(bilingual_site):
    page = bilingual_site.html(OLD)
    assert page.html["lang"] == "id"
    assert refresh_url(page) == SITEURL + BIMTEK
    assert page.find("link", rel="canonical")["href"] == SITEURL + BIMTEK
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    link = page.body.find("a")
    assert link["href"] == SITEURL + BIMTEK and link.text == SITEURL + BIMTEK
    assert "Halaman ini sudah pindah ke alamat baru" in page.body.text

    english = bilingual_site.html("/en/2020/07/30/training-on-library-transformation/")
    assert english.html["lang"] == "en"
    assert refresh_url(english) == SITEURL + "/en" + BIMTEK
    assert "This page has moved to a new address" in english.body.text


def test_redirect_pages_have_no_inline_script_or_style(bilingual_site):
    for old in (OLD, "/feed/", "/category/kegiatan/", "/author/admin/"):
        page = bilingual_site.html(old)
        assert not page.find_all(["script", "style"]) and not page.select("[style]")


def test_every_kind_of_target_is_resolved(bilingual_site):
    expected = {
        "/category/kegiatan/": "/kategori/kegiatan/",
        "/feed/": "/feeds/all.atom.xml",
        "/author/admin/": "/",  # written without its slash; the folder holds the page
    }
    for old, new in expected.items():
        assert refresh_url(bilingual_site.html(old)) == SITEURL + new


def test_a_percent_encoded_old_path_is_written_where_the_servers_look(bilingual_site):
    assert bilingual_site.exists(ENCODED)
    assert not (bilingual_site.output / "2020/07/30/bimtek-%e2%80%93-inklusi-sosial").exists()


def test_a_query_address_is_no_file_and_the_home_page_stays(bilingual_site):
    names = [p.name for p in bilingual_site.output.rglob("*")]
    assert not [name for name in names if "?" in name or "=" in name]
    assert bilingual_site.html("/").find("h1") is not None  # the home page, not a redirect
    assert bilingual_site.html("/").find("meta", attrs={"http-equiv": "refresh"}) is None


def test_redirect_pages_are_in_no_sitemap_and_no_search_index(bilingual_site):
    for path, text in bilingual_site.public_texts():
        if path.name == "sitemap.xml" or path.suffix == ".pf_fragment":
            assert "/2020/07/30/" not in text and "sudah pindah" not in text, path
    assert list(bilingual_site.output.glob("pagefind/fragment/*.pf_fragment"))


def test_a_local_build_links_relative_to_the_page(tmp_path, fixture_content, photo_cache):
    site = local_build(fixture_content, tmp_path / "output", photo_cache)
    assert site.returncode == 0, site.log
    page = site.html(OLD)
    assert refresh_url(page) == "../../bimtek/"
    assert page.find("link", rel="canonical")["href"] == "../../bimtek/"
    assert refresh_url(site.html("/author/admin/")) == "../../"
    assert refresh_url(site.html("/en/2020/07/30/training-on-library-transformation/")) == (
        "../../bimtek/"
    )
    # No server rules outside a published build.
    assert not (site.output / ".warta").exists() and not (site.output / ".htaccess").exists()


# --- The servers' rules (in a published build) --------------------------------------


def test_the_nginx_rules_cover_paths_queries_and_feeds(production_site):
    rules = (production_site.output / ".warta" / "redirects.nginx.conf").read_text()
    base = production_site.base
    assert f'location = "{OLD}" {{\n    return 301 "{base}{BIMTEK}";' in rules
    assert f'location = "{OLD.rstrip("/")}" {{' in rules  # without its slash too
    assert f'location = "{ENCODED}" {{' in rules  # nginx matches the decoded path
    assert f'if ($arg_p = "123") {{\n        return 301 "{base}{BIMTEK}";' in rules
    assert f'if ($arg_page_id = "7") {{\n        return 301 "{base}/tentang/";' in rules
    assert f'location = "/feed/" {{\n    return 301 "{base}/feeds/all.atom.xml";' in rules


def test_the_apache_rules_come_before_the_sites_own_rewrites(production_site):
    htaccess = (production_site.output / ".htaccess").read_text()
    ours = htaccess.index('RewriteRule "^2020/07/30/bimtek\\-transformasi\\-perpustakaan/?$"')
    assert ours < htaccess.index("RewriteCond %{REQUEST_FILENAME}/index.html !-f")
    query = '(?:^|&)p=123(?:&|$)"\n    RewriteRule "^$" "'
    assert query + production_site.base + BIMTEK in htaccess
    assert "# warta:redirects" not in htaccess  # the marker line gave way to the rules


def published(content, output, photo_cache):
    """A published build (publishconf.py: absolute URLs, the servers' rules) of ``content``."""
    return build(
        content,
        output,
        settings="publishconf.py",
        WARTA_TODAY=TODAY,
        WARTA_PHOTO_CACHE=str(photo_cache),
        WARTA_SEARCH_INDEX=False,
    )


def test_no_redirects_file_still_writes_the_nginx_file(tmp_path, fixture_content, photo_cache):
    content = tmp_path / "content"
    shutil.copytree(fixture_content, content)
    (content / "redirects.csv").unlink()
    site = published(content, tmp_path / "output", photo_cache)
    assert site.returncode == 0, site.log
    rules = (site.output / ".warta" / "redirects.nginx.conf").read_text()
    assert "location" not in rules  # nothing to redirect, but the include does not fail
    assert (site.output / ".htaccess").read_text() == (ROOT / "server" / ".htaccess").read_text()


def test_github_pages_gets_no_server_rules(tmp_path):
    site = tmp_path / "site"
    (site / ".warta").mkdir(parents=True)
    (site / ".warta" / "redirects.nginx.conf").write_text("location = /x { }")
    (site / "feed").mkdir()
    (site / "feed" / "index.html").write_text("<!DOCTYPE html>")
    (site / ".htaccess").write_text("RewriteEngine On")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    copy = publishable_copy(site, scratch, {".htaccess"})
    assert snapshot(copy).keys() == {"feed/index.html"}


# --- Mistakes: clear messages, with the line, and nothing written ------------------

MISTAKES = """old,new
# a comment line, then the mistakes, one per line
/2020/07/30/bimtek-transformasi-perpustakaan/,{filename}articles/bimtek-lama.md
/2019/01/01/ada/,/tidak-ada/
/2019/01/02/dua-kolom/
/2020/07/30/bimtek-transformasi-perpustakaan,{index}
/2020/07/bimtek/,{index}
2019/01/03/tanpa-garis/,{index}
https://perpustakaan.example.id/2019/lama/,{index}
/2019/01/04/draf/,{filename}articles/draft.md
/2019/01/05/kategori/,{category}olahraga
/2019/01/06/tag/,{tag}tidak-ada-tag
/2019/01/07/ke-mana/,articles/bimtek.md
/?p=1&q=2,{index}
/baik/,{index}
/kategori/berita/2/,{index}
https://perpustakaan.example.id/2019/dua/,{filename}articles/bimtek-lma.md
/dokumen/,{static}articles/bimtek/laporan-kegiatan.pfd
/foto/,{static}articles/draf-foto/rahasia.jpg
/titik-koma/;{index}
/2019/01/08/bulan/,/arsip/2020/#2020-07{x}
"""


@pytest.fixture(scope="module")
def mistaken(tmp_path_factory, fixture_content, photo_cache):
    tmp_path = tmp_path_factory.mktemp("mistakes")
    content = tmp_path / "content"
    shutil.copytree(fixture_content, content)
    (content / "redirects.csv").write_text(MISTAKES, encoding="utf-8")
    (content / "articles" / "bimtek").mkdir(exist_ok=True)
    (content / "articles" / "bimtek" / "laporan-kegiatan.pdf").write_bytes(PDF)
    site = build(
        content, tmp_path / "output", WARTA_TODAY=TODAY, WARTA_PHOTO_CACHE=str(photo_cache)
    )
    return site


@pytest.mark.parametrize(
    "line, message",
    [
        (
            3,
            "tidak ada berkas articles/bimtek-lama.md di content/. Maksud Anda 'articles/bimtek.md'?",
        ),
        (4, "situs baru tidak punya alamat /tidak-ada/."),
        (5, "setiap baris berisi dua nilai, alamat lama dan alamat baru, dipisahkan koma; baris"),
        (6, "/2020/07/30/bimtek-transformasi-perpustakaan sudah dialihkan di baris 3."),
        (7, "/2020/07/bimtek/ adalah alamat situs baru: pengalihan akan menyembunyikan"),
        (8, "'2019/01/03/tanpa-garis/' bukan alamat situs lama: alamat harus diawali /"),
        (9, "Tulis bagian alamatnya saja: /2019/lama/"),
        (10, "{filename}articles/draft.md belum terbit (Status: draft)"),
        (11, "'olahraga' bukan salah satu kategori (berita, kegiatan, kisah-literasi)."),
        (12, "tidak ada artikel berbahasa id dengan tag 'tidak-ada-tag'"),
        (13, "'articles/bimtek.md' bukan tujuan pengalihan: tulis {filename}"),
        (14, "'/?p=1&q=2': alamat lama dengan tanda tanya hanya boleh membawa satu nilai"),
        (16, "/kategori/berita/2/ adalah alamat situs baru: pengalihan akan menyembunyikan"),
        (18, "Maksud Anda 'articles/bimtek/laporan-kegiatan.pdf'?"),
        (19, "tidak ada artikel atau halaman terbit yang menampilkan foto ini"),
        (20, 'Excel, simpan berkas sebagai "CSV UTF-8 (Comma delimited)"'),
        (21, "'/arsip/2020/#2020-07{x}' memuat karakter yang tidak bisa dibawa aturan server"),
    ],
)
def test_each_mistake_is_named_with_its_line(mistaken, line, message):
    start = f"redirects.csv: KESALAHAN: Baris {line}: "
    [said] = [text for text in mistaken.log.splitlines() if text.startswith(start)]
    assert message in said


def test_mistakes_stop_the_build_before_anything_is_written(mistaken):
    assert mistaken.returncode != 0
    assert "Traceback" not in mistaken.log and "CRITICAL" not in mistaken.log
    assert "Baris 15" not in mistaken.log  # the good line
    assert "situs tidak dibangun" in mistaken.log
    assert not mistaken.output.exists() or not any(mistaken.output.rglob("*.html"))
    assert re.search(r"19 masalah di \d+ berkas", mistaken.log)


def test_every_mistake_of_a_line_is_named_at_once(mistaken):
    said = [text for text in mistaken.log.splitlines() if "KESALAHAN: Baris 17: " in text]
    assert len(said) == 2, said
    assert "Tulis bagian alamatnya saja: /2019/dua/" in said[0]
    assert "tidak ada berkas articles/bimtek-lma.md" in said[1]
    assert "Maksud Anda 'articles/bimtek.md'?" in said[1]


def test_a_file_saved_with_semicolons_is_explained(tmp_path):
    from warta.contract import translator

    (tmp_path / "redirects.csv").write_text("old;new\n/feed/;/feeds/all.atom.xml\n")
    settings = {"WARTA_REDIRECTS": "redirects.csv", "PATH": str(tmp_path)}
    [(name, line, message)] = redirects.check([], settings, translator("id"))
    assert (name, line) == ("redirects.csv", 1)
    assert message.startswith("baris pertama harus berisi judul kolom old,new.")
    assert "dipisahkan koma, bukan titik koma (;)" in message
    assert '"CSV UTF-8 (Comma delimited)"' in message


def test_a_file_without_its_header_is_refused(tmp_path, fixture_content, photo_cache):
    content = tmp_path / "content"
    shutil.copytree(fixture_content, content)
    (content / "redirects.csv").write_text("/feed/,/feeds/all.atom.xml\n", encoding="utf-8")
    site = build(
        content, tmp_path / "output", WARTA_TODAY=TODAY, WARTA_PHOTO_CACHE=str(photo_cache)
    )
    assert site.returncode != 0
    assert (
        "redirects.csv: KESALAHAN: Baris 1: baris pertama harus berisi judul kolom old,new."
        in site.log
    )


def test_an_old_address_that_is_its_own_target_does_nothing(tmp_path, fixture_content, photo_cache):
    """WordPress's /tag/x/ is this site's /tag/x/ too: the importer writes such lines,
    and they change nothing; a WordPress address beside a section's pages is free."""
    content = tmp_path / "content"
    shutil.copytree(fixture_content, content)
    (content / "redirects.csv").write_text(
        "old,new\n/tag/kemitraan/,{tag}kemitraan\n/en/category/activities/,{category}kegiatan\n",
        encoding="utf-8",
    )
    site = build(
        content, tmp_path / "output", WARTA_TODAY=TODAY, WARTA_PHOTO_CACHE=str(photo_cache)
    )
    assert site.returncode == 0, site.log
    assert "refresh" not in site.path("/tag/kemitraan/").read_text(encoding="utf-8")
    moved = site.html("/en/category/activities/")
    assert refresh_url(moved).endswith("en/category/kegiatan/")


# --- What reaches the servers' configuration ----------------------------------------

# A reviewer's line: in nginx's include it closed the rule and opened a location of its own.
INJECTION = 'https://x.example/";} location /rahasia { alias /etc/; autoindex on; } location = "/z'


def write_redirects(content, lines):
    """redirects.csv with ``lines`` ([old, new]) under its header, as a spreadsheet writes it."""
    with open(content / "redirects.csv", "w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["old", "new"])
        writer.writerows(lines)


def test_an_external_target_with_configuration_syntax_is_refused(
    tmp_path, fixture_content, photo_cache
):
    content = tmp_path / "content"
    shutil.copytree(fixture_content, content)
    write_redirects(content, [["/lama/", INJECTION], ["/spasi/", "https://x.example/a b"]])
    site = build(
        content, tmp_path / "output", WARTA_TODAY=TODAY, WARTA_PHOTO_CACHE=str(photo_cache)
    )
    assert site.returncode != 0
    for line in (2, 3):
        assert (
            f"redirects.csv: KESALAHAN: Baris {line}: '" in site.log
            and "memuat karakter yang tidak bisa dibawa aturan server web" in site.log
        ), site.log
    assert not site.output.exists() or not any(site.output.rglob("*.html"))


@pytest.mark.parametrize(
    "target",
    [INJECTION, "https://x.example/$host", "https://x.example/a\\b", "https://x.example/a b"],
)
def test_an_external_target_reaches_the_rules_percent_encoded(target):
    """Whatever gets past the check, each server reads one redirect and nothing else."""
    redirect = redirects.Redirect(2, "/lama/", "/lama/", None, "id", target)
    settings = {"SITEURL": "https://perpustakaan.example.id"}
    nginx = redirects.nginx_rules([redirect], settings)
    body = [line for line in nginx.splitlines() if not line.startswith("#")]
    assert body[0] == 'location = "/lama" {' and body[2] == "}"
    assert re.fullmatch(r'    return 301 "https://x\.example/[^"\\$;{}\s]*";', body[1]), body[1]
    assert len(body) == 6 and "alias" not in "".join(body[i] for i in (0, 2, 3, 5))
    apache = redirects.apache_rules([redirect], settings).splitlines()
    [rule] = [line for line in apache if "RewriteRule" in line]
    target = r'"https://x\.example/(?:[^"\\$\s]|\\%)*"'  # "%" is written "\%" (not a backreference)
    assert re.fullmatch(rf'    RewriteRule "\^lama/\?\$" {target} \[R=301,L,NE\]', rule), rule


# --- Files as targets: {static} documents and photos, a site's own files ------------

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(scope="module")
def file_targets(tmp_path_factory, fixture_content, photo_cache):
    """A published build whose old addresses go to a document no article links, to a
    photo an article shows and to an event's calendar file."""
    tmp_path = tmp_path_factory.mktemp("file-targets")
    content = tmp_path / "content"
    shutil.copytree(fixture_content, content)
    (content / "articles" / "bimtek").mkdir(exist_ok=True)
    (content / "articles" / "bimtek" / "laporan-kegiatan.pdf").write_bytes(PDF)
    write_redirects(
        content,
        [
            [
                "/wp-content/uploads/2020/07/laporan.pdf",
                "{static}articles/bimtek/laporan-kegiatan.pdf",
            ],
            ["/wp-content/uploads/2021/01/ponsel.jpg", "{static}/articles/kunjungan/ponsel.jpg"],
            ["/acara/bimtek/", "/2020/07/bimtek/bimtek.ics"],
            ["/2020/07/", "/arsip/2020/#2020-07"],
        ],
    )
    site = published(content, tmp_path / "output", photo_cache)
    assert site.returncode == 0, site.log
    site.rules = (site.output / ".warta" / "redirects.nginx.conf").read_text()
    return site


def target_of(rules, old):
    return re.search(rf'location = "{re.escape(old)}" {{\n    return 301 "([^"]+)";', rules)[1]


def test_a_static_document_is_published_where_its_old_address_goes(file_targets):
    url = target_of(file_targets.rules, "/wp-content/uploads/2020/07/laporan.pdf")
    assert url == SITEURL + "/articles/bimtek/laporan-kegiatan.pdf"
    assert file_targets.path("/articles/bimtek/laporan-kegiatan.pdf").read_bytes() == PDF


def test_a_static_photo_goes_to_its_largest_published_version(file_targets):
    url = target_of(file_targets.rules, "/wp-content/uploads/2021/01/ponsel.jpg")
    path = url.removeprefix(SITEURL)
    assert re.fullmatch(r"/images/kunjungan/ponsel-[0-9a-f]{8}-\d+\.jpg", path), path
    assert file_targets.exists(path)
    names = [p.name for p in (file_targets.output / "images" / "kunjungan").glob("ponsel-*.jpg")]
    widths = [
        int(m[1]) for m in map(re.compile(r"ponsel-[0-9a-f]{8}-(\d+)\.jpg").fullmatch, names) if m
    ]
    assert path.endswith(f"-{max(widths)}.jpg")
    assert not file_targets.exists("/articles/kunjungan/ponsel.jpg")  # never the original


def test_an_events_calendar_file_is_a_target(file_targets):
    assert file_targets.exists("/2020/07/bimtek/bimtek.ics")
    page = file_targets.html("/acara/bimtek/")
    assert refresh_url(page) == SITEURL + "/2020/07/bimtek/bimtek.ics"


def test_a_target_keeps_its_fragment(file_targets):
    """WordPress's month archive /2020/07/ goes to the month on the year's archive page."""
    assert target_of(file_targets.rules, "/2020/07/") == SITEURL + "/arsip/2020/#2020-07"
    assert file_targets.html("/arsip/2020/").find(id="2020-07") is not None
    assert refresh_url(file_targets.html("/2020/07/")) == SITEURL + "/arsip/2020/#2020-07"
