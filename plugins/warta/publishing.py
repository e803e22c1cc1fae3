"""What only the published site has: theme files named after their content, and the
web server's own files.

- ``WARTA_FINGERPRINT = True`` (publishconf.py) writes each theme file under a name
  that carries a hash of its bytes (stylesheets minified first): ``/theme/css/style.3f2a9c1e07.css``. A changed
  file is a new address, so the web server tells browsers to keep these files for a
  year without asking again (``server/``), and a reader never gets new pages with an
  old stylesheet. Templates name theme files with ``theme_url('css/style.css')``,
  which gives the published name; the preview keeps plain names (its error page and
  its quick rebuilds know those).
- ``WARTA_SERVER_FILES`` (publishconf.py) copies files such as ``server/.htaccess``
  into the site's root, where Apache (cPanel hosting) reads its configuration.

Our own, in a few lines: pelican-webassets compiles bundles through a vendored
webassets with ``{% assets %}`` blocks (and would write them again for every i18n
subsite), and pelican-css-cache-bust appends a query string to one CSS file, which
is not a new file: both the old and the new page would get the new stylesheet.
"""

import hashlib
import os
import shutil
from pathlib import Path, PurePosixPath

import rcssmin
from jinja2 import pass_context
from pelican import signals

from warta.facts import SettingsError
from warta.multilingual import absolute_url, is_main_site

HASH_LENGTH = 10  # hex digits: the servers' configurations match exactly this many


def fingerprinted(name: str, data: bytes) -> str:
    """``css/style.css`` with these bytes -> ``css/style.<hash>.css``."""
    path = PurePosixPath(name)
    digest = hashlib.sha256(data).hexdigest()[:HASH_LENGTH]
    return str(path.with_name(f"{path.stem}.{digest}{path.suffix}"))


def published_bytes(name: str, data: bytes) -> bytes:
    """A theme file as the published site serves it: stylesheets minified (rcssmin,
    a kept minifier: about a fifth fewer bytes on every page's first visit)."""
    if name.endswith(".css"):
        return rcssmin.cssmin(data.decode("utf-8")).encode("utf-8")
    return data


def theme_files(settings) -> dict[str, str]:
    """{name under THEME_STATIC_DIR: published name} of every theme file."""
    names = {}
    for folder in settings["THEME_STATIC_PATHS"]:
        root = Path(settings["THEME"]) / folder
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            name = path.relative_to(root).as_posix()
            if settings.get("WARTA_FINGERPRINT", False):
                names[name] = fingerprinted(name, published_bytes(name, path.read_bytes()))
            else:
                names[name] = name
    return names


def initialize(pelican):
    """Name the theme files once, on the main site: a subsite has no theme files of
    its own (i18n_subsites points it at the main site's) and inherits these names."""
    settings = pelican.settings
    if is_main_site(settings):
        settings["WARTA_THEME_FILES"] = theme_files(settings)
        for source in settings.get("WARTA_SERVER_FILES", ()):
            if not Path(source).is_file():
                raise SettingsError(f"WARTA_SERVER_FILES: {source} does not exist")


@pass_context
def theme_url(context, name):
    """The address of a theme file (``css/style.css``) as this page links it."""
    try:
        published = context["WARTA_THEME_FILES"][name]
    except KeyError:
        raise ValueError(f"theme_url: the theme has no static file {name!r}") from None
    return absolute_url(context, f"{context['THEME_STATIC_DIR']}/{published}")


def add_template_helpers(generator):
    generator.env.globals["theme_url"] = theme_url


def rename_and_copy(pelican):
    """Give the theme files their published names, and put the server's files in."""
    settings = pelican.settings
    if not is_main_site(settings):
        return
    output = Path(settings["OUTPUT_PATH"])
    theme = output / settings["THEME_STATIC_DIR"]
    for name, published in settings["WARTA_THEME_FILES"].items():
        if published != name:
            (theme / published).write_bytes(published_bytes(name, (theme / name).read_bytes()))
            os.remove(theme / name)
    for source in settings.get("WARTA_SERVER_FILES", ()):
        shutil.copyfile(source, output / Path(source).name)


def register():
    # On `initialized`: before i18n_subsites copies the main site's settings into a subsite.
    signals.initialized.connect(initialize)
    # On `generator_init`: every generator's environment exists by then.
    signals.generator_init.connect(add_template_helpers)
    # On `finalized` of the main site: its static generator has copied the theme files
    # by then (the subsites finish before the main site).
    signals.finalized.connect(rename_and_copy)
