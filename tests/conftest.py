"""Build real sites from fixture content and read what they write.

Each build runs Pelican in its own process, as `invoke build` does: the
i18n_subsites plugin keeps module-level state that one process must not
share between builds.
"""

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SITEURL = "https://perpustakaan.example.id"
TODAY = "2022-03-01"  # the build date of the fixture sites: "upcoming" is relative to it


@dataclass
class Site:
    """A finished build: its output folder and what Pelican said."""

    output: Path
    returncode: int
    log: str

    def path(self, url_path):
        """The file behind a public URL path: '/en/tag/x/' -> output/en/tag/x/index.html."""
        path = self.output / url_path.lstrip("/")
        return path / "index.html" if url_path.endswith("/") else path

    def exists(self, url_path):
        return self.path(url_path).is_file()

    def html(self, url_path):
        return BeautifulSoup(self.path(url_path).read_text(encoding="utf-8"), "html.parser")

    def feed(self, url_path):
        parsed = feedparser.parse(self.path(url_path).read_bytes())
        assert not parsed.bozo, f"{url_path} is not a well-formed feed: {parsed.bozo_exception}"
        return parsed

    def url(self, url_path):
        return SITEURL + url_path


def build(content, output, settings="pelicanconf.py", **overrides):
    """Run Pelican on `content` into `output`; the build's exit code is not checked here."""
    extra = {"SITEURL": SITEURL, **overrides}
    command = [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(ROOT / settings)]
    # One -e with every KEY=VALUE: Pelican keeps only the last -e it is given.
    command += ["-e", *(f"{key}={json.dumps(value)}" for key, value in extra.items())]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    return Site(output=output, returncode=result.returncode, log=result.stdout + result.stderr)


@pytest.fixture(scope="session")
def bilingual_site(tmp_path_factory):
    """The fixture site every bilingual test reads; built once per test session."""
    site = build(FIXTURES / "bilingual_site", tmp_path_factory.mktemp("bilingual") / "output", WARTA_TODAY=TODAY)
    assert site.returncode == 0, site.log
    return site
