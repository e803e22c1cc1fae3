"""A new article, written as a filled-in template of the content contract.

Used by ``invoke new``. A new article starts as a draft, so its placeholder
text can never reach the public site before an editor has replaced it.
"""

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from warta.facts import EVENT_FIELDS, TITLE_MAX, photo_folder, slug_of

# Where photos go and how to show them, as a note: an HTML comment, which the
# contract's reader drops (never published) and whose example it does not check.
PHOTO_HINT = """<!-- Foto: simpan foto dari ponsel di folder content/articles/{folder}/ (di samping berkas ini),
lalu tulis di tempat foto harus tampil:

![Apa yang terlihat di foto]({slug}/foto-1.jpg "Keterangan di bawah foto")

Beberapa foto berturut-turut, satu per baris tanpa baris kosong di antaranya, menjadi galeri.
Foto utama (di atas artikel dan di daftar berita): tambahkan di kepala berkas
Image: {slug}/foto-1.jpg
Image_alt: Apa yang terlihat di foto
Catatan di dalam tanda komentar seperti ini tidak pernah diterbitkan. -->"""

# The example texts a new article starts with: the contract names each one left
# (a warning in a draft, an error once the article would be published).
SUMMARY = "Satu atau dua kalimat tentang apa yang terjadi."
SUMMARY_EN = "One or two sentences that say what happened."
BODY = "Tulis isi artikel di sini."
BODY_EN = "Write the translation here."
LOCATION = "Tulis tempat kegiatan"
PARTICIPANTS = "Nama Peserta Pertama; Nama Peserta Kedua"
PLACEHOLDERS = (SUMMARY, SUMMARY_EN, BODY, BODY_EN, LOCATION, PARTICIPANTS)

COPIED_FROM_ORIGINAL = ("slug", "date", "category", "tags", *EVENT_FIELDS)


class ScaffoldError(Exception):
    """Why no file was written: a key of the messages in ``tasks.py`` and its values."""

    def __init__(self, key, **values):
        super().__init__(key)
        self.key, self.values = key, values


def read_header(path):
    """The Markdown header of ``path`` as {lower-case key: value}."""
    header = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            break
        match = re.match(r"([A-Za-z_]+):\s*(.*)", line)
        if match:
            header[match.group(1).lower()] = match.group(2).strip()
    return header


def find_article(articles_dir, slug, lang):
    for path in sorted(Path(articles_dir).rglob("*.md")):
        header = read_header(path)
        if header.get("slug") == slug and header.get("lang", lang) == lang:
            return path, header
    return None, None


def render(fields, body):
    lines = [f"{key[:1].upper()}{key[1:]}: {value}" for key, value in fields.items()]
    return "\n".join(lines) + "\n\n" + body + "\n"


def new_article(
    articles_dir,
    title,
    *,
    now,
    author,
    main_lang="id",
    event=False,
    translation_of=None,
    lang="en",
    category="berita",
    event_category="kegiatan",
):
    """Write a new article file and return its path; ScaffoldError if it cannot.
    ``category`` and ``event_category`` come from the settings (DEFAULT_CATEGORY,
    WARTA_EVENT_CATEGORY)."""
    articles_dir = Path(articles_dir)
    title = " ".join(title.split())  # a newline would start a header line of its own
    if not title:
        raise ScaffoldError("empty_title")
    if title.startswith("-"):
        raise ScaffoldError("title_is_option", title=title)
    if len(title) > TITLE_MAX:
        raise ScaffoldError("long_title", length=len(title), most=TITLE_MAX)
    if translation_of:
        original_path, original = find_article(articles_dir, translation_of, main_lang)
        if original_path is None:
            raise ScaffoldError("no_original", slug=translation_of, lang=main_lang)
        path = original_path.with_name(f"{original_path.stem}.{lang}.md")
        fields = {"title": title, "lang": lang}
        fields.update({k: original[k] for k in COPIED_FROM_ORIGINAL if k in original})
        fields["author"] = original.get("author", author)
        fields["summary"] = SUMMARY_EN
        fields["status"] = "draft"
        body = BODY_EN
    else:
        # Symbols only ("!!!") leave no slug: the date and time give one.
        slug = slug_of(title) or f"artikel-{now:%Y-%m-%d-%H%M}"
        path = articles_dir / f"{now:%Y}" / f"{slug}.md"
        fields = {
            "title": title,
            "date": f"{now:%Y-%m-%d %H:%M}",
            "lang": main_lang,
            "slug": slug,
            "category": event_category if event else category,
            "tags": "",
            "author": author,
            "summary": SUMMARY,
            "status": "draft",
        }
        if event:
            today = f"{now:%Y-%m-%d}"
            fields.update(
                event=title,
                event_start=today,
                event_end=today,
                event_organizer=author,
                event_location=LOCATION,
                event_address="",  # the street address; empty: none yet
                event_attendance="offline",
                event_url="",  # the online link, for online or mixed events
                participants=PARTICIPANTS,
            )
        body = BODY + " Hapus baris `Status: draft` bila artikel siap terbit."
        body += "\n\n" + PHOTO_HINT.format(folder=f"{now:%Y}/{slug}", slug=slug)
    if path.exists():
        shown = path.relative_to(articles_dir.parent).as_posix()  # as the contract names files
        raise ScaffoldError("exists", path=shown)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not translation_of:
        photo_folder(path).mkdir(exist_ok=True)
    path.write_text(render(fields, body), encoding="utf-8")
    return path


def now_in(timezone):
    return datetime.now(ZoneInfo(timezone))
