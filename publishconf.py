"""Production settings: ``pelican content -s publishconf.py`` or ``invoke publish``."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # so pelicanconf imports from any cwd

from pelicanconf import *  # noqa: E402, F403

# The library's public address (no trailing slash). Change it to your own.
SITEURL = "https://perpustakaan.rejanglebongkab.go.id"
RELATIVE_URLS = False
# Not True: Pelican would empty output/ before checking the content. `invoke publish`
# builds into a fresh staging folder and swaps it in instead.
DELETE_OUTPUT_DIRECTORY = False

# Where `invoke deploy` puts the site (README, "Going live"): over SSH to `host`, into
# `path`, which holds releases/ and `current`, the link the web server serves; without a
# host, `path` is a folder on this computer. `keep`: releases kept for `invoke rollback`.
# Optional: "identity_file" (the SSH key), "known_hosts", "bwlimit" (KiB/s).
WARTA_DEPLOY = {
    "host": "perpustakaan.rejanglebongkab.go.id",
    "user": "warta",
    "port": 22,
    "path": "/var/www/warta",
    "keep": 5,
}
# A library on GitHub Pages instead (`invoke gh-pages`): the remote and branch it serves.
# SITEURL is then https://NAME.github.io/REPOSITORY or a custom domain (a CNAME file).
WARTA_GITHUB_PAGES = {"remote": "origin", "branch": "gh-pages"}

# Theme files under names that change with their content (style.<hash>.css), so the
# web server can let browsers keep them for a year (server/nginx.conf, server/.htaccess).
WARTA_FINGERPRINT = True
# Apache (cPanel hosting) reads its configuration from the site's root: put it there.
WARTA_SERVER_FILES = [str(ROOT / "server" / ".htaccess")]
# The old site's addresses (content/redirects.csv) as permanent redirects: this file for
# nginx to include (README, "Server configuration"), and rules in the .htaccess above.
WARTA_REDIRECT_RULES = ".warta/redirects.nginx.conf"
