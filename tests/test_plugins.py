"""Unit tests for our plugin code: pure functions with plain asserts."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from babel.messages.mofile import read_mo
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Tag

from warta import addresses, contract, events, facts, multilingual, taxonomy

SETTINGS = {**DEFAULT_CONFIG, "WARTA_PRINCIPLES": facts.PRINCIPLES}
PRINCIPLES = facts.principles(SETTINGS)


@pytest.mark.parametrize(
    "text, slug",
    [
        ("kemitraan", "kemitraan"),
        ("Kemitraan", "kemitraan"),
        ("  KEMITRAAN ", "kemitraan"),
        ("Pembelajaran Sepanjang Hayat", "pembelajaran-sepanjang-hayat"),
        ("pembelajaran  sepanjang_hayat", "pembelajaran-sepanjang-hayat"),
        ("openness", "keterbukaan"),
        ("Lifelong Learning", "pembelajaran-sepanjang-hayat"),
        ("bimtek", None),
        ("keterbukan", None),  # a near miss is not a match (issue 3 suggests the fix)
    ],
)
def test_match_term(text, slug):
    term = facts.match_term(text, PRINCIPLES)
    assert (term.slug if term else None) == slug


def test_canonical_tags_localise_principles_and_drop_duplicates():
    tags = [Tag(name, SETTINGS) for name in ("Kemitraan", "bimtek", "kemitraan", "openness")]
    result = taxonomy.canonical_tags(tags, PRINCIPLES, "en", SETTINGS)
    assert [(t.slug, t.name) for t in result] == [
        ("kemitraan", "Partnership"),
        ("bimtek", "bimtek"),
        ("keterbukaan", "Openness"),
    ]


def valid_settings(**changes):
    settings = {
        "DEFAULT_LANG": "id",
        "WARTA_LANGUAGES": {
            lang: {
                "name": lang,
                "locale": lang,
                "date_locale": {"id": "id", "en": "en_GB"}[lang],
                "sections": {
                    "category": "c",
                    "principles": "p",
                    "page": "h",
                    "agenda": "a",
                    "search": "s",
                    "archive": "r",
                },
            }
            for lang in ("id", "en")
        },
        "WARTA_CATEGORIES": {"berita": {"id": "Berita", "en": "News"}},
        "WARTA_PRINCIPLES": facts.PRINCIPLES,
        "WARTA_LIBRARY": {"name": "Perpustakaan"},
    }
    settings.update(changes)
    return settings


def test_check_settings_accepts_the_defaults():
    facts.check_settings(valid_settings())


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"DEFAULT_LANG": "fr"}, "DEFAULT_LANG 'fr' is not in WARTA_LANGUAGES"),
        (
            {"WARTA_CATEGORIES": {"berita": {"id": "Berita"}}},
            "WARTA_CATEGORIES['berita'] has no name in ['en']",
        ),
        (
            {"WARTA_CATEGORIES": {"Berita Baru": {"id": "B", "en": "N"}}},
            "'Berita Baru' is not a slug",
        ),
        ({"WARTA_LANGUAGES": {}}, "WARTA_LANGUAGES is missing"),
        ({"WARTA_LIBRARY": {}}, "WARTA_LIBRARY has no 'name'"),
        (
            {"WARTA_LIBRARY": {"name": "P", "opening_hours": ["Senin-Jumat 08:00-16:00"]}},
            "WARTA_LIBRARY['opening_hours']: 'Senin-Jumat 08:00-16:00': 'Senin' is not a day",
        ),
        (
            {"WARTA_LIBRARY": {"name": "P", "address": {"city": "Curup"}}},
            "WARTA_LIBRARY['address'] has ['city']: its keys are street, locality",
        ),
        ({"WARTA_THEME_COLOR": "blue"}, "WARTA_THEME_COLOR 'blue' is not a colour"),
    ],
)
def test_check_settings_names_the_wrong_setting(changes, message):
    with pytest.raises(facts.SettingsError, match=message.replace("[", r"\[").replace("]", r"\]")):
        facts.check_settings(valid_settings(**changes))


def test_check_settings_wants_every_section_word():
    settings = valid_settings()
    del settings["WARTA_LANGUAGES"]["en"]["sections"]["principles"]
    with pytest.raises(facts.SettingsError, match="lacks \\['principles'\\]"):
        facts.check_settings(settings)


def test_parse_when():
    assert events.parse_when("2020-07-27", "Asia/Jakarta") == date(2020, 7, 27)
    assert events.parse_when(" 2021-03-12 08:00 ", "Asia/Jakarta") == datetime(
        2021, 3, 12, 8, 0, tzinfo=ZoneInfo("Asia/Jakarta")
    )
    for wrong in ("2022-13-45", "20200727", "27 Juli 2020", "2020-07-27T09:00"):
        with pytest.raises(ValueError):
            events.parse_when(wrong, "Asia/Jakarta")


def test_parse_participants_keeps_commas_inside_names():
    assert events.parse_participants("Dra. Hj. Nurhayati, M.Pd.; Sunarsih;; Feri Sutomo ;") == [
        "Dra. Hj. Nurhayati, M.Pd.",
        "Sunarsih",
        "Feri Sutomo",
    ]


CONTEXT = {
    "DEFAULT_LANG": "id",
    "SITEURL": "https://example.id/en",
    "WARTA_LANGUAGES": valid_settings()["WARTA_LANGUAGES"],
}


def test_local_date_uses_babel_not_the_os_locale():
    assert multilingual.local_date(CONTEXT, date(2020, 7, 30)) == "30 Juli 2020"
    assert multilingual.local_date(CONTEXT, date(2020, 7, 30), lang="en") == "30 July 2020"


@pytest.mark.parametrize(
    "url, expected",
    [
        ("", "https://example.id/en/"),
        ("2020/07/x/", "https://example.id/en/2020/07/x/"),
        ("../2020/07/x/", "https://example.id/2020/07/x/"),
        ("../theme/css/style.css", "https://example.id/theme/css/style.css"),
    ],
)
def test_absolute_url_is_clean(url, expected):
    assert multilingual.absolute_url(CONTEXT, url) == expected


def test_plain_strips_typogrify_markup():
    assert (
        multilingual.plain('Laporan <span class="caps">UU</span> &#8220;Baru&#8221;')
        == "Laporan UU “Baru”"
    )


def test_compile_catalogs_writes_a_fresh_mo(tmp_path):
    po = tmp_path / "id" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\nmsgid "Home"\nmsgstr "Beranda"\n'
    )
    multilingual.compile_catalogs(tmp_path)
    with po.with_suffix(".mo").open("rb") as mo:
        assert read_mo(mo).get("Home").string == "Beranda"


# --- The preview loop's pieces ----------------------------------------------------------


def test_the_error_page_names_every_problem_errors_first_and_escapes_them():
    from warta.serve import error_page

    log = (
        "Done: something\n"
        "articles/a.md: PERINGATAN: Date: ada di masa depan\n"
        "articles/b.md: KESALAHAN: Title: berisi HTML (<script>)\n"
    )
    words = {"title": "T", "intro": "I", "outro": "O", "labels": ("KESALAHAN", "PERINGATAN")}
    page = error_page(log, words, "id")
    assert page.index("content/articles/b.md") < page.index("content/articles/a.md")
    assert "&lt;script&gt;" in page and "<script>" not in page
    assert "Done" not in page


def test_a_crash_shows_the_end_of_the_log():
    from warta.serve import error_page

    words = {"title": "T", "intro": "I", "outro": "O", "labels": ("ERROR", "WARNING")}
    page = error_page("Traceback (most recent call last):\nKeyError: 'x'", words, "en")
    assert "KeyError: &#x27;x&#x27;" in page


def test_the_preview_says_where_to_open_it():
    from warta.serve import addresses

    assert addresses("127.0.0.1", 8000) == ["http://127.0.0.1:8000/"]
    everywhere = addresses("0.0.0.0", 8001)
    assert everywhere[-1] == "http://127.0.0.1:8001/" and all(
        a.endswith(":8001/") for a in everywhere
    )


@pytest.mark.parametrize(
    "pattern",
    [
        "{date:%Y}/{date:%m}/{slug}/",
        "{date:%Y}/{date:%-d}/{slug}.html",
        "{lang}/{category}/{author}/{slug}/",
        "{path}",
        "posts/{date.year}/{edition}-{slug}/",
        "static-address/",
    ],
)
@pytest.mark.parametrize("kind", ["article", "page"])
def test_addresses_are_pelicans_addresses(pattern, kind):
    """addresses.expand_settings writes what Pelican's own _expand_settings writes,
    for every pattern setting an article or page has."""
    from pelican.contents import Article, Page
    from pelican.urlwrappers import Author, Category

    settings = dict(DEFAULT_CONFIG, PATH="/site/content", DEFAULT_LANG="id")
    metadata = {
        "title": "Judul",
        "slug": "bimtek-2020",
        "date": datetime(2020, 7, 30, 10, tzinfo=ZoneInfo("Asia/Jakarta")),
        "lang": "en",
        "category": Category("Kegiatan Perpustakaan", settings),
        "author": Author("Sumarto", settings),
        "edition": "edisi-3",
    }
    klass = Page if kind == "page" else Article
    content = klass(
        "<p>Isi</p>",
        metadata=metadata,
        settings=settings,
        source_path="/site/content/articles/2020/bimtek.md",
    )
    for prefix in ("ARTICLE", "DRAFT", "PAGE", "DRAFT_PAGE"):
        for key in ("url", "save_as", "lang_url", "lang_save_as"):
            settings[f"{prefix}_{key}".upper()] = pattern
            wanted = addresses.pelican_expand_settings(content, key, prefix)
            assert addresses.expand_settings(content, key, prefix) == wanted
            assert addresses.expand_settings(content, key, prefix) == wanted  # remembered
    content.slug = "bimtek-2021"  # a change during the build changes the address
    assert "bimtek-2021" in addresses.expand_settings(content, "url", "ARTICLE") or (
        "{slug}" not in pattern
    )


@pytest.mark.parametrize(
    "date_format",
    [
        "%Y",
        "%-d %B %Y",
        "%a %d %b %Y, %H:%M",
        "%-m/%-d/%y %-I%p",
        "%d.%m.%Y %% %Q %-Q",  # a literal %, directives C89 lacks
        "tanggal %-d, pukul %H.%M WIB",
        "%x %X %Z %z %j %U %W %G-W%V-%u",
        "%Y/%m/%d %H:%M:%S %-Y/%-m/%-d %-H:%-M:%-S",
        "",
    ],
)
def test_strftime_is_pelicans_strftime(date_format):
    """addresses.strftime writes what pelican.utils.strftime writes, for Pelican's
    dates and Python's, naive and aware, with zeros to strip and without."""
    from pelican.utils import SafeDatetime

    jakarta = ZoneInfo("Asia/Jakarta")
    for moment in (
        datetime(2020, 7, 3, 9, 5),
        datetime(2020, 12, 30, 23, 59, tzinfo=jakarta),
        SafeDatetime(2021, 1, 1, 0, 0, tzinfo=jakarta),
        SafeDatetime(1999, 10, 10, 12, 0),
        SafeDatetime(999, 1, 2, 3, 4, 5),
        date(2022, 3, 9),
        date(45, 3, 9),
    ):
        wanted = addresses.pelican_strftime(moment, date_format)
        assert addresses.strftime(moment, date_format) == wanted
        assert addresses.strftime(moment, date_format) == wanted  # its parse remembered


def test_templates_compiled_once_are_not_shared_by_environments_that_differ():
    from jinja2 import DictLoader, Environment

    from warta.incremental import SharedBytecodeCache

    shared = SharedBytecodeCache()
    loader = DictLoader({"t.html": "{% if true %}\nja{% endif %}"})
    plain = Environment(loader=loader, bytecode_cache=shared)
    trimmed = Environment(loader=loader, bytecode_cache=shared, trim_blocks=True)
    again = Environment(loader=loader, bytecode_cache=shared)
    assert plain.get_template("t.html").render() == "\nja"
    assert trimmed.get_template("t.html").render() == "ja"
    assert again.get_template("t.html").render() == "\nja"
    assert len(shared.store) == 2  # the third environment used the first one's


@pytest.mark.parametrize(
    "text, slug",
    [
        ("Bimtek Transformasi Perpustakaan", "bimtek-transformasi-perpustakaan"),
        ("  Lomba Café & Pojok Baca!  ", "lomba-cafe-pojok-baca"),
        # Long titles are cut after the last whole word that fits, never inside one.
        (
            "Perpustakaan Daerah Rejang Lebong, Transformasi Perpustakaan Berbasis Inklusi Sosial",
            "perpustakaan-daerah-rejang-lebong-transformasi-perpustakaan-berbasis-inklusi",
        ),
        ("a" * 79 + " bc", "a" * 79),  # the word after the limit is left out whole
        ("a" * 80 + " bc", "a" * 80),  # a word that ends exactly at the limit is kept
        ("x" * 100, "x" * 80),  # one word longer than the limit: cut, there is no other way
        ("🎉🎉", ""),
        ("...!!!", ""),
    ],
)
def test_slug_of_cuts_between_words(text, slug):
    result = facts.slug_of(text)
    assert result == slug
    assert len(result) <= facts.SLUG_MAX
    assert not result or contract.SLUG.match(result)  # the contract accepts what it makes


def test_without_summary_a_card_shows_the_first_paragraph_only():
    from warta.summaries import first_paragraph

    body = (
        "<h2>Kegiatan</h2>"
        '<figure class="photo"><picture><img src="a.jpg" alt="A"></picture>'
        "<figcaption><p>Keterangan</p></figcaption></figure>"
        "<ul><li>satu</li></ul>"
        '<p><img src="b.jpg" alt="B"> Perpustakaan <strong>buka</strong> hari Sabtu.</p>'
        "<p>Paragraf kedua.</p>"
    )
    assert first_paragraph(body, 40, "…") == "Perpustakaan <strong>buka</strong> hari Sabtu."
    assert (
        first_paragraph(body, 2, "…") == "Perpustakaan <strong>buka …</strong>"
    )  # as Pelican cuts
    assert first_paragraph("<h2>Judul</h2><ul><li>x</li></ul>", 40, "…") == ""


def test_addresses_tell_equal_values_apart_as_a_format_does():
    """The same instant in two time zones, or 1 and True, are equal in Python but not
    once written: an address remembered for one is never given to the other."""
    from pelican.contents import Article

    settings = dict(DEFAULT_CONFIG, PATH="/site/content", DEFAULT_LANG="id")
    settings["ARTICLE_URL"] = "{date:%Y}/{date:%m}/{slug}/{edition}/"
    jakarta = datetime(2021, 1, 1, 1, tzinfo=ZoneInfo("Asia/Jakarta"))
    utc = datetime(2020, 12, 31, 18, tzinfo=ZoneInfo("UTC"))
    assert jakarta == utc
    made = []
    for when, edition in ((jakarta, 1), (utc, True)):
        metadata = {"title": "T", "slug": "s", "date": when, "lang": "id", "edition": edition}
        article = Article("<p>x</p>", metadata=metadata, settings=settings, source_path="/a.md")
        made.append(addresses.expand_settings(article, "url", "ARTICLE"))
        assert made[-1] == addresses.pelican_expand_settings(article, "url", "ARTICLE")
    assert made == ["2021/01/s/1/", "2020/12/s/True/"]
    settings["ARTICLE_URL"] = "{date:{fmt}}/{0}"  # what only Pelican's own way writes
    assert addresses._fields(settings["ARTICLE_URL"]) is None


def test_templates_are_not_shared_by_environments_with_other_filters():
    """Jinja folds constants through filters while it compiles."""
    from jinja2 import DictLoader, Environment, pass_context

    from warta.incremental import SharedBytecodeCache

    shared = SharedBytecodeCache()
    loader = DictLoader({"t.html": "{{ 'x'|f }}"})
    plain = Environment(loader=loader, bytecode_cache=shared)
    plain.filters["f"] = lambda value: "plain:" + value
    other = Environment(loader=loader, bytecode_cache=shared)
    other.filters["f"] = pass_context(lambda context, value: "context:" + value)
    assert plain.get_template("t.html").render() == "plain:x"
    assert other.get_template("t.html").render() == "context:x"


def test_the_librarys_name_in_each_language_fills_the_subtitles():
    from warta.library import library_text, read_library

    settings = {
        "WARTA_LIBRARY": {"name": "Perpustakaan Daerah Kaur", "names": {"en": "Kaur Library"}}
    }
    assert library_text(settings, "Berita {library}", "id") == "Berita Perpustakaan Daerah Kaur"
    assert library_text(settings, "News from the {library}", "en") == "News from the Kaur Library"
    assert library_text(settings, "Tanpa nama", "en") == "Tanpa nama"
    with pytest.raises(ValueError, match="names"):
        read_library({"WARTA_LIBRARY": {"name": "X", "names": {"en": ""}}})


def test_a_port_is_free_when_a_stopped_preview_left_connections_waiting():
    """Stopping `make serve` and starting it again at once: the connections the old
    server closed wait a minute (TIME_WAIT), and the port is free all the same; a
    port where a server listens is not."""
    import socket

    from warta.serve import port_is_free

    with socket.socket() as server:
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        assert not port_is_free("127.0.0.1", port)
        with socket.create_connection(("127.0.0.1", port)) as client:
            accepted, _ = server.accept()
            accepted.close()  # the server's side closes first: it waits
            client.recv(1)
    assert port_is_free("127.0.0.1", port)


def test_the_preview_warms_up_without_failing_on_a_settings_mistake(tmp_path):
    """The preview server loads Babel's data and compiles Markdown's expressions once
    for all its rebuilds; a mistake in the settings is the build's to report, on the
    error page, not a crash of the server before it."""
    from conftest import ROOT

    from warta.serve import warm_up

    broken = tmp_path / "pelicanconf.py"
    broken.write_text(
        (ROOT / "pelicanconf.py").read_text(encoding="utf-8").replace('"en_GB"', '"xx_NOPE"'),
        encoding="utf-8",
    )
    assert '"xx_NOPE"' in broken.read_text(encoding="utf-8")
    warm_up(broken)
    warm_up(ROOT / "pelicanconf.py")
