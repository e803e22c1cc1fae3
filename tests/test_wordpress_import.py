"""`invoke import-wordpress`: the fixture export (tests/fixtures/wordpress/) imported
into a copy of the bilingual fixture site, through the real task, then built."""

import csv
import http.client
import os
import re
import runpy
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, TODAY, build, snapshot
from wordpress_export import big_export

EXPORT = FIXTURES / "wordpress" / "export.xml"
UPLOADS = FIXTURES / "wordpress" / "uploads"
BIMTEK = (
    "articles/2020/perpustakaan-daerah-rejang-lebong-transformasi-perpustakaan-berbasis-inklusi"
)
LOMBA = "articles/2021/lomba-duta-baca-2021-pojok-baca-cafe"
POJOK = "articles/2019/cerita-pojok-baca-di-desa"
LAPORAN = "articles/2021/laporan-tahunan-2021-kunjungan-naik"


def run_import(*args):
    command = [sys.executable, "-m", "invoke", "import-wordpress", *map(str, args)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    site = tmp_path_factory.mktemp("wp")
    content = site / "content"
    shutil.copytree(FIXTURES / "bilingual_site", content)
    report = site / "laporan.md"
    result = run_import(EXPORT, "--uploads", UPLOADS, "--content", content, "--report", report)
    assert result.returncode == 0, result.stdout + result.stderr
    return content, report, result.stdout


def read(content, relative):
    return (content / relative).read_text(encoding="utf-8")


def header(text):
    lines = text.split("\n\n", 1)[0].splitlines()
    return dict(line.split(": ", 1) for line in lines)


def test_posts_become_articles_with_contract_metadata(imported):
    content, _report, _out = imported
    bimtek = header(read(content, BIMTEK + ".md"))
    assert bimtek["Date"] == "2020-07-30 10:00"  # 03:00 GMT in Asia/Jakarta
    assert bimtek["Slug"] == BIMTEK.split("/")[-1]
    assert bimtek["Category"] == "kegiatan"
    # "Asas Pembelajaran Sepanjang Hayat" (tag) and "KEMITRAAN" (category) are principles.
    assert bimtek["Tags"] == "Pembelajaran Sepanjang Hayat, Kemitraan, bimtek"
    assert bimtek["Author"] == "Sumarto"
    assert bimtek["Image"] == BIMTEK.split("/")[-1] + "/zoom-peserta.jpg"
    assert "Status" not in bimtek and "Participants" not in bimtek and "Event" not in bimtek
    lomba = header(read(content, LOMBA + ".md"))
    # A percent-encoded UTF-8 slug, entities and smart quotes decoded.
    assert lomba["Slug"] == "lomba-duta-baca-2021-pojok-baca-cafe"
    assert lomba["Title"] == 'Lomba "Duta Baca" 2021 & Pojok Baca Café'
    assert lomba["Summary"] == 'Lomba "Duta Baca" untuk pelajar SMP & SMA.'
    assert lomba["Tags"] == "Keterbukaan, Lomba"
    assert header(read(content, "articles/2022/rencana-pameran-buku.md"))["Status"] == "draft"
    future = header(read(content, "articles/2031/hari-kunjung-perpustakaan-2031.md"))
    assert future["Date"] == "2031-09-14 07:00" and "Status" not in future
    assert header(read(content, "pages/sejarah.md"))["Slug"] == "sejarah"
    # Private, trashed, auto-drafts, revisions, menus: no file.
    everything = "".join(p.read_text() for p in content.rglob("*.md"))
    assert "anggaran 2022" not in everything and "Catatan Internal" not in everything
    assert "Tulisan lama" not in everything and "Beranda" not in everything


def test_unmapped_category_is_kept_and_reported_never_a_principle(imported):
    content, report, _out = imported
    pojok = header(read(content, POJOK + ".md"))
    assert pojok["Category"] == "berita" and pojok["Tags"] == "Pojok Baca"
    line = next(
        l for l in report.read_text().splitlines() if "Kategori WordPress **Pojok Baca**" in l
    )
    # The files are named, and the advice is to change them, not to overwrite them.
    assert f"`{POJOK}.md`" in line and "ubah baris `Category:`" in line
    assert "jangan impor ulang dengan --force" in line


def test_bodies_figures_galleries_embeds_tables(imported):
    content, _report, _out = imported
    folder = BIMTEK.split("/")[-1]
    bimtek = read(content, BIMTEK + ".md")
    assert "(peserta; Esnalianti, Sunarsih, Feri Sutomo" in bimtek  # the participants paragraph
    assert "<!--" not in bimtek and "wp:" not in bimtek
    gallery = (
        f'![Peserta Bimtek di depan laptop]({folder}/dokumen-1.jpg "Hari pertama Bimtek.")\n'
        f'![Materi dari Perpustakaan Nasional.]({folder}/dokumen-2.jpg "Materi dari Perpustakaan Nasional.")\n'
        f"![Diskusi kelompok daring]({folder}/dokumen-3-1024x768.jpg)\n"
    )
    assert "**Dokumen Kegiatan :**\n\n" + gallery in bimtek
    assert "\u201c" not in bimtek and '"Perpustakaan diselenggarakan' in bimtek
    lomba = read(content, LOMBA + ".md")
    assert (
        "\n\n![Peserta lomba membaca di aula perpustakaan](lomba-duta-baca-2021-pojok-baca-cafe/lomba.jpg"
        " \"Para peserta lomba 'Duta Baca' 2021.\")\n\n" in lomba
    )
    assert "[Rekaman final lomba](https://www.youtube.com/watch?v=dQw4w9WgXcQ)" in lomba
    assert "| Juara | Sekolah |" in lomba and "| 1 | SMPN 1 Curup |" in lomba
    assert "style" not in lomba and "&nbsp;" not in lomba and "\n\n\n" not in lomba
    assert "Pendaftaran gratis -- terbuka untuk umum..." in lomba
    pojok = read(content, POJOK + ".md")
    assert (
        '![Rak buku baru di pojok baca](cerita-pojok-baca-di-desa/pojok-1.jpg "Rak buku baru di pojok baca")'
        in pojok
    )
    assert (
        "![Rak buku baru](cerita-pojok-baca-di-desa/pojok-1.jpg)\n"
        '![Anak-anak membaca di tikar](cerita-pojok-baca-di-desa/pojok-2.jpg "Sore hari di pojok baca")\n'
        "![Warga meminjam buku](cerita-pojok-baca-di-desa/pojok-3.jpg)\n" in pojok
    )
    assert "<https://youtu.be/dQw4w9WgXcQ>" in pojok
    assert (
        "<!-- foto hilang: https://perpusda.example.id/wp-content/uploads/2019/05/hilang.jpg -->"
        in pojok
    )
    assert "hilang.jpg)" not in pojok and "javascript" not in pojok


def test_photos_are_copied_originals_first(imported):
    content, _report, _out = imported
    copied = sorted(p.relative_to(content).as_posix() for p in content.rglob("*.jpg"))
    folder = BIMTEK
    assert copied == sorted(
        [
            f"{folder}/dokumen-1.jpg",
            f"{folder}/dokumen-2.jpg",
            f"{folder}/dokumen-3-1024x768.jpg",  # no original: the biggest copy present
            f"{folder}/zoom-peserta.jpg",
            f"{LOMBA}/lomba.jpg",  # lomba-1024x768.jpg in the body: its original
            f"{POJOK}/pojok-1.jpg",
            f"{POJOK}/pojok-2.jpg",
            f"{POJOK}/pojok-3.jpg",
            f"{LAPORAN}/lomba.jpg",  # linked to its full size: lomba-300x225.jpg's original
        ]
    )
    assert (content / LOMBA / "lomba.jpg").read_bytes() == (
        UPLOADS / "2021/03/lomba.jpg"
    ).read_bytes()


def test_polylang_translation_is_paired(imported):
    content, report, _out = imported
    english = header(read(content, BIMTEK + ".en.md"))
    original = header(read(content, BIMTEK + ".md"))
    assert english["Lang"] == "en" and english["Slug"] == original["Slug"]
    assert english["Category"] == "kegiatan"
    # The translation carries its original's principles, in English.
    assert english["Tags"] == "Lifelong Learning, Partnership"
    assert f"Terjemahan bahasa Inggris dari `{BIMTEK}.md`" in report.read_text()


def test_the_report(imported):
    _content, report, out = imported
    text = report.read_text()
    assert "| artikel diimpor | 13 |" in text and "| halaman diimpor | 1 |" in text
    assert '"Catatan Internal Rapat Anggaran" (WordPress 15)' in text
    # WordPress's internals in the staff's words.
    assert "- 1 × revisi\n" in text and "- 1 × menu\n" in text and "nav_menu_item" not in text
    assert "- 2 komentar di WordPress (tidak diimpor)." in text  # the spam one is not counted
    assert "Disematkan (sticky)" in text
    assert "terbit saat situs dibangun pada atau setelah 2031-09-14 07:00" in text
    bimtek = text.split("### Perpustakaan Daerah Rejang Lebong")[1].split("###")[0]
    for line in (
        "`Event_start: 2020-07-27`",
        "`Event_end: 2020-07-29`",
        "`Event_location: Zoom`",
        "`Event_attendance: online`",
        "`Participants: Esnalianti; Sunarsih; Feri Sutomo; Andre Satria Renaldo; Lopi Adriansyah; Sumarto`",
    ):
        assert line in bimtek
    assert "dokumen-2.jpg` tidak punya deskripsi (alt)" in text
    assert "hilang.jpg` tidak ada di folder uploads" in text
    assert "[contact-form-7]" in text
    assert (
        "Impor selesai: 13 artikel (3 draf, 1 terjadwal), 1 halaman, 2 pasangan terjemahan" in out
    )


def test_redirects_csv(imported):
    content, _report, _out = imported
    lines = (content / "redirects.csv").read_text(encoding="utf-8").splitlines()
    rows = dict(tuple(row) for row in csv.reader(l for l in lines if not l.startswith("#")))
    assert rows.pop("old") == "new"
    bimtek = "{filename}" + BIMTEK + ".md"
    assert (
        rows[
            "/2020/07/30/perpustakaan-daerah-rejang-lebong-transformasi-perpustakaan-berbasis-inklusi-sosial/"
        ]
        == bimtek
    )
    assert rows["/?p=10"] == bimtek
    assert (
        rows[
            "/2020/07/30/perpustakaan-daerah-rejang-lebong-transformasi-perpustakaan-berbasis-inklusi-sosial/dokumen-1/"
        ]
        == bimtek
    )
    assert (
        rows["/en/2020/07/30/rejang-lebong-library-transformation-social-inclusion/"]
        == "{filename}" + BIMTEK + ".en.md"
    )
    assert (
        rows["/2021/03/15/lomba-duta-baca-2021-pojok-baca-caf%c3%a9/"]
        == "{filename}" + LOMBA + ".md"
    )
    assert rows["/?page_id=17"] == "{filename}pages/sejarah.md"
    assert rows["/category/kegiatan/"] == "{category}kegiatan"
    assert rows["/category/kemitraan/"] == "{tag}kemitraan"
    assert rows["/tag/asas-keterbukaan/feed/"] == "/feeds/tag/keterbukaan.atom.xml"
    assert rows["/feed/"] == "/feeds/all.atom.xml"
    # {category} and {tag} in every language: the build resolves them in the old address's.
    assert rows["/en/category/activities/"] == "{category}kegiatan"
    assert "/?p=15" not in rows and "/?p=14" not in rows  # private, draft
    # Old photo addresses: the one shown, the export's original (dokumen-3.jpg, not in the
    # uploads copy) and every resized copy in the uploads copy, to the photo copied.
    photos = "{static}" + BIMTEK
    for name in ("dokumen-3-1024x768.jpg", "dokumen-3-300x225.jpg", "dokumen-3.jpg"):
        assert rows[f"/wp-content/uploads/2020/07/{name}"] == f"{photos}/dokumen-3-1024x768.jpg"
    assert rows["/wp-content/uploads/2021/03/lomba-1024x768.jpg"] == f"{{static}}{LOMBA}/lomba.jpg"
    # The fixture site's own lines stay first, as written; the import's follow in groups.
    before = (FIXTURES / "bilingual_site" / "redirects.csv").read_text(encoding="utf-8")
    assert lines[: len(before.splitlines())] == before.splitlines()
    assert any(line.startswith("# WordPress 10:") for line in lines[len(before.splitlines()) :])


def test_imported_site_builds_with_no_contract_error(imported, tmp_path):
    content, _report, _out = imported
    site = build(content, tmp_path / "output", WARTA_TODAY=TODAY)
    assert site.returncode == 0, site.log
    assert "0 masalah di 0 berkas" in site.log
    page = site.html("/2020/07/" + BIMTEK.split("/")[-1] + "/")
    assert page.select("figure")  # the gallery and figures went through the photo pipeline
    assert site.exists("/en/2020/07/" + BIMTEK.split("/")[-1] + "/")
    assert not site.exists("/2031/09/hari-kunjung-perpustakaan-2031/")
    assert "anggaran 2022" not in "".join(text for _p, text in site.public_texts())
    # Links between imported articles and to their documents resolve in the build.
    folder = LAPORAN.split("/")[-1]
    laporan = site.html("/2021/12/" + folder + "/")
    hrefs = [a["href"] for a in laporan.select("a[href]")]
    assert any(h.endswith(f"/{folder}/laporan-tahunan-2021.pdf") for h in hrefs)
    assert site.exists(f"/{LAPORAN}/laporan-tahunan-2021.pdf")
    assert any(h.endswith("/2021/03/lomba-duta-baca-2021-pojok-baca-cafe/") for h in hrefs)
    assert any(h.endswith("/tag/lomba/") for h in hrefs)
    assert site.exists("/en/2022/01/rencana-pameran-buku/")  # its original is a draft


def test_never_overwrites_unless_forced(imported, tmp_path):
    content, _report, _out = imported
    copy = tmp_path / "content"
    shutil.copytree(content, copy)
    edited = copy / (BIMTEK + ".md")
    edited.write_text(edited.read_text() + "\nDiubah editor.\n")
    before = snapshot(copy)
    redirects = (copy / "redirects.csv").read_text()
    again = run_import(
        EXPORT, "--uploads", UPLOADS, "--content", copy, "--report", tmp_path / "r.md"
    )
    assert again.returncode == 0, again.stderr
    assert snapshot(copy) == before  # nothing rewritten, redirects.csv not duplicated
    assert "14 sudah ada (tidak ditimpa)" in again.stdout
    # Every address the second run would write is there already: the first run's, and
    # one of the fixture site's own lines (/?cat=5), which goes elsewhere.
    assert re.search(
        r"(\d+) alamat lama sudah ada di berkas itu sebelum impor ini dan tidak diubah: "
        r"(\d+) sudah menuju tempat yang sama \(dari impor sebelumnya atau ditulis sendiri\), "
        r"1 menuju tempat lain",
        again.stdout,
    )
    first_report = (tmp_path / "r.md").read_text()
    assert f"- Sudah ada, tidak ditimpa: `{BIMTEK}.md`. Jangan impor ulang dengan --force" in (
        first_report
    )
    assert "perubahan Anda hilang" in first_report and "untuk menimpa" not in first_report
    forced = run_import(
        EXPORT, "--uploads", UPLOADS, "--content", copy, "--report", tmp_path / "r.md", "--force"
    )
    assert forced.returncode == 0, forced.stderr
    assert "Diubah editor." not in edited.read_text()
    assert (copy / "redirects.csv").read_text() == redirects  # no address twice
    # The second run's report, with its to-dos, is kept beside the third's.
    (kept,) = tmp_path.glob("r-*.md")
    assert re.fullmatch(r"r-\d{4}-\d\d-\d\d-\d{4}\.md", kept.name)
    assert kept.read_text() == first_report
    assert f"Laporan impor sebelumnya tidak ditimpa: disimpan sebagai {kept}" in forced.stdout
    assert f"disimpan sebagai `{kept.name}`" in (tmp_path / "r.md").read_text()


@pytest.mark.parametrize(
    "make, expected",
    [
        (lambda d: d / "tidak-ada.xml", "tidak ada. Ekspor dulu dari WordPress"),
        (lambda d: write(d / "rusak.xml", "<rss><channel><item>"), "bukan berkas XML yang utuh"),
        (
            lambda d: write(d / "feed.xml", "<rss><channel><title>x</title></channel></rss>"),
            "bukan berkas ekspor WordPress",
        ),
    ],
)
def test_bad_input_is_explained(tmp_path, make, expected):
    result = run_import(make(tmp_path), "--content", tmp_path)
    assert result.returncode == 2
    assert expected in result.stderr and "Traceback" not in result.stderr


def test_missing_uploads_folder(tmp_path):
    result = run_import(EXPORT, "--uploads", tmp_path / "uploads", "--content", tmp_path)
    assert result.returncode == 2 and "Folder foto" in result.stderr
    assert "Traceback" not in result.stderr and list(tmp_path.iterdir()) == []


def test_entities_are_not_expanded(tmp_path):
    """An export is a file from elsewhere: no external entity is read."""
    secret = tmp_path / "secret.txt"
    secret.write_text("RAHASIA-SERVER")
    write(
        tmp_path / "xxe.xml",
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        "<channel><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://a.example</wp:base_site_url>"
        "<item><title>&x;</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type>"
        "<wp:status>publish</wp:status><wp:post_name>a</wp:post_name><content:encoded>isi</content:encoded>"
        "<wp:post_date_gmt>2020-01-01 00:00:00</wp:post_date_gmt></item></channel></rss>",
    )
    (tmp_path / "content").mkdir()
    result = run_import(tmp_path / "xxe.xml", "--content", tmp_path / "content")
    assert result.returncode == 0, result.stderr
    assert "RAHASIA" not in "".join(p.read_text() for p in (tmp_path / "content").rglob("*.md"))


def test_an_entity_bomb_is_refused(tmp_path):
    """A "billion laughs" export (a few hundred bytes that expand to gigabytes) is refused
    by libxml2's entity amplification limit, quickly, as a broken file."""
    entities = '<!ENTITY a "' + "a" * 64 + '">'
    for name, inner in zip("bcdefghi", "abcdefgh"):
        entities += f'<!ENTITY {name} "{f"&{inner};" * 16}">'
    bomb = write(
        tmp_path / "bom.xml",
        f'<?xml version="1.0"?><!DOCTYPE rss [{entities}]>'
        '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2'
        "</wp:wxr_version><item><title>&i;</title></item></channel></rss>",
    )
    (tmp_path / "content").mkdir()
    started = time.perf_counter()
    result = run_import(bomb, "--content", tmp_path / "content")
    assert result.returncode == 2 and "bukan berkas XML yang utuh" in result.stderr
    assert "Traceback" not in result.stderr and time.perf_counter() - started < 30
    assert list((tmp_path / "content").iterdir()) == []


def write(path, text):
    path.write_text(text)
    return path


def test_a_thousand_posts_in_under_a_minute(tmp_path):
    export, uploads = big_export(tmp_path)
    (tmp_path / "content").mkdir()
    started = time.perf_counter()
    result = run_import(export, "--uploads", uploads, "--content", tmp_path / "content")
    seconds = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    assert "… 1000 dari 1000 tulisan" in result.stdout
    assert len(list((tmp_path / "content" / "articles").rglob("*.md"))) == 1000
    assert seconds < 60


def test_links_to_the_old_site_point_at_the_new_one(imported):
    """Permalinks, ?p= and ?page_id=, a page's path, archives and the home page, in
    http or https, with or without www, or root-relative; documents copied beside."""
    content, report, out = imported
    laporan = read(content, LAPORAN + ".md")
    for link in (
        f"[laporan Bimtek]({{filename}}/{BIMTEK}.md#peserta)",  # https://www., a fragment
        f"[lomba Duta Baca]({{filename}}/{LOMBA}.md)",  # http://.../?p=12
        "[sejarah kami]({filename}/pages/sejarah.md)",  # root-relative /sejarah/
        "[Sejarah Perpustakaan]({filename}/pages/sejarah.md)",  # ?page_id=17, its URL as text
        "[semua kegiatan]({category}kegiatan)",
        "[semua lomba]({tag}lomba)",
        "[beranda]({index})",
        "[Perpusnas](https://www.perpusnas.go.id/)",  # another site: untouched
        f"[laporan tahunan (PDF)]({{static}}{LAPORAN.split('/')[-1]}/laporan-tahunan-2021.pdf)",
        f"[data pengunjung]({{static}}{LAPORAN.split('/')[-1]}/data-pengunjung.xlsx)",
    ):
        assert link in laporan
    pdf = UPLOADS / "2021/12/laporan-tahunan-2021.pdf"
    assert (content / LAPORAN / "laporan-tahunan-2021.pdf").read_bytes() == pdf.read_bytes()
    # An English post links an Indonesian one (upper-case percent-encoding, http, www).
    english = read(content, BIMTEK + ".en.md")
    assert f"[Duta Baca contest]({{filename}}/{LOMBA}.md)" in english
    # What cannot move keeps its old address, and is a to-do.
    text = report.read_text()
    left = {
        "https://perpusda.example.id/?p=15": "privat (tidak diimpor)",
        "https://perpusda.example.id/?p=14": "masih draf di sini",
        "https://perpusda.example.id/kontak/": "bukan tulisan, halaman",
        "https://perpusda.example.id/wp-content/uploads/2021/12/notulen.docx": "tidak ada di folder uploads",
    }
    for url, why in left.items():
        assert f"]({url})" in laporan
        line = next(line for line in text.splitlines() if f"`{url}`" in line)
        assert line.startswith(f"- `{LAPORAN}.md`") and why in line
    olds = set(re.findall(r"\]\((https?://[^)]*perpusda[^)]*)\)", laporan))
    assert olds == set(left)
    assert "| dokumen disalin (PDF, DOCX, XLSX...) | 2 |" in text
    assert "9 foto dan 2 dokumen disalin" in out


def test_image_linked_to_its_media_file_links_nowhere_old(imported):
    content, _report, _out = imported
    laporan = read(content, LAPORAN + ".md")
    folder = LAPORAN.split("/")[-1]
    assert f"\n\n![Peserta lomba]({folder}/lomba.jpg)\n\n" in laporan
    assert f"Foto lain: ![Lomba lagi]({folder}/lomba.jpg) lihat besar" in laporan
    assert "uploads/2021/03" not in laporan


def test_body_structure_headings_breaks_lists_quotes(imported):
    content, _report, _out = imported
    laporan = read(content, LAPORAN + ".md")
    body = laporan.split("\n\n", 1)[1]
    # WordPress's h1, h2, h3 under our title (the page's h1): ##, ###, ####.
    assert re.findall(r"(?m)^#+ .*$", body) == ["## Ringkasan", "### Dokumen", "#### Jam layanan"]
    assert "Senin--Kamis 08.00--16.00  \nJumat 08.00--11.00  \nSabtu tutup\n\n" in body
    # Python-Markdown needs four spaces before a list inside a list.
    assert "- Layanan anak\n    - Dongeng Sabtu\n    - Pojok baca\n- Layanan dewasa\n" in body
    assert "> Perpustakaan untuk semua.\n>\n> Kepala Perpustakaan" in body
    # A line break of the classic editor (wpautop) stays a line break.
    assert "punya *rak baru*.  \nWarga datang" in read(content, POJOK + ".md")


def test_odd_titles_same_titles_and_the_event_category(imported):
    content, report, _out = imported
    laporan = header(read(content, LAPORAN + ".md"))
    assert laporan["Title"] == "Laporan Tahunan 2021: Kunjungan Naik"  # &nbsp; decoded
    assert laporan["Category"] == "kegiatan"  # WordPress "Agenda": the event category
    emoji = header(read(content, "articles/2021/tulisan-35.md"))
    assert emoji["Title"] == "🎉🎉🎉" and emoji["Slug"] == "tulisan-35"
    # WordPress names a post whose title has no letters by its number: not a slug for us.
    assert header(read(content, "articles/2021/tulisan-36.md"))["Title"] == "?!"
    # Two drafts with the same title on the same day: two files, the second one numbered.
    first = read(content, "articles/2022/rapat-koordinasi.md")
    second = read(content, "articles/2022/rapat-koordinasi-2.md")
    assert "Rapat pertama." in first and "Rapat kedua." in second
    assert (
        "slug `rapat-koordinasi` sudah dipakai; diberi `rapat-koordinasi-2`" in report.read_text()
    )


def test_english_post_whose_original_is_private_or_a_draft(imported):
    content, _report, _out = imported
    alone = header(read(content, "articles/2022/internal-budget-notes.en.md"))
    assert alone["Lang"] == "en" and alone["Slug"] == "internal-budget-notes"
    assert not (content / "articles/2022/internal-budget-notes.md").exists()
    paired = header(read(content, "articles/2022/rencana-pameran-buku.en.md"))
    assert paired["Slug"] == "rencana-pameran-buku" and "Status" not in paired
    assert header(read(content, "articles/2022/rencana-pameran-buku.md"))["Status"] == "draft"


def test_an_export_without_base_site_url(tmp_path):
    """Some exports name the site only in the channel's <link>: photos and links still
    belong to it."""
    export = tmp_path / "export.xml"
    text = EXPORT.read_text(encoding="utf-8")
    export.write_text(re.sub(r"\s*<wp:base_(site|blog)_url>[^<]*</wp:base_\1_url>", "", text))
    assert "base_site_url" not in export.read_text()
    content = tmp_path / "content"
    content.mkdir()
    result = run_import(export, "--uploads", UPLOADS, "--content", content)
    assert result.returncode == 0, result.stderr
    laporan = read(content, LAPORAN + ".md")
    assert f"[lomba Duta Baca]({{filename}}/{LOMBA}.md)" in laporan
    assert (content / LAPORAN / "laporan-tahunan-2021.pdf").is_file()
    assert (content / BIMTEK / "dokumen-1.jpg").is_file()


def test_the_sample_sites_articles_and_redirects_are_named_never_removed(tmp_path):
    """A library imports into the project as it comes: the sample's articles and its
    redirects.csv lines are still there. The import names them and deletes nothing."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    sample_line = "/?p=10,{filename}articles/2020/bimtek-transformasi-perpustakaan.md"
    (content / "redirects.csv").write_text(f"old,new\n# the sample's\n{sample_line}\n")
    before = snapshot(content)
    samples = sorted(p for p in before if p.startswith("articles/") and p.endswith(".md"))
    report = tmp_path / "r.md"
    result = run_import(EXPORT, "--uploads", UPLOADS, "--content", content, "--report", report)
    assert result.returncode == 0, result.stderr
    assert (
        f"content/articles/ sudah berisi {len(samples)} artikel sebelum impor ini" in result.stdout
    )
    assert "articles/2020/bimtek-transformasi-perpustakaan.en.md" in result.stdout
    text = report.read_text()
    todo = next(line for line in text.splitlines() if "sudah berisi" in line)
    assert all(f"`{path}`" in todo for path in samples)
    assert "`content/pages/tentang.md`" in todo
    # Nothing removed or changed; redirects.csv only extended, its old line kept.
    after = snapshot(content)
    assert {p: h for p, h in after.items() if p in before and p != "redirects.csv"} == {
        p: h for p, h in before.items() if p != "redirects.csv"
    }
    redirects = (content / "redirects.csv").read_text()
    assert sample_line in redirects and redirects.count("/?p=10,") == 1
    assert (
        "Alamat lama `/?p=10` sudah ada di `redirects.csv` sebelum impor ini, menuju "
        "`{filename}articles/2020/bimtek-transformasi-perpustakaan.md`; impor ingin "
        f"mengarahkannya ke `{{filename}}{BIMTEK}.md`" in text
    )
    # A second run does not count its own first run's articles as "before".
    again = run_import(EXPORT, "--uploads", UPLOADS, "--content", content, "--report", report)
    assert f"sudah berisi {len(samples)} artikel sebelum impor ini" in again.stdout


# --- Small exports written by the tests -----------------------------------------------

SITE = "https://perpusda.example.id"


def post(
    post_id,
    body="<p>Isi.</p>",
    *,
    title=None,
    name=None,
    kind="post",
    status="publish",
    terms=(),
    date="2021-05-01 08:00:00",
    date_gmt="2021-05-01 01:00:00",
    link=None,
    parent=0,
    attachment_url="",
    meta=None,
):
    """One <item> of a WXR export; ``terms`` are (domain, nicename, name)."""
    name = name if name is not None else f"tulisan-{post_id}"
    link = link if link is not None else f"{SITE}/2021/05/01/{name}/"
    categories = "".join(
        f'<category domain="{d}" nicename="{n}"><![CDATA[{label}]]></category>'
        for d, n, label in terms
    )
    metas = "".join(
        f"<wp:postmeta><wp:meta_key>{k}</wp:meta_key><wp:meta_value><![CDATA[{v}]]></wp:meta_value></wp:postmeta>"
        for k, v in (meta or {}).items()
    )
    return (
        f"<item><title>{title or f'Tulisan {post_id}'}</title><link>{link}</link>"
        f"<dc:creator>admin</dc:creator><content:encoded><![CDATA[{body}]]></content:encoded>"
        f"<excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>{post_id}</wp:post_id>"
        f"<wp:post_date>{date}</wp:post_date><wp:post_date_gmt>{date_gmt}</wp:post_date_gmt>"
        f"<wp:post_name>{name}</wp:post_name><wp:status>{status}</wp:status>"
        f"<wp:post_parent>{parent}</wp:post_parent><wp:post_type>{kind}</wp:post_type>"
        f"<wp:attachment_url>{attachment_url}</wp:attachment_url>{categories}{metas}</item>"
    )


PRINCIPLE = ("post_tag", "asas-kemitraan", "Asas Kemitraan")


def small_export(folder, *items, terms=""):
    """``folder``/export.xml with ``items`` (see ``post``) and the channel's ``terms``."""
    path = Path(folder) / "export.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">'
        f"<channel><title>Perpus</title><link>{SITE}</link><wp:wxr_version>1.2</wp:wxr_version>"
        f"<wp:base_site_url>{SITE}</wp:base_site_url>{terms}{''.join(items)}</channel></rss>",
        encoding="utf-8",
    )
    return path


def import_small(tmp_path, *items, terms="", uploads=None, content=None):
    """Import a small export into ``tmp_path``/content: (content, report text, stdout)."""
    content = content or tmp_path / "content"
    content.mkdir(exist_ok=True)
    export = small_export(tmp_path, *items, terms=terms)
    args = [export, "--content", content, "--report", tmp_path / "r.md"]
    if uploads is not None:
        args += ["--uploads", uploads]
    result = run_import(*args)
    assert result.returncode == 0, result.stdout + result.stderr
    return content, (tmp_path / "r.md").read_text(encoding="utf-8"), result.stdout


def test_upload_addresses_never_reach_out_of_the_uploads_folder(tmp_path):
    """An export is a file from elsewhere: ``..``, an absolute path or a symlink in the
    uploads copy must not copy a file from outside it into content/."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("RAHASIA")
    (outside / "secret.pdf").write_text("RAHASIA")
    (outside / "foto.jpg").write_bytes((UPLOADS / "2021/03/lomba.jpg").read_bytes())
    uploads = tmp_path / "uploads"
    (uploads / "2021").mkdir(parents=True)
    (uploads / "2021" / "link.pdf").symlink_to(outside / "secret.pdf")
    (uploads / "2021" / "link.jpg").symlink_to(outside / "foto.jpg")
    base = f"{SITE}/wp-content/uploads"
    body = (
        f'<p><a href="{base}/..%2Foutside%2Fsecret.txt">a</a> '
        f'<a href="{base}/2021/../../outside/secret.pdf">b</a> '
        f'<a href="{base}//{outside}/secret.pdf">c</a> '
        f'<a href="{base}/2021/link.pdf">d</a> '
        f'<a href="{base}/2021/..%5C..%5Coutside%5Csecret.pdf">e</a></p>'
        f'<p><img src="{base}/2021/link.jpg" alt="x"></p>'
        f'<p><img src="{base}/..%2Foutside%2Ffoto.jpg" alt="y"></p>'
    )
    content, report, _out = import_small(
        tmp_path, post(1, body, terms=[PRINCIPLE]), uploads=uploads
    )
    written = [p for p in content.rglob("*") if p.is_file() and p.suffix != ".md"]
    assert written == [content / "redirects.csv"]
    assert "RAHASIA" not in "".join(p.read_text() for p in content.rglob("*.md"))
    assert report.count("menunjuk ke luar folder uploads") >= 5


def test_only_the_sites_languages_become_file_names(tmp_path):
    """Polylang's language slug goes into the file name: a language the site lacks (or a
    slug made to climb out of content/) is skipped and reported."""
    escaped = ("language", "en/../../../escaped", "x")
    content, report, _out = import_small(
        tmp_path,
        post(1, terms=[PRINCIPLE, ("language", "jv", "Basa Jawa")], title="Warta Jawa"),
        post(2, terms=[PRINCIPLE, escaped], title="Lolos"),
        post(3, terms=[PRINCIPLE, ("language", "en", "English")], title="English one"),
    )
    names = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.md"))
    assert names == ["content/articles/2021/tulisan-3.en.md", "r.md"]
    assert '"Warta Jawa" (WordPress 1): bahasa `jv` tidak ada di situs ini' in report
    assert "(WordPress 2): bahasa `en/../../../escaped` tidak ada" in report


def test_written_files_get_the_usual_mode_not_mkstemps(tmp_path):
    """mkstemp creates 0600 files: the web server and the other editors could not read them."""
    old = os.umask(0o022)
    try:
        content, _report, _out = import_small(
            tmp_path,
            post(
                1,
                f'<p><img src="{SITE}/wp-content/uploads/2021/03/lomba.jpg" alt="a"></p>',
                terms=[PRINCIPLE],
            ),
            uploads=UPLOADS,
        )
    finally:
        os.umask(old)
    for path in (
        content / "articles/2021/tulisan-1.md",
        content / "articles/2021/tulisan-1/lomba.jpg",
        content / "redirects.csv",
        tmp_path / "r.md",
    ):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path


def redirect_rows(content):
    lines = (content / "redirects.csv").read_text(encoding="utf-8").splitlines()
    return dict(tuple(row) for row in csv.reader(l for l in lines if not l.startswith("#")))


def settings_of_the_project(**overrides):
    """pelicanconf.py's settings as the task reads them, with ``overrides``."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from warta.facts import settings_with_defaults

    values = runpy.run_path(str(ROOT / "pelicanconf.py"))
    settings = settings_with_defaults({k: v for k, v in values.items() if k.isupper()})
    return {**settings, **overrides}


def import_in_process(tmp_path, *items, terms="", **overrides):
    from warta.wordpress import import_wordpress

    content = tmp_path / "content"
    content.mkdir(exist_ok=True)
    export = small_export(tmp_path, *items, terms=terms)
    import_wordpress(
        export,
        content,
        settings_of_the_project(**overrides),
        report=tmp_path / "r.md",
        say=lambda _line: None,
    )
    return content


def test_a_second_run_sends_old_addresses_where_the_first_did(tmp_path):
    """The category mapping is decided from the export, not from what a run happened to
    write: a second run (every article already there) gives the same redirects."""
    items = [post(1, terms=[PRINCIPLE, ("category", "pojok-baca", "Pojok Baca")])]
    terms = (
        "<wp:category><wp:term_id>4</wp:term_id><wp:category_nicename>pojok-baca"
        "</wp:category_nicename><wp:cat_name>Pojok Baca</wp:cat_name></wp:category>"
    )
    content, _report, _out = import_small(tmp_path, *items, terms=terms)
    first = redirect_rows(content)
    assert first["/category/pojok-baca/"] == "{tag}pojok-baca"
    (content / "redirects.csv").unlink()
    import_small(tmp_path, *items, terms=terms)
    assert redirect_rows(content) == first


def test_feed_and_archive_addresses_follow_the_url_settings(tmp_path):
    english = ("language", "en", "English")
    content = import_in_process(
        tmp_path,
        post(1, terms=[PRINCIPLE, ("post_tag", "rak", "Rak Buku")]),
        post(
            2,
            terms=[PRINCIPLE, english, ("post_tag", "shelf", "Shelf")],
            name="shelf",
            link=f"{SITE}/en/2021/05/01/shelf/",
        ),
        FEED_ATOM="umpan/semua.xml",
        TAG_FEED_ATOM="umpan/tag-{slug}.xml",
        TAG_URL="label/{slug}/",
    )
    rows = redirect_rows(content)
    assert rows["/feed/"] == "/umpan/semua.xml" and rows["/en/feed/"] == "/en/umpan/semua.xml"
    assert rows["/tag/rak/feed/"] == "/umpan/tag-rak-buku.xml"
    assert rows["/en/tag/shelf/"] == "{tag}shelf"  # resolved in English by the build
    assert rows["/?tag=shelf"] == "/en/label/shelf/"  # a query has no language: the path


def test_a_wrong_category_table_is_explained_before_anything_is_written(tmp_path):
    from warta.wordpress import WordPressError
    from warta.wordpress.messages import text

    with pytest.raises(WordPressError) as error:
        import_in_process(tmp_path, post(1), WARTA_WORDPRESS_CATEGORIES={"berita": "kabar"})
    message = text("id", error.value.key, **error.value.values)
    assert '"berita" ke "kabar", padahal itu bukan kategori situs ini' in message
    assert list((tmp_path / "content").iterdir()) == []


def test_plain_permalinks_with_polylang_keep_only_the_post_id(tmp_path):
    """Plain permalinks with Polylang: /?p=11&lang=en. The redirects plugin matches one
    query value, so the line is /?p=11."""
    content, _report, _out = import_small(
        tmp_path,
        post(
            11, terms=[PRINCIPLE, ("language", "en", "English")], link=f"{SITE}/?p=11&amp;lang=en"
        ),
        post(12, kind="page", link=f"{SITE}/?page_id=12&amp;lang=id", name="profil"),
    )
    text = (content / "redirects.csv").read_text()
    assert "lang=" not in text
    rows = redirect_rows(content)
    assert rows["/?p=11"] == "{filename}articles/2021/tulisan-11.en.md"
    assert rows["/?page_id=12"] == "{filename}pages/profil.md"


def test_archives_feeds_authors_and_documents_have_redirects(tmp_path):
    uploads = tmp_path / "uploads"
    (uploads / "2021/05").mkdir(parents=True)
    (uploads / "2021/05/jadwal.pdf").write_bytes(b"%PDF-1.4 jadwal")
    child = ("category", "anak", "Kegiatan Anak")
    body = f'<p><a href="{SITE}/wp-content/uploads/2021/05/jadwal.pdf">Jadwal</a></p>'
    items = [post(1, body, terms=[PRINCIPLE, child])]
    items += [post(n, terms=[PRINCIPLE, child]) for n in range(2, 13)]
    terms = (
        "<wp:category><wp:term_id>20</wp:term_id><wp:category_nicename>kegiatan"
        "</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>Kegiatan"
        "</wp:cat_name></wp:category><wp:category><wp:term_id>21</wp:term_id>"
        "<wp:category_nicename>anak</wp:category_nicename><wp:category_parent>kegiatan"
        "</wp:category_parent><wp:cat_name>Kegiatan Anak</wp:cat_name></wp:category>"
    )
    content, _report, _out = import_small(tmp_path, *items, terms=terms, uploads=uploads)
    rows = redirect_rows(content)
    anak = rows["/category/kegiatan/anak/"]
    assert anak == "{tag}kegiatan-anak"
    for old in ("/category/kegiatan/anak/feed/", "/category/kegiatan/anak/feed/atom/"):
        assert rows[old] == "/feeds/tag/kegiatan-anak.atom.xml"
    assert rows["/category/kegiatan/anak/page/2/"] == anak
    for old in ("/?feed=rss2", "/feed/rss2/", "/feed/atom/"):
        assert rows[old] == "/feeds/all.atom.xml"
    assert rows["/page/2/"] == "{index}" and "/page/3/" not in rows  # 12 posts, 10 a page
    assert rows["/2021/"] == "/arsip/2021/"
    assert rows["/2021/05/"] == "/arsip/2021/#2021-05"  # the month on the year page
    assert rows["/author/admin/"] == "{index}"
    assert rows["/wp-content/uploads/2021/05/jadwal.pdf"] == (
        "{static}articles/2021/tulisan-1/jadwal.pdf"
    )


def test_a_translation_takes_its_originals_category(tmp_path):
    pair = (
        "<wp:term><wp:term_id>50</wp:term_id><wp:term_taxonomy>post_translations"
        '</wp:term_taxonomy><wp:term_slug>pll_1</wp:term_slug><wp:term_description><![CDATA[a:2:{s:2:"id";i:1;s:2:"en";i:2;}]]>'
        "</wp:term_description></wp:term>"
    )
    content, report, _out = import_small(
        tmp_path,
        post(1, terms=[PRINCIPLE, ("category", "kegiatan", "Kegiatan"), ("language", "id", "id")]),
        post(2, terms=[PRINCIPLE, ("category", "news", "News"), ("language", "en", "English")]),
        terms=pair,
    )
    assert header(read(content, "articles/2021/tulisan-1.en.md"))["Category"] == "kegiatan"
    assert "terjemahan ini berkategori `berita`, aslinya `kegiatan`" in report


def test_slugs_that_are_section_words_get_an_indonesian_suffix(tmp_path):
    content, _report, _out = import_small(
        tmp_path,
        post(1, kind="page", name="arsip"),
        post(2, kind="page", name="feeds"),
        post(3, kind="page", name="label"),
    )
    pages = sorted(p.name for p in (content / "pages").iterdir())
    assert pages == ["arsip-halaman.md", "feeds-halaman.md", "label.md"]


def attachment(post_id, path, parent, alt="Foto"):
    return post(
        post_id,
        "",
        kind="attachment",
        status="inherit",
        parent=parent,
        name=Path(path).stem,
        attachment_url=f"{SITE}/wp-content/uploads/{path}",
        meta={"_wp_attachment_image_alt": alt},
    )


def test_a_featured_image_the_body_opens_with_is_not_shown_twice(tmp_path):
    """Bodies show a resized copy (lomba-1024x768.jpg) of the featured image (lomba.jpg):
    the same photo, so no Image: (the body's first photo leads)."""
    body = f'<p><img src="{SITE}/wp-content/uploads/2021/03/lomba-1024x768.jpg" alt="Lomba"></p><p>Isi.</p>'
    content, _report, _out = import_small(
        tmp_path,
        post(1, body, terms=[PRINCIPLE], meta={"_thumbnail_id": 100}),
        post(2, "<p>Tanpa foto.</p>", terms=[PRINCIPLE], meta={"_thumbnail_id": 100}),
        attachment(100, "2021/03/lomba.jpg", 1),
        uploads=UPLOADS,
    )
    one = read(content, "articles/2021/tulisan-1.md")
    assert "Image" not in header(one) and one.count("lomba.jpg") == 1
    assert header(read(content, "articles/2021/tulisan-2.md"))["Image"] == "tulisan-2/lomba.jpg"


def test_uploads_the_site_does_not_publish_are_not_copied(tmp_path):
    uploads = tmp_path / "uploads"
    (uploads / "2021/05").mkdir(parents=True)
    (uploads / "2021/05/arsip.zip").write_bytes(b"PK")
    (uploads / "2021/05/data.csv").write_text("a,b")
    (uploads / "2021/05/gambar.bmp").write_bytes(b"BM")
    base = f"{SITE}/wp-content/uploads/2021/05"
    body = (
        f'<p><a href="{base}/arsip.zip">unduh</a> <a href="{base}/data.csv">data</a></p>'
        f'<p><img src="{base}/gambar.bmp" alt="Bagan"></p>'
    )
    content, report, _out = import_small(
        tmp_path, post(1, body, terms=[PRINCIPLE]), uploads=uploads
    )
    assert not (content / "articles/2021/tulisan-1").exists()
    for name in ("arsip.zip", "data.csv", "gambar.bmp"):
        assert f"berkas `{name}`" in report and "bukan foto atau dokumen" in report
    assert "| dokumen disalin (PDF, DOCX, XLSX...) | 0 |" in report


def test_old_photo_addresses_only_of_published_articles(tmp_path):
    """Every old address of a photo a published article shows goes to its copy; a draft's
    photos get none (the redirects plugin stops the build for a photo nothing publishes)."""
    base = f"{SITE}/wp-content/uploads"
    content, _report, _out = import_small(
        tmp_path,
        post(
            1,
            f'<p><img src="{base}/2021/03/lomba-1024x768.jpg" alt="Lomba"></p>',
            terms=[PRINCIPLE],
        ),
        post(2, f'<p><img src="{base}/2019/05/pojok-1.jpg" alt="Pojok"></p>', status="draft"),
        uploads=UPLOADS,
    )
    rows = redirect_rows(content)
    target = "{static}articles/2021/tulisan-1/lomba.jpg"
    assert rows["/wp-content/uploads/2021/03/lomba-1024x768.jpg"] == target
    assert rows["/wp-content/uploads/2021/03/lomba.jpg"] == target
    assert not any("pojok" in old or "pojok" in new for old, new in rows.items())
    site = build(content, tmp_path / "output", WARTA_TODAY=TODAY)
    assert site.returncode == 0, site.log


def test_the_report_asks_for_the_sites_own_address(tmp_path):
    """Old links reach the new site only at the old address: while pelicanconf.py says the
    details are the sample's, the report and the terminal say what to set."""
    _content, report, out = import_small(tmp_path, post(1, terms=[PRINCIPLE]))
    assert f'`SITEURL = "{SITE}"` di `publishconf.py`' in report
    assert "`WARTA_LIBRARY`" in report and "`SITENAME`" in report
    assert "`AUTHOR`" in report and '`WARTA_DEPLOY["host"]`' in report
    assert f'Tulis SITEURL = "{SITE}" di publishconf.py' in out


def body_of(content, relative="articles/2021/tulisan-1.md"):
    return read(content, relative).split("\n\n", 1)[1]


def test_classic_editor_html_the_way_wordpress_shows_it(tmp_path):
    html = (
        "Langkah pendaftaran:\n<ol>\n\t<li>Isi formulir</li>\n\t<li>Serahkan KTP</li>\n</ol>\n"
        "Selesai.\n\n<!--more-->\nBaris satu\nbaris dua\n\n"
        f'[caption id="a" align="alignnone" caption="Rak lama"]<img src="{SITE}/wp-content/uploads/2021/03/lomba.jpg" alt="Rak">[/caption]\n\n'
        "Tulis &lt;b&gt; untuk tebal &amp;copy; [x](y) tetap teks.\n\n"
        "<table><tr><td>Hari</td><td>Jam</td></tr><tr><td>Senin | Selasa</td><td>08.00</td></tr></table>"
    )
    content, report, _out = import_small(
        tmp_path, post(1, html, terms=[PRINCIPLE]), uploads=UPLOADS
    )
    body = body_of(content)
    assert "Langkah pendaftaran:\n\n1. Isi formulir\n2. Serahkan KTP\n\nSelesai." in body
    assert "Baris satu  \nbaris dua" in body
    assert '![Rak](tulisan-1/lomba.jpg "Rak lama")' in body
    assert "Tulis &lt;b> untuk tebal &amp;copy; [x](y) tetap teks." in body
    assert "| Hari | Jam |\n| --- | --- |\n| Senin \\| Selasa | 08.00 |" in body
    assert "[x]" not in report  # not a shortcode


def test_the_report_asks_for_the_about_page_when_it_is_gone(tmp_path):
    """WARTA_LIBRARY["about_page"] (pelicanconf.py: "tentang") names the sample's page,
    which the guide's step 0 deletes: the report says so, with the imported pages."""
    page = post(2, "<p>Profil.</p>", kind="page", name="tentang-kami", title="Tentang Kami")
    _content, report, _out = import_small(tmp_path, post(1, terms=[PRINCIPLE]), page)
    assert '`WARTA_LIBRARY["about_page"]` di `pelicanconf.py` menyebut halaman `tentang`' in report
    assert "(halaman yang diimpor: `tentang-kami`)" in report
    kept = tmp_path / "kept"
    (kept / "content" / "pages").mkdir(parents=True)
    shutil.copy(FIXTURES / "bilingual_site" / "pages" / "tentang.md", kept / "content" / "pages")
    _content, report, _out = import_small(kept, page)
    assert "about_page" not in report


def test_a_photo_glued_to_its_text_becomes_a_figure_of_its_own(tmp_path):
    """The classic editor's ``<a><img></a>Text`` in one paragraph: the photo on its own
    line, the text its own paragraph; the sizes its srcset offered are old addresses too."""
    base = f"{SITE}/wp-content/uploads/2021/03"
    html = (
        f'Sebelumnya.\n\n<a href="{base}/lomba.jpg"><img class="alignleft size-medium" '
        f'src="{base}/lomba-300x225.jpg" alt="" srcset="{base}/lomba-300x225.jpg 300w, '
        f'{base}/lomba-768x576.jpg 768w" /></a>Dispusip Ketapang meresmikan '
        "<strong>Pojok Baca</strong>, Senin (5/2/2024).\nPengunjung membaca.\n\n"
        f'Di tengah <img src="{base}/lomba.jpg" alt="Lomba"> kalimat.'
    )
    content, report, _out = import_small(
        tmp_path, post(1, html, terms=[PRINCIPLE]), uploads=UPLOADS
    )
    body = body_of(content)
    assert (
        "Sebelumnya.\n\n![lomba](tulisan-1/lomba.jpg)\n\nDispusip Ketapang meresmikan "
        "**Pojok Baca**, Senin (5/2/2024).  \nPengunjung membaca.\n\n"
        "Di tengah\n\n![Lomba](tulisan-1/lomba.jpg)\n\nkalimat.\n"
    ) in body
    assert "foto `tulisan-1/lomba.jpg` tidak punya deskripsi (alt)" in report
    rows = redirect_rows(content)
    assert rows["/wp-content/uploads/2021/03/lomba-768x576.jpg"] == (
        "{static}articles/2021/tulisan-1/lomba.jpg"
    )


def test_galleries_videos_and_files_leave_nothing_behind_silently(tmp_path):
    base = f"{SITE}/wp-content/uploads"
    html = (
        '<p>Semua foto:</p>\n\n[gallery]\n\n[gallery ids="101,999"]\n\n'
        f'<!-- wp:video --><figure class="wp-block-video"><video controls src="{base}/2021/05/lomba.mp4"></video>'
        "<figcaption>Video lomba</figcaption></figure><!-- /wp:video -->\n\n"
        f'<!-- wp:file --><div class="wp-block-file"><a href="{base}/2021/12/laporan-tahunan-2021.pdf">'
        f'Laporan-Tahunan-2021</a><a href="{base}/2021/12/laporan-tahunan-2021.pdf" '
        'class="wp-block-file__button" download>Unduh</a></div><!-- /wp:file -->'
    )
    content, report, _out = import_small(
        tmp_path,
        post(1, html, terms=[PRINCIPLE]),
        attachment(101, "2021/03/lomba.jpg", 1, alt="Lomba"),
        attachment(102, "2019/05/pojok-1.jpg", 1, alt="Pojok"),
        uploads=UPLOADS,
    )
    body = body_of(content)
    assert "![Lomba](tulisan-1/lomba.jpg)\n![Pojok](tulisan-1/pojok-1.jpg)\n" in body
    assert "foto nomor 999" in report
    assert f"[Video lomba]({base}/2021/05/lomba.mp4)" in body
    assert "berkas `lomba.mp4`" in report
    assert body.count("laporan-tahunan-2021.pdf") == 1 and "Unduh" not in body
    assert "[Laporan-Tahunan-2021]({static}tulisan-1/laporan-tahunan-2021.pdf)" in body


def test_the_report_in_plain_words(tmp_path):
    """Nothing skipped: no empty heading. A missing photo by its place in the uploads copy,
    the languages by their Indonesian names, drafts without a date dated and said so."""
    pair = (
        "<wp:term><wp:term_id>50</wp:term_id><wp:term_taxonomy>post_translations"
        '</wp:term_taxonomy><wp:term_slug>pll_1</wp:term_slug><wp:term_description><![CDATA[a:2:{s:2:"id";i:1;s:2:"en";i:2;}]]>'
        "</wp:term_description></wp:term>"
    )
    missing = f'<p><img src="{SITE}/wp-content/uploads/2021/05/tidak-ada.jpg" alt="x"></p>'
    _content, report, out = import_small(
        tmp_path,
        post(1, missing, terms=[PRINCIPLE]),
        post(2, terms=[PRINCIPLE, ("language", "en", "English")]),
        post(3, status="draft", date="0000-00-00 00:00:00", date_gmt="0000-00-00 00:00:00"),
        terms=pair,
        uploads=UPLOADS,
    )
    assert "## Dilewati" not in report
    assert "foto `wp-content/uploads/2021/05/tidak-ada.jpg` tidak ada" in report
    assert "Terjemahan bahasa Inggris dari `articles/2021/tulisan-1.md`" in report
    assert "| pasangan terjemahan Indonesia/Inggris (Polylang) | 1 |" in report
    assert "draf ini tidak punya tanggal sama sekali di WordPress" in report
    (draft,) = (tmp_path / "content/articles").glob("*/tulisan-3.md")
    assert not header(draft.read_text())["Date"].startswith("2000")
    assert (
        "tidak punya kategori atau tag WordPress yang menyebut salah satu dari tujuh asas" in report
    )
    # redirects.csv did not exist before: nothing was "already there".
    assert "Alamat lama: 33 baru ditulis" in out and "sudah ada di berkas itu" not in out


def test_a_wordpress_in_another_time_zone_is_noticed(tmp_path):
    _content, report, _out = import_small(
        tmp_path,
        post(1, terms=[PRINCIPLE], date="2021-05-01 09:00:00", date_gmt="2021-05-01 01:00:00"),
    )
    assert "zona waktu UTC+08:00, sedangkan situs ini memakai `TIMEZONE" in report


def test_event_suggestions_in_the_usual_wording(tmp_path):
    html = "<p>Waktu: Sabtu, 20 Mei 2023 pukul 08.00 WIB</p><p>Tempat: Aula Perpustakaan Daerah</p>"
    other = "<p>Bedah buku diadakan pada Selasa, 16 Agustus 2022 di Aula Dinas Perpustakaan.</p>"
    _content, report, _out = import_small(
        tmp_path, post(1, html, terms=[PRINCIPLE]), post(2, other, terms=[PRINCIPLE])
    )
    assert "`Event_start: 2023-05-20 08:00`" in report
    assert "`Event_location: Aula Perpustakaan Daerah`" in report
    assert "`Event_start: 2022-08-16`" in report
    assert "`Event_location: Aula Dinas Perpustakaan`" in report


def test_event_suggestions_read_addresses_news_dates_and_descriptions(tmp_path):
    """A street address's abbreviations ("Jl.", "No.") do not end the place; a participants
    line that describes (lowercase, "III–VI") is no list of names; "Kamis (9/2/2023)"."""
    html = (
        "<p>Tempat: Aula Perpustakaan Daerah, Jl. Letjend. R. Suprapto No. 12, Ketapang</p>"
        "<p>Peserta: siswa kelas III–VI, satu orang per sekolah.</p>"
    )
    visit = "<p>Mobil pustaka singgah di SDN 3 Ketapang, Kamis (9/2/2023). Lebih dari 80 buku.</p>"
    _content, report, _out = import_small(
        tmp_path, post(1, html, terms=[PRINCIPLE]), post(2, visit, terms=[PRINCIPLE])
    )
    assert "`Event_location: Aula Perpustakaan Daerah`" in report
    assert "`Event_address: Jl. Letjend. R. Suprapto No. 12, Ketapang`" in report
    assert "Participants" not in report and "III--VI" not in report
    assert "`Event_start: 2023-02-09`" in report


# --- The imported old addresses in a real server ---------------------------------------


@pytest.fixture(scope="module")
def imported_in_nginx(imported, tmp_path_factory, photo_cache):
    """The imported fixture built as `invoke publish` builds it and served by Debian's
    nginx with the shipped server/nginx.conf and the redirect rules the build wrote
    (the setup of tests/test_servers.py, whose helpers start and stop it)."""
    from conftest import free_port, production_build, production_overrides
    from test_servers import NGINX, need, nginx_command, start, stop

    need(NGINX, "nginx")
    content, _report, _out = imported
    folder = Path(tempfile.mkdtemp(prefix="warta-wp-nginx-"))
    folder.chmod(0o755)
    port = free_port()
    output = production_build(content, folder / "output", production_overrides(port, photo_cache))
    for path in [folder, *folder.rglob("*")]:  # nginx's workers read it as nobody
        path.chmod(0o755 if path.is_dir() else 0o644)
    command = nginx_command(folder, output, port)
    process = start(command, port, folder)
    yield f"http://127.0.0.1:{port}", output
    stop(process)
    shutil.rmtree(folder, ignore_errors=True)


def moved(base, old):
    """Ask the server at ``base`` for ``old``: it must answer 301. Returns the open
    connection and where it sends the reader, from the site's root."""
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.request("GET", old)
    response = connection.getresponse()
    response.read()
    assert response.status == 301, (old, response.status)
    return connection, response.headers["Location"].removeprefix(base)


@pytest.mark.slow
@pytest.mark.parametrize(
    "old, new",
    [
        (
            "/2020/07/30/perpustakaan-daerah-rejang-lebong-transformasi-perpustakaan-berbasis-inklusi-sosial/",
            f"/2020/07/{BIMTEK.split('/')[-1]}/",
        ),
        ("/?p=10", f"/2020/07/{BIMTEK.split('/')[-1]}/"),
        ("/?attachment_id=20", f"/2020/07/{BIMTEK.split('/')[-1]}/"),
        ("/?tag=bimtek", "/tag/bimtek/"),
        ("/2021/", "/arsip/2021/"),
        ("/2021/03/", "/arsip/2021/#2021-03"),
        (
            "/wp-content/uploads/2021/12/laporan-tahunan-2021.pdf",
            f"/{LAPORAN}/laporan-tahunan-2021.pdf",
        ),
    ],
)
def test_imported_old_addresses_answer_in_nginx(imported_in_nginx, old, new):
    base, output = imported_in_nginx
    connection, location = moved(base, old)
    assert location == new
    path, _hash, fragment = new.partition("#")
    connection.request("GET", path)
    landed = connection.getresponse()
    page = landed.read()
    assert landed.status == 200, new
    assert not fragment or f'id="{fragment}"'.encode() in page  # the month is on the page


@pytest.mark.slow
@pytest.mark.parametrize(
    "old, article",
    [
        ("/wp-content/uploads/2021/03/lomba.jpg", f"/images/2021/{LOMBA.split('/')[-1]}/"),
        ("/wp-content/uploads/2021/03/lomba-1024x768.jpg", f"/images/2021/{LOMBA.split('/')[-1]}/"),
        (
            "/wp-content/uploads/2020/07/dokumen-3-300x225.jpg",
            f"/images/2020/{BIMTEK.split('/')[-1]}/",
        ),
    ],
)
def test_imported_old_photo_addresses_answer_in_nginx(imported_in_nginx, old, article):
    """An old photo address (the original or a resized copy) answers with the photo, in
    the published article's photo folder (the redirects plugin's largest version)."""
    base, _output = imported_in_nginx
    connection, new = moved(base, old)
    assert new.startswith(article) and new.endswith((".jpg", ".webp")), new
    connection.request("GET", new)
    landed = connection.getresponse()
    landed.read()
    assert landed.status == 200 and landed.headers["Content-Type"].startswith("image/"), new
