"""The site in a real browser: accessibility (axe-core), small screens, keyboard, search."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import screen

pytestmark = pytest.mark.slow  # Chromium and the preview server: `pytest -m 'not slow'` skips them

# Every kind of page, in both languages.
PAGES = [
    ("/", "/en/"),
    ("/2020/07/bimtek/", "/en/2020/07/bimtek/"),
    (  # photos: a lead photo, a figure and a gallery
        "/2022/02/kunjungan-perpustakaan-keliling/",
        "/en/2022/02/kunjungan-perpustakaan-keliling/",
    ),
    ("/tag/kemitraan/", "/en/tag/kemitraan/"),
    ("/asas/", "/en/principles/"),
    ("/kategori/kegiatan/", "/en/category/kegiatan/"),
    ("/agenda/", "/en/agenda/"),
    ("/arsip/", "/en/archive/"),
    ("/arsip/2022/", "/en/archive/2022/"),
    ("/tentang/", "/en/about/"),
    ("/cari/?q=Esnalianti", "/en/search/?q=Esnalianti"),
    ("/tidak-ada/", "/en/no-such-page/"),
]
ALL_PAGES = [path for pair in PAGES for path in pair]
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def visit(page, site, path):
    response = page.goto(site.base + path)
    if "?q=" in path:
        page.wait_for_selector(".search-results li", timeout=15000)
    return response


@pytest.mark.parametrize("path", ALL_PAGES)
def test_no_wcag_21_aa_violation(page, served_site, path):
    visit(page, served_site, path)
    result = Axe().run(page, options=WCAG_21_AA)
    violations = [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]])
        for v in result.response["violations"]
    ]
    assert violations == [], violations


@pytest.mark.parametrize("path", ALL_PAGES)
def test_nothing_scrolls_sideways_at_360px(page, served_site, path):
    visit(page, served_site, path)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} is {overflow}px wider than the screen"


@pytest.mark.parametrize("path", ["/", "/en/2020/07/bimtek/", "/cari/"])
def test_skip_link_is_the_first_tab_stop_and_works(page, served_site, path):
    visit(page, served_site, path)
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "[document.activeElement.className, document.activeElement.getAttribute('href')]"
    )
    assert focused == ["skip-link", "#main"]
    assert page.evaluate("document.activeElement.getBoundingClientRect().top >= 0")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("path", ["/", "/en/2020/07/bimtek/", "/cari/?q=Esnalianti"])
def test_focus_is_always_visible(page, served_site, path):
    visit(page, served_site, path)
    seen = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        element = page.evaluate_handle("document.activeElement")
        key = page.evaluate("e => e.outerHTML.slice(0, 80)", element)
        if key in seen or page.evaluate("e => e === document.body", element):
            break
        seen.add(key)
        style = page.evaluate(
            "e => { const s = getComputedStyle(e); return [s.outlineStyle, parseFloat(s.outlineWidth), s.boxShadow]; }",
            element,
        )
        visible = (style[0] != "none" and style[1] >= 2) or style[2] != "none"
        assert visible, f"no visible focus on {key}"
    assert len(seen) > 5


@pytest.mark.parametrize(
    "path, query, expected",
    [
        ("/cari/", "Esnalianti", "/2020/07/bimtek/"),
        ("/en/search/", "Esnalianti", "/en/2020/07/bimtek/"),
        ("/cari/", "Nurhayati", "/2020/07/bimtek/"),
        ("/cari/", "pojok baca", "/2021/09/pojok-baca/"),
        ("/en/search/", "service figures", "/en/2022/01/laporan/"),
    ],
)
def test_search_finds_the_right_article_in_its_language(page, served_site, path, query, expected):
    visit(page, served_site, path)
    page.fill("#search-query", query)
    page.press("#search-query", "Enter")
    page.wait_for_selector(".search-results li", timeout=15000)
    links = [a.get_attribute("href") for a in page.query_selector_all(".search-results a")]
    assert expected in links
    prefix_en = path.startswith("/en/")
    assert all(link.startswith("/en/") == prefix_en for link in links), links
    assert query in page.url.replace("+", " ").replace("%20", " ")  # linkable


def test_header_search_form_leads_to_the_search_page(page, served_site):
    visit(page, served_site, "/en/2022/01/laporan/")
    page.fill("#site-search-query", "Esnalianti")
    page.press("#site-search-query", "Enter")
    page.wait_for_selector(".search-results li", timeout=15000)
    assert page.url.startswith(served_site.base + "/en/search/?q=Esnalianti")
    first = page.query_selector(".search-results li")
    assert first.query_selector(".meta").inner_text() == "30 July 2020"  # title, date and excerpt
    assert first.query_selector("mark").inner_text().startswith("Esnalianti")


def test_search_can_be_narrowed_by_principle_and_category(page, served_site):
    visit(page, served_site, "/cari/?q=perpustakaan")
    filters = page.locator(".search-filters")
    filters.locator("summary").click()  # closed on a phone
    filters.get_by_label("Keterukuran").check()
    page.wait_for_function("document.querySelectorAll('.search-results li').length === 1")
    assert page.query_selector(".search-results a").get_attribute("href") == "/2022/01/laporan/"
    filters.get_by_label("Keterukuran").uncheck()
    filters.get_by_label("Kisah Literasi").check()
    page.wait_for_function("document.querySelectorAll('.search-results li').length === 1")
    assert page.query_selector(".search-results a").get_attribute("href") == "/2021/09/pojok-baca/"


@pytest.mark.parametrize(
    "path, heading",
    [("/tidak-ada/", "Halaman tidak ditemukan"), ("/en/nothing/", "Page not found")],
)
def test_not_found_page_in_each_language(page, served_site, path, heading):
    response = visit(page, served_site, path)
    assert response.status == 404
    assert page.inner_text("h1") == heading


@pytest.mark.parametrize("path", ["/", "/en/2020/07/bimtek/", "/asas/", "/agenda/"])
def test_pages_work_without_javascript(browser, served_site, path):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(served_site.base + path)
    assert page.inner_text("h1")
    assert page.query_selector(".site-nav a")
    context.close()


@pytest.mark.parametrize(
    "path",
    ["/2022/02/kunjungan-perpustakaan-keliling/", "/en/2022/02/kunjungan-perpustakaan-keliling/"],
)
def test_the_gallery_works_from_the_keyboard_and_loads_small_files(page, served_site, path):
    visit(page, served_site, path)
    links = page.locator(".gallery a")
    assert links.count() == 3
    links.first.focus()
    assert page.evaluate("document.activeElement.closest('.gallery') !== null")
    # A phone (360 px, this page's context) picks a small version from srcset.
    page.locator(".gallery").scroll_into_view_if_needed()
    page.wait_for_function(
        "[...document.querySelectorAll('.gallery img')].every(i => i.complete && i.currentSrc)"
    )
    chosen = page.evaluate("[...document.querySelectorAll('.gallery img')].map(i => i.currentSrc)")
    assert all(src.endswith(("-320.avif", "-640.avif")) for src in chosen), chosen
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("-1600.jpg") or page.url.endswith(".png")


def test_search_results_show_the_lead_photo(page, served_site):
    visit(page, served_site, "/en/search/?q=mobile+library")
    page.wait_for_selector(".search-results li", timeout=15000)
    [item] = [
        li
        for li in page.query_selector_all(".search-results li")
        if "kunjungan" in li.query_selector("a").get_attribute("href")
    ]
    img = item.query_selector(".card-photo img")
    assert img.get_attribute("alt") == ""  # the title beside it names the result
    page.wait_for_function("i => i.complete && i.naturalWidth > 0", arg=img)
    size = page.evaluate("i => [i.naturalWidth, i.naturalHeight].join('x')", img)
    assert f"{img.get_attribute('width')}x{img.get_attribute('height')}" == size  # no jump
    assert img.get_attribute("src").endswith("-320.jpg")


# --- Dark mode, print, search on a phone ------------------------------------------

MEDIA_PAGES = ["/", "/en/", "/2020/07/bimtek/", "/en/2020/07/bimtek/"]
MEDIA_PAGES += ["/2022/02/kunjungan-perpustakaan-keliling/", "/agenda/", "/en/agenda/"]
MEDIA_PAGES += ["/arsip/", "/en/archive/", "/tentang/", "/en/about/"]
MEDIA = {"dark": {"color_scheme": "dark"}, "print": {"media": "print"}}


@pytest.mark.parametrize("media", MEDIA)
@pytest.mark.parametrize("path", MEDIA_PAGES)
def test_dark_mode_and_print_pass_axe(page, served_site, path, media):
    page.emulate_media(**MEDIA[media])
    visit(page, served_site, path)
    paper = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert paper == ("rgb(20, 24, 28)" if media == "dark" else "rgb(255, 255, 255)")
    result = Axe().run(page, options=WCAG_21_AA)
    violations = [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]])
        for v in result.response["violations"]
    ]
    assert violations == [], violations


@pytest.mark.parametrize("path", ["/2020/07/bimtek/", "/en/2020/07/bimtek/"])
def test_print_shows_the_article_alone_with_its_links_addresses(page, served_site, path):
    visit(page, served_site, path)
    hidden = [".skip-link", ".site-search", ".site-nav", ".language-switcher", ".breadcrumb"]
    hidden += [".site-footer", ".add-to-calendar", ".translation"]
    display = "s => s.map(q => getComputedStyle(document.querySelector(q)).display)"
    assert "none" not in page.evaluate(display, hidden)  # on screen, all there
    page.emulate_media(media="print")
    assert page.evaluate(display, hidden) == ["none"] * len(hidden)
    assert page.evaluate(display, ["h1", ".event-card", ".content"]) == ["block"] * 3
    assert page.locator(".participants li").first.is_visible()  # folded on screen, printed
    after = "q => getComputedStyle(document.querySelector(q), '::after').content"
    if path == "/2020/07/bimtek/":  # the organiser's site (the English article names none)
        assert page.evaluate(after, '.event-card a[href^="https://www.perpusnas"]') == (
            '" (https://www.perpusnas.go.id)"'
        )
    # A link within the site (absolute here too) is not spelled out in the byline.
    assert page.evaluate(after, ".article header .meta a") in ("none", "normal")
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"
    assert len(page.pdf(format="A4")) > 1000  # Chromium prints it


@pytest.fixture
def phone(browser):
    """A cheap phone's screen: 360x740."""
    with screen(browser, 360, 740) as page:
        yield page


@pytest.mark.parametrize("path", ["/cari/?q=perpustakaan", "/en/search/?q=library"])
def test_search_on_a_phone_shows_results_before_the_filters(phone, served_site, path):
    visit(phone, served_site, path)
    phone.wait_for_selector(".search-filters:not([hidden])")
    assert phone.evaluate("document.querySelector('.search-filters').open") is False
    assert not phone.locator(".search-filters input").first.is_visible()
    first = phone.locator(".search-results li").first.locator(".card-title")
    assert first.bounding_box()["y"] + first.bounding_box()["height"] <= 740  # on the first screen
    # One tap opens every filter; the summary then counts those chosen.
    summary = phone.locator(".search-filters summary")
    summary.click()
    phone.locator(".search-filters input").first.check()
    assert summary.inner_text().endswith("(1)")


def test_search_on_a_wide_screen_shows_the_filters_open(page, served_site):
    page.set_viewport_size({"width": 1280, "height": 800})
    visit(page, served_site, "/cari/?q=perpustakaan")
    page.wait_for_selector(".search-filters:not([hidden])")
    assert page.locator(".search-filters input").first.is_visible()


LABELS = [
    "Waktu",
    "Penyelenggara",
    "Tempat",
    "Kehadiran",
    "When",
    "Organiser",
    "Where",
    "Attendance",
]


@pytest.mark.parametrize("path", ["/cari/?q=Esnalianti", "/en/search/?q=Esnalianti"])
def test_search_excerpts_show_the_event_cards_facts_without_its_labels(phone, served_site, path):
    visit(phone, served_site, path)
    item = phone.locator(".search-results li").filter(has=phone.locator("a[href$='/bimtek/']"))
    excerpt = item.locator("p:not(.meta)").inner_text()
    assert not [label for label in LABELS if label in excerpt], excerpt
    assert item.locator("mark").first.inner_text().startswith("Esnalianti")


@pytest.mark.parametrize(
    "path, category, summary",
    [
        ("/cari/", "Kegiatan", "Laporan Bimtek dari Perpustakaan Nasional RI."),
        ("/en/search/", "Activities", "A report on the National Library’s training."),
    ],
)
def test_search_by_filter_alone_shows_summaries_not_the_event_card(
    phone, served_site, path, category, summary
):
    visit(phone, served_site, path)
    phone.wait_for_selector(".search-filters:not([hidden])")
    phone.locator(".search-filters summary").click()
    phone.locator(".search-filters").get_by_label(category, exact=True).check()
    phone.wait_for_selector(".search-results li")
    item = phone.locator(".search-results li").filter(has=phone.locator("a[href$='/bimtek/']"))
    assert item.locator("p:not(.meta)").inner_text() == summary


def test_search_on_a_phone_shows_the_lead_photo_as_thumbnail(phone, served_site):
    visit(phone, served_site, "/cari/?q=keliling")
    item = phone.locator(".search-results li").filter(has=phone.locator("a[href*='kunjungan']"))
    img = item.locator(".card-photo img")
    img.scroll_into_view_if_needed()
    phone.wait_for_function(
        "document.querySelector('.search-results .card-photo img').naturalWidth > 0"
    )
    box = img.bounding_box()
    assert 60 <= box["width"] <= 100 and box["width"] == box["height"]  # a square thumbnail


# --- Local builds and the editor's preview loop ---------------------------------------


@pytest.fixture(scope="module")
def local_site(tmp_path_factory, fixture_content, photo_cache):
    """The fixture site built as `make serve` builds it (no address, links relative
    to each page), served on a random port from a sub-folder of the server."""
    from conftest import TODAY, build, free_port, serve

    root = tmp_path_factory.mktemp("local")
    site = build(
        fixture_content,
        root / "pratinjau" / "warta",
        SITEURL="",
        RELATIVE_URLS=True,
        WARTA_TODAY=TODAY,
        WARTA_PHOTO_CACHE=str(photo_cache),
    )
    assert site.returncode == 0, site.log
    port = free_port()
    server = serve(root, port)
    site.base = f"http://127.0.0.1:{port}/pratinjau/warta"
    yield site
    server.shutdown()


def test_a_local_build_works_in_any_folder_of_any_server(page, local_site):
    page.goto(local_site.base + "/2022/02/kunjungan-perpustakaan-keliling/")
    header = page.evaluate(
        "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
    )
    assert header == "rgb(243, 245, 247)"  # the stylesheet came from this server
    assert page.evaluate("document.querySelector('figure.photo img').naturalWidth") > 0
    page.locator('.translation a[hreflang="en"]').click()
    page.wait_for_url(local_site.base + "/en/2022/02/kunjungan-perpustakaan-keliling/")
    page.goto(local_site.base + "/cari/?q=Esnalianti")
    page.wait_for_selector(".search-results li", timeout=15000)
    link = page.query_selector(".search-results a").get_attribute("href")
    assert link == "/pratinjau/warta/2020/07/bimtek/"
    page.goto(local_site.base + "/en/agenda/")  # a subsite page: its CSS and photos too
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("system-ui")
    assert page.evaluate("[...document.images].every(i => i.complete && i.naturalWidth > 0)")


def start_preview_loop(content, target, photo_cache):
    """`invoke serve`'s loop on ``content`` into ``target``, once it answers: (process, address)."""
    import subprocess
    import sys
    import time
    import urllib.request

    from conftest import ROOT, free_port

    port = free_port()
    script = (
        "import tasks, pathlib; tasks.preview_loop('127.0.0.1', {port}, content=pathlib.Path({content!r}),"
        " target=pathlib.Path({target!r}), overrides=['WARTA_PHOTO_CACHE={cache}'])"
    ).format(port=port, content=str(content), target=str(target), cache=f'"{photo_cache}"')
    loop = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):  # the first build, then the server
        try:
            urllib.request.urlopen(base + "/", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    return loop, base


def test_the_preview_loop_shows_errors_in_the_browser_and_recovers(
    browser, tmp_path, fixture_content, photo_cache
):
    import shutil
    import time

    from photo_files import phone_photo

    content = tmp_path / "content"
    shutil.copytree(fixture_content, content)
    loop, base = start_preview_loop(content, tmp_path / "preview", photo_cache)
    try:
        page = browser.new_page(viewport={"width": 360, "height": 740})
        page.goto(base + "/2020/07/bimtek/")
        assert page.inner_text("h1").startswith("Bimtek")
        page.wait_for_timeout(1500)  # livereload's script has connected
        article = content / "articles" / "bimtek.md"
        good = article.read_text()
        article.write_text(good.replace("Category: Kegiatan", "Category: Kegiatn"))
        started = time.monotonic()
        page.wait_for_function(
            "document.querySelector('h1').textContent.includes('belum bisa dibangun')",
            timeout=20000,
        )
        broke_in = time.monotonic() - started
        problem = page.inner_text(".problems")
        assert "articles/bimtek.md" in problem and "Maksud Anda 'kegiatan'?" in problem, problem
        article.write_text(good)
        started = time.monotonic()
        page.wait_for_function(
            "document.querySelector('h1').textContent.startsWith('Bimtek')", timeout=20000
        )
        fixed_in = time.monotonic() - started
        print(
            f"error page {broke_in:.1f} s after the save, article back {fixed_in:.1f} s after the fix"
        )
        assert broke_in < 15 and fixed_in < 15, (broke_in, fixed_in)

        def shows(heading):
            page.wait_for_function(
                f"document.querySelector('h1').textContent.startsWith({heading!r})", timeout=20000
            )

        # A photo the article names but that is not there yet; copying it in is the fix,
        # and the page (not just its images) reloads.
        (content / "articles" / "bimtek").mkdir(exist_ok=True)
        article.write_text(good + "\n![Peserta baru](bimtek/baru.jpg)\n")
        shows("Situs belum bisa dibangun")
        phone_photo(content / "articles" / "bimtek" / "baru.jpg", size=(800, 600))
        shows("Bimtek")
        # A new date moves the article: its old address shows the site's own 404 page,
        # which reloads like any page when the date is put back.
        article.write_text(good.replace("Date: 2020-07-30", "Date: 2020-08-30"))
        shows("Halaman tidak ditemukan")
        article.write_text(good)
        shows("Bimtek")
        page.close()
    finally:
        loop.terminate()
        output, _ = loop.communicate(timeout=10)
    assert "Pratinjau" in output, output


def test_a_new_preview_session_starts_with_a_quick_rebuild_when_only_articles_changed(
    tmp_path, fixture_content, photo_cache
):
    import shutil
    import urllib.request

    content, target = tmp_path / "content", tmp_path / "preview"
    shutil.copytree(fixture_content, content)

    def session():
        loop, base = start_preview_loop(content, target, photo_cache)
        try:
            with urllib.request.urlopen(base + "/2020/07/bimtek/", timeout=5) as response:
                page = response.read().decode()
        finally:
            loop.terminate()
            output, _ = loop.communicate(timeout=10)
        assert "Pratinjau diperbarui" in output, output
        return page

    session()
    folder = target.stat().st_ino  # a full build swaps in a new folder; a quick one writes in it
    article = content / "articles" / "bimtek.md"
    article.write_text(article.read_text() + "\n\nKalimat dari sesi berikutnya.\n")
    assert "Kalimat dari sesi" in session()
    assert target.stat().st_ino == folder
    # A principle's text is not an article: the next session builds everything.
    explanation = content / "principles" / "id" / "demokrasi.md"
    explanation.write_text(explanation.read_text() + "\n\nPenjelasan baru.\n")
    session()
    assert target.stat().st_ino != folder


# --- The frame on a phone ------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/en/", "/2020/07/bimtek/", "/en/2020/07/bimtek/"])
def test_header_is_compact_on_a_phone(browser, served_site, path):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(served_site.base + path)
    height = page.evaluate("document.querySelector('.site-header').getBoundingClientRect().height")
    assert height <= 120, f"the header of {path} is {height}px high"
    assert not page.is_visible(".site-nav a")  # behind "Menu"
    assert page.is_visible("#site-search-query")
    context.close()


@pytest.mark.parametrize("path, key, link", [("/", "Enter", "Beranda"), ("/en/", " ", "Home")])
def test_menu_opens_and_works_from_the_keyboard_without_javascript(
    browser, served_site, path, key, link
):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(served_site.base + path)
    for _ in range(10):  # skip link, home, the other language, then "Menu"
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    assert page.evaluate("document.activeElement.textContent.trim()") == "Menu"
    page.keyboard.press(key)
    assert page.evaluate("document.querySelector('details.menu').open")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == link
    assert page.is_visible(".site-nav a")
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # the second link: the principles
    assert page.url.endswith(("/asas/", "/en/principles/"))
    context.close()


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_wide_screen_shows_the_menu_inline_and_uses_the_width(browser, served_site, path):
    wide = {"width": 1280, "height": 800}
    context = browser.new_context(java_script_enabled=False, viewport=wide)
    page = context.new_page()
    page.goto(served_site.base + path)
    assert not page.is_visible("details.menu summary")
    assert page.is_visible(".site-nav a")
    links = page.locator(".site-nav a")
    tops = {round(links.nth(i).bounding_box()["y"]) for i in range(links.count())}
    assert len(tops) == 1  # one line
    aside = page.locator(".home-aside").bounding_box()
    latest = page.locator(".home-latest").bounding_box()
    assert aside["x"] > latest["x"] + latest["width"]  # beside the latest article
    assert aside["x"] + aside["width"] > 1280 * 0.8
    context.close()


def test_the_previews_404_page_is_styled_at_any_depth(
    browser, tmp_path, fixture_content, photo_cache
):
    """The preview answers a missing /2023/05/ with the site's own 404 page, written for
    the root (a local build's links are relative): its stylesheet, logo and links must
    work from the depth asked for."""
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request

    from conftest import ROOT, free_port, local_build

    site = local_build(fixture_content, tmp_path / "output", photo_cache)
    assert site.returncode == 0, site.log
    port = free_port()
    script = (
        "import sys, pathlib; sys.path.insert(0, 'plugins'); from warta.serve import PreviewServer;"
        f" PreviewServer(pathlib.Path({str(tmp_path / 'no-error.html')!r}))"
        f".serve(host='127.0.0.1', port={port}, root={str(site.output)!r})"
    )
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    server = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, **quiet)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=1)
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                time.sleep(0.1)
        page = browser.new_page()
        failed = []
        page.on(
            "response",
            lambda r: (
                r.status >= 400 and r.request.resource_type != "document" and failed.append(r.url)
            ),
        )
        for path, heading, home in [
            ("/2023/05/", "Halaman tidak ditemukan", "/"),
            ("/author/lain/arsip.html", "Halaman tidak ditemukan", "/"),
            ("/en/2023/05/", "Page not found", "/en/"),
        ]:
            response = page.goto(base + path)
            assert response.status == 404 and page.inner_text("h1") == heading
            rules = page.evaluate(
                "[...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0)"
            )
            assert rules > 10, (path, rules)  # the site's stylesheet applies
            link = page.evaluate("document.querySelector('header a[href]').href")
            assert link == base + home, (path, link)
            skip = page.evaluate("document.querySelector('a[href^=\"#\"]').href")
            assert skip == base + path + "#main"  # the skip link stays on the page
        assert not failed, failed
        page.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
