"""The sample content shipped in content/ builds cleanly with both settings files."""

import json

import pytest

from conftest import ROOT, build
from test_feeds import site_feed_problems
from schema_org import page_problems


@pytest.mark.parametrize("settings", ["pelicanconf.py", "publishconf.py"])
def test_sample_site_builds_without_warnings(tmp_path, settings):
    site = build(ROOT / "content", tmp_path / "output", settings=settings)
    assert site.returncode == 0, site.log
    assert "WARNING" not in site.log and "ERROR" not in site.log, site.log
    for path in ("/", "/en/", "/asas/", "/en/principles/", "/tentang/", "/en/about/"):
        assert site.exists(path), path
    # The latest article is also the only upcoming event: shown once, large, not again
    # among the upcoming events, and no "no events planned" either.
    home = site.html("/")
    lead = home.select_one(".home-latest .card.feature h2 a")["href"]
    assert lead not in [a["href"] for a in home.select(".upcoming li a")]
    assert "Belum ada kegiatan" not in home.select_one(".upcoming").get_text()
    bimtek = "/2020/07/bimtek-transformasi-perpustakaan-inklusi-sosial/"
    assert site.exists(bimtek) and site.exists("/en" + bimtek)
    if settings == "publishconf.py":  # as published: every feed valid Atom or RSS
        assert site_feed_problems(site) == {}
        check_structured_data(site)


def check_structured_data(site):
    """The shop window shows the library to search engines, and nothing they would refuse."""
    problems = []
    for page in sorted(site.output.rglob("*.html")):
        problems += [
            f"{page.relative_to(site.output)}: {problem}"
            for problem in page_problems(page.read_text(encoding="utf-8"))
        ]
    assert problems == []
    block = site.html("/").find("script", type="application/ld+json").string
    library = {node["@type"]: node for node in json.loads(block)["@graph"]}["Library"]
    assert library["telephone"] and library["openingHoursSpecification"] and library["geo"]
    assert site.path("/favicon.ico").is_file() and site.path("/apple-touch-icon.png").is_file()
