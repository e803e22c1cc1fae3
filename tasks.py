"""Tasks for editors and developers: ``invoke --list``.

Builds go into a staging folder that replaces ``output/`` only when the whole
build succeeded, so a failed build never leaves half a site.
"""

import fnmatch
import hashlib
import importlib
import json
import os
import shlex
import shutil
import signal
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from invoke import Context, Exit, task

ROOT = Path(__file__).resolve().parent
CONTENT = ROOT / "content"
OUTPUT = ROOT / "output"
PREVIEW = ROOT / "preview"  # drafts included: never the public output
THEME = ROOT / "theme"
PLUGINS = ROOT / "plugins"
HOST, PORT = "127.0.0.1", 8000  # the preview's default address (the build names none)

sys.path.insert(0, str(PLUGINS))

# What the tasks say, in the language of WARTA_MESSAGES_LANG (pelicanconf.py), like the contract.
MESSAGES = {
    "id": {
        "waiting": "Pembangunan lain sedang berjalan untuk folder yang sama; menunggu sampai selesai…",
        "failed": "Pembangunan gagal: {target}/ tidak diubah.",
        "sample_publish": "PERINGATAN: {target}/ dibangun dengan data contoh: WARTA_SAMPLE_DETAILS = "
        "True (pelicanconf.py), dan alamat situs SITEURL = {siteurl} (publishconf.py). Jangan "
        "unggah folder ini sebelum nama, alamat, telepon, e-mail, dan peta perpustakaan di "
        "WARTA_LIBRARY serta SITEURL diganti dengan milik perpustakaan Anda; lalu tulis "
        "WARTA_SAMPLE_DETAILS = False.",
        "new": "Artikel baru: {path} (Status: draft). Simpan fotonya di {folder}/.",
        "empty_title": 'Judul tidak boleh kosong. Contoh: invoke new "Bimtek Layanan Inklusi 2026"',
        "title_is_option": "'{title}' bukan judul. Tulis judul di antara tanda petik: "
        'invoke new "Judul Artikel" [--event] [--translation-of SLUG]. Bantuan: invoke --help new',
        "long_title": "Judul {length} karakter; paling panjang {most}. Persingkat judulnya.",
        "no_original": "Tidak ada artikel dengan Slug '{slug}' dalam bahasa '{lang}'.",
        "exists": "{path} sudah ada; tidak ditimpa. Pilih judul lain atau ubah berkas itu.",
        "port_busy": "Port {port} sudah dipakai, mungkin oleh `make serve` di terminal lain. "
        "Tutup dulu yang itu (Ctrl-C), atau pakai port lain: make serve PORT={next}",
        "rebuilt": "Pratinjau diperbarui pukul {time} ({seconds} detik).",
        "serving": "Pratinjau (draf ikut tampil): {urls}\nSetiap kali berkas disimpan, situs dibangun "
        "ulang dan halaman di browser dimuat ulang. Hentikan dengan Ctrl-C.",
        "error_page": {
            "title": "Situs belum bisa dibangun",
            "intro": "Perbaiki masalah di bawah ini lalu simpan berkasnya; halaman ini akan berganti "
            "sendiri. Situs yang lama tetap ada sampai semuanya beres.",
            "outro": "Arti setiap pesan ada di docs/panduan-editor.md.",
        },
    },
    "en": {
        "waiting": "Another build of the same folder is running; waiting for it to finish…",
        "failed": "The build failed: {target}/ was not changed.",
        "sample_publish": "WARNING: {target}/ was built with the sample's details: "
        "WARTA_SAMPLE_DETAILS = True (pelicanconf.py), and the site's address SITEURL = {siteurl} "
        "(publishconf.py). Do not upload this folder before the library's name, address, phone, "
        "e-mail and map in WARTA_LIBRARY and SITEURL are your library's; then set "
        "WARTA_SAMPLE_DETAILS = False.",
        "new": "New article: {path} (Status: draft). Put its photos in {folder}/.",
        "empty_title": 'The title cannot be empty. For example: invoke new "Inclusive Services Training"',
        "title_is_option": "'{title}' is not a title. Write the title in quotes: "
        'invoke new "Article title" [--event] [--translation-of SLUG]. Help: invoke --help new',
        "long_title": "The title is {length} characters; at most {most}. Shorten it.",
        "no_original": "There is no article with Slug '{slug}' in language '{lang}'.",
        "exists": "{path} exists already; not overwritten. Choose another title or edit that file.",
        "port_busy": "Port {port} is in use, perhaps by `make serve` in another terminal. "
        "Stop that one first (Ctrl-C), or use another port: make serve PORT={next}",
        "rebuilt": "Preview updated at {time} ({seconds} s).",
        "serving": "Preview (drafts shown): {urls}\nEvery save rebuilds the site and reloads the "
        "page in the browser. Stop with Ctrl-C.",
        "error_page": {
            "title": "The site cannot be built yet",
            "intro": "Fix the problems below and save the file; this page changes by itself. "
            "The previous site stays until everything is right.",
            "outro": "Every message is explained in docs/panduan-editor.md.",
        },
    },
}


def message(key, **values):
    from pelicanconf import WARTA_MESSAGES_LANG
    from warta.facts import message as lookup

    return lookup(MESSAGES, WARTA_MESSAGES_LANG, "en", key, **values)


def pelican(c, settings="pelicanconf.py", output=OUTPUT, overrides=(), warn=False, content=CONTENT):
    # A fresh process per build: i18n_subsites keeps module-level state between runs.
    command = [
        sys.executable,
        "-m",
        "pelican",
        str(content),
        "-s",
        str(ROOT / settings),
        "-o",
        str(output),
    ]
    if overrides:
        command += ["-e", *overrides]
    return c.run(shlex.join(command), warn=warn, pty=False, in_stream=False)


def index(output):
    """Index ``output`` for search, every language (warta.indexing): None, or what
    went wrong."""
    from pelicanconf import DEFAULT_LANG, WARTA_LANGUAGES
    from warta.indexing import index_site

    try:
        index_site(output, DEFAULT_LANG, WARTA_LANGUAGES)
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return str(error)
    return None


def exchange(a, b):
    """Swap two folders in one step (Linux renameat2 RENAME_EXCHANGE): no moment
    without a site. False where the system cannot."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def swap_in(staging, target):
    """Replace ``target`` with ``staging``: never a mix of old and new, and never no
    site (an atomic exchange; elsewhere two renames that ``recover`` can finish)."""
    if target.exists() and exchange(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # now the old site
        return
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.rename(target, old)
    os.rename(staging, target)
    shutil.rmtree(old, ignore_errors=True)


def recover(target):
    """A swap stopped between its two renames leaves the old site aside: put it back.
    A build stopped before it cleaned up leaves its staging folder: remove it."""
    old = target.with_name(f".{target.name}.old")
    if not target.exists() and old.exists():
        os.rename(old, target)
    for staging in target.parent.glob(f".{target.name}.staging-*"):
        shutil.rmtree(staging, ignore_errors=True)


@contextmanager
def one_build_at_a_time(target):
    """A lock per target folder: a second build waits for the first (livereload's
    rebuild while `invoke build` runs, or two terminals), instead of mixing sites."""
    import fcntl

    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.with_name(f".{target.name}.lock"), "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(message("waiting"), file=sys.stderr, flush=True)
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def staged_build(
    c,
    settings="pelicanconf.py",
    target=OUTPUT,
    overrides=(),
    content=CONTENT,
    capture=False,
    finish=None,
):
    """Build into a staging folder of its own; swap it in only if the whole build
    succeeded. Returns whether it did, or with ``capture`` (whether it did, what
    the build printed: shown as it comes, and kept). ``finish(staging)`` runs last,
    after the search index, before the swap."""
    with one_build_at_a_time(target):
        recover(target)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.staging-", dir=target.parent))
        # mkdtemp makes it private (0700); the site must stay readable by the web server.
        umask = os.umask(0)
        os.umask(umask)
        staging.chmod(0o777 & ~umask)
        try:
            # The search index after Pelican has finished, not inside it (warta.search).
            overrides = [*overrides, "WARTA_SEARCH_INDEX=false"]
            result = pelican(c, settings, staging, overrides, warn=True, content=content)
            ok, log = result.ok, result.stdout + result.stderr
            if ok:
                problem = index(staging)
                ok, log = problem is None, log + (problem or "")
            if ok and finish is not None:
                finish(staging)
            if ok:
                swap_in(staging, target)
            return (ok, log) if capture else ok
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def finish_for_the_server(output):
    """What only the published site gets, once the search index is written too: every
    compressible file also as .gz and .br (warta.compressing), which the web server
    sends as they are (server/)."""
    from warta.compressing import precompress

    precompress(output)


def production_build(c, target=OUTPUT, overrides=(), content=CONTENT, capture=False):
    """The site as it goes online: publishconf.py (absolute URLs, theme files named
    by content, server/.htaccess at the root), the search index, then the
    precompressed files; swapped into ``target`` only if all of it succeeded.
    Returns what ``staged_build`` does."""
    return staged_build(
        c, "publishconf.py", target, overrides, content, capture, finish=finish_for_the_server
    )


@task
def clean(c):
    """Remove the generated site, the preview and Pelican's cache."""
    for path in (OUTPUT, PREVIEW, PREVIEW.with_name(".preview.cache"), ROOT / "cache"):
        with one_build_at_a_time(path):  # never under a running build's feet
            shutil.rmtree(path, ignore_errors=True)


@task
def build(c):
    """Build the site with the local settings into output/ (only if the build succeeds)."""
    if not staged_build(c):
        raise Exit(message("failed", target=OUTPUT.name), code=1)


@task
def publish(c):
    """Build the site as it goes online (publishconf.py, precompressed files for the server) into output/."""
    if not production_build(c):
        raise Exit(message("failed", target=OUTPUT.name), code=1)
    settings = production_settings()
    if settings.get("WARTA_SAMPLE_DETAILS"):  # deploy refuses; uploading by hand must not surprise
        print(
            message("sample_publish", target=OUTPUT.name, siteurl=settings.get("SITEURL")),
            file=sys.stderr,
        )


@task
def check(c):
    """Check every article and page against the content contract without building; list what is left to do."""
    with tempfile.TemporaryDirectory() as scratch:
        result = pelican(c, output=Path(scratch), overrides=["WARTA_CHECK_ONLY=true"], warn=True)
    if not result.ok:
        raise Exit(code=result.exited)


@task
def new(c, title, event=False, translation_of=None, lang="en"):
    """Start a new article (a draft) under content/articles/YYYY/: invoke new "Judul artikel" [--event] [--translation-of SLUG]."""
    import pelicanconf
    from warta.facts import photo_folder
    from warta.scaffold import ScaffoldError, new_article, now_in

    try:
        path = new_article(
            CONTENT / "articles",
            title,
            now=now_in(pelicanconf.TIMEZONE),
            author=pelicanconf.AUTHOR,
            main_lang=pelicanconf.DEFAULT_LANG,
            event=event,
            translation_of=translation_of,
            lang=lang,
            category=pelicanconf.DEFAULT_CATEGORY,
            event_category=pelicanconf.WARTA_EVENT_CATEGORY,
        )
    except ScaffoldError as error:
        raise Exit(message(error.key, **error.values), code=1) from None
    folder = photo_folder(path).relative_to(ROOT)
    print(message("new", path=path.relative_to(ROOT), folder=folder))


# What the preview loop watches besides content/ (fnmatch patterns: * crosses folders):
# a save of any of these rebuilds the whole preview and reloads.
WATCHED = (
    "pelicanconf.py",
    "plugins/*.py",
    "theme/templates/*.html",
    "theme/static/*",
    "theme/translations/*.po",
)


def preview_cache(target):
    """Where the preview keeps Pelican's content cache, its compiled templates and
    warta.incremental's state, beside ``target``: a folder per version of the
    settings and plugins, since cached HTML is only as good as the code that made
    it (a new TYPOGRIFY_DASHES, a new photo markup)."""
    digest = hashlib.sha256()
    for path in [ROOT / "pelicanconf.py", *sorted(PLUGINS.rglob("*.py"))]:
        digest.update(path.read_bytes())
    return target.with_name(f".{target.name}.cache") / digest.hexdigest()[:12]


def preview_overrides(target):
    """The preview's settings: drafts shown, and what its quick rebuilds need."""
    cache = preview_cache(target)
    return [
        "WARTA_PREVIEW_DRAFTS=true",
        f"WARTA_INCREMENTAL={json.dumps(str(cache / 'state.pickle'))}",
        "CACHE_CONTENT=true",
        "LOAD_CONTENT_CACHE=true",
        "GZIP_CACHE=false",
        f"CACHE_PATH={json.dumps(str(cache))}",
        f"WARTA_PHOTO_CACHE={json.dumps(str(ROOT / 'cache' / 'photos'))}",  # shared with builds
    ]


def preview_loop(host, port, content=CONTENT, target=PREVIEW, overrides=()):
    """Build the preview (drafts shown), serve it, rebuild and reload on every save;
    while a build fails, every page is the error page (next to ``target``).

    A save of an article, a page or a photo of theirs is rebuilt in place, and only
    the files it shows up in (warta.incremental), in a child of this process, which
    has Pelican imported already; the search index follows in the background, after
    the reload. Anything else (settings, templates, plugins, a first build, or after
    a failed full build) gets a full build into a staging folder, as `invoke build`.
    A new session starts with a quick rebuild when only articles and pages changed
    since the last one's full build."""
    import subprocess

    from babel.numbers import format_decimal
    from tornado import ioloop

    import pelicanconf
    from warta.contract import translator
    from warta.serve import (
        PreviewServer,
        SaveWatcher,
        addresses,
        port_is_free,
        run_forked,
        warm_up,
        write_error_page,
    )

    if not port_is_free(host, port):
        raise Exit(message("port_busy", port=port, next=port + 1), code=1)
    c = Context()
    lang = pelicanconf.WARTA_MESSAGES_LANG
    _ = translator(lang)
    words = {
        **MESSAGES.get(lang, MESSAGES["en"])["error_page"],
        "labels": (_("ERROR"), _("WARNING")),  # as the contract's report writes them
    }
    content, target = Path(content).resolve(), Path(target).resolve()
    error_page = target.with_name(f".{target.name}-error.html")
    extra = overrides
    quick_folders = [
        content / folder for folder in (*pelicanconf.ARTICLE_PATHS, *pelicanconf.PAGE_PATHS)
    ]
    full_needed = [False]
    indexer = [None]

    def in_quick_folders(path):
        return any(Path(path).is_relative_to(folder) for folder in quick_folders)

    def world():
        """Everything a preview shows besides articles, pages and the plugins (whose
        version names the cache folder): the theme, the rest of content/, these
        overrides. Unchanged since the last full build, a new `make serve` starts
        with a quick rebuild instead of a full one."""
        from warta.incremental import file_stamps

        stamps = file_stamps(THEME), file_stamps(content, skipped=quick_folders)
        return hashlib.sha256(repr((sorted(extra), stamps)).encode()).hexdigest()

    def saved_world(cache):
        try:
            return (cache / "world").read_text()
        except OSError:
            return None

    def stop_indexing():
        if indexer[0] is not None and indexer[0].poll() is None:
            os.killpg(indexer[0].pid, signal.SIGTERM)
            indexer[0].wait()

    def index():
        stop_indexing()
        languages = (pelicanconf.DEFAULT_LANG, *pelicanconf.WARTA_LANGUAGES)
        indexer[0] = subprocess.Popen(
            [sys.executable, "-m", "warta.indexing", str(target), *languages],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(PLUGINS)},
            start_new_session=True,  # its Pagefind with it, when stopped
        )

    def rebuild(paths=None):
        started = time.perf_counter()
        stop_indexing()
        cache = preview_cache(target)
        overrides = [*preview_overrides(target), *extra]
        if paths is None:  # starting: quick if only articles and pages changed meanwhile
            quick = target.is_dir() and saved_world(cache) == world()
        else:
            quick = all(in_quick_folders(path) for path in paths)
        quick = quick and not full_needed[0] and (cache / "state.pickle").exists()
        if quick:
            in_place = [*overrides, "WARTA_INCREMENTAL_IN_PLACE=true", "WARTA_SEARCH_INDEX=false"]
            with one_build_at_a_time(target):
                if cache == imported:
                    argv = [str(content), "-s", str(ROOT / "pelicanconf.py"), "-o", str(target)]
                    code, log = run_forked([*argv, "-e", *in_place])
                    print(log, end="", flush=True)
                    ok = code == 0
                else:  # this process holds the plugins as they were: a new Pelican
                    result = pelican(
                        c, output=target, overrides=in_place, warn=True, content=content
                    )
                    ok, log = result.ok, result.stdout + result.stderr
            if ok:  # after the browser has reloaded
                ioloop.IOLoop.current().call_later(0.5, index)
        else:
            for other in cache.parent.glob("*"):  # caches of earlier settings and plugins
                if other != cache:
                    shutil.rmtree(other, ignore_errors=True)
            ok, log = staged_build(
                c, target=target, overrides=overrides, content=content, capture=True
            )
            full_needed[0] = not ok
            if ok:
                (cache / "world").write_text(world())
        if ok:
            error_page.unlink(missing_ok=True)
            seconds = format_decimal(round(time.perf_counter() - started, 1), locale=lang)
            print(message("rebuilt", time=time.strftime("%H.%M.%S"), seconds=seconds), flush=True)
        else:  # the last good preview stays; the browser shows why it is not the new one
            write_error_page(error_page, log, words, lang)

    def wanted(path):
        path = Path(path)
        if path.is_relative_to(content):
            return True
        if not path.is_relative_to(ROOT):
            return False
        relative = path.relative_to(ROOT).as_posix()
        return any(fnmatch.fnmatch(relative, pattern) for pattern in WATCHED)

    # Pelican and the plugins imported in this process, so that each quick rebuild's child
    # has them; the cache folder is named after their version (see ``preview_cache``).
    imported = preview_cache(target)
    for module in ("pelican", "markdown", "smartypants", "typogrify.filters", *pelicanconf.PLUGINS):
        importlib.import_module(module)
    warm_up(ROOT / "pelicanconf.py")
    rebuild()
    roots = [content, ROOT / "pelicanconf.py", ROOT / "plugins", ROOT / "theme"]
    server = PreviewServer(error_page, watcher=SaveWatcher(roots, wanted, rebuild))
    print(message("serving", urls="  ".join(addresses(host, port))), flush=True)
    server.serve(host=host, port=port, root=str(target))


@task(
    aliases=["livereload"],  # its former name
    help={
        "host": "0.0.0.0 to open the preview from a phone on the same Wi-Fi",
        "port": "default 8000",
    },
)
def serve(c, host=HOST, port=PORT):
    """The editor's preview: build with drafts (DRAF banner) into preview/, serve on http://127.0.0.1:8000, rebuild and reload on every save, errors shown in the browser."""
    preview_loop(host, int(port))


@task
def translations(c):
    """Refresh the message catalogs (theme and plugins) and merge them into every language."""
    frontend = f"{sys.executable} -m babel.messages.frontend"
    keywords = "-k _ -k N_ -k ngettext:1,2"
    with c.cd(str(THEME)):
        # The feed titles are written by a plugin, in the theme's words.
        c.run(
            f"{frontend} extract -F babel.cfg -o messages.pot --no-location --sort-output"
            f" --project 'Warta Perpustakaan' {keywords} . {PLUGINS / 'warta' / 'feeds.py'} {PLUGINS / 'warta' / 'events.py'}"
        )
        c.run(f"{frontend} update -w 100 -i messages.pot -d translations")
    with c.cd(str(PLUGINS / "warta")):
        c.run(
            f"{frontend} extract -o translations/contract.pot --no-location --sort-output"
            f" --project 'Warta Perpustakaan' -k _ contract.py redirects.py"
        )
        c.run(f"{frontend} update -w 100 -D contract -i translations/contract.pot -d translations")


@task(
    help={
        "uploads": "a copy of the WordPress site's wp-content/uploads folder (the photos)",
        "force": "overwrite articles, pages and photos an earlier import wrote",
        "content": "the content folder to import into (default content/)",
        "report": "where the report goes (default impor-wordpress-laporan.md)",
    }
)
def import_wordpress(c, export, uploads=None, force=False, content=None, report=None):
    """Import a WordPress export (Tools > Export, WXR): articles, pages, photos, Polylang translations, old addresses; then read impor-wordpress-laporan.md."""
    import pelicanconf
    from warta.facts import settings_with_defaults
    from warta.wordpress import WordPressError
    from warta.wordpress import import_wordpress as run_import
    from warta.wordpress.messages import text

    settings = settings_with_defaults({k: v for k, v in vars(pelicanconf).items() if k.isupper()})
    try:
        run_import(
            export,
            Path(content) if content else CONTENT,
            settings,
            uploads=uploads,
            force=force,
            report=report,
            say=lambda line: print(line, flush=True),
            site_url=production_settings().get("SITEURL"),
        )
    except WordPressError as error:
        lang = settings.get("WARTA_MESSAGES_LANG", "id")
        raise Exit(text(lang, error.key, **error.values), code=2) from None


# --- Going live: invoke deploy / rollback / releases / gh-pages (warta.deploy) --------


def deploy_message(key, /, **values):
    """A message of warta.deploy_messages, in the language of WARTA_MESSAGES_LANG."""
    from pelicanconf import WARTA_MESSAGES_LANG
    from warta.deploy_messages import text

    return text(WARTA_MESSAGES_LANG, key, **values)


def say(key, /, **values):
    print(deploy_message(key, **values), flush=True)


@contextmanager
def deploy_errors_exit():
    """A DeployError (nothing went live) as the task's exit: its message, code 1."""
    from warta.deploy import DeployError

    try:
        yield
    except DeployError as error:
        raise Exit(deploy_message(error.key, **error.values), code=1) from None


def production_settings():
    """publishconf.py's settings, as Pelican reads them for `invoke publish`."""
    import runpy

    return runpy.run_path(str(ROOT / "publishconf.py"))


def not_the_sample():
    """Nothing goes online while pelicanconf.py says the library's details are the
    sample site's (WARTA_SAMPLE_DETAILS): checked before building."""
    from warta.deploy import check_own_details

    with deploy_errors_exit():
        check_own_details(production_settings())


def theme_folder():
    """Where the site's theme files are (THEME_STATIC_DIR): a deploy keeps the ones
    named by content that pages cached before it link (warta.deploy)."""
    return production_settings().get("THEME_STATIC_DIR", "theme")


def target_or_exit(**options):
    """The target of WARTA_DEPLOY with the command's options, or the task's exit."""
    from warta.deploy import target_from

    with deploy_errors_exit():
        return target_from(production_settings(), **options)


def site_to_publish(c, no_build):
    """Build with publishconf.py (as `invoke publish`, whatever it does) unless told
    the build is there; either way, refuse anything but a production build."""
    from warta.deploy import check_production

    if not no_build:
        say("building")
        try:
            publish(c)
        except Exit as failed:
            print(failed.message, file=sys.stderr)
            raise Exit(deploy_message("build_failed"), code=1) from None
    with deploy_errors_exit():
        check_production(OUTPUT, production_settings().get("SITEURL"))


TARGET_HELP = {
    "host": "the server (WARTA_DEPLOY['host']); none: a folder on this computer",
    "user": "the SSH user (WARTA_DEPLOY['user'])",
    "port": "the SSH port (WARTA_DEPLOY['port'], default 22)",
    "path": "the folder holding releases/ and current (WARTA_DEPLOY['path'])",
    "keep": "how many releases to keep (WARTA_DEPLOY['keep'], default 5)",
    "identity-file": "the SSH private key (WARTA_DEPLOY['identity_file'])",
    "known-hosts": "a known_hosts file with the server's key (WARTA_DEPLOY['known_hosts'])",
    "bwlimit": "at most this many KiB per second (WARTA_DEPLOY['bwlimit'])",
}


@task(
    help={
        **TARGET_HELP,
        "no-build": "upload output/ as it is (built by invoke publish; checked all the same)",
    }
)
def deploy(
    c,
    host=None,
    user=None,
    port=None,
    path=None,
    keep=None,
    identity_file=None,
    known_hosts=None,
    bwlimit=None,
    no_build=False,
):
    """Build with publishconf.py and put the site online as a new release (rsync over SSH, or into a folder), switched in one step; invoke rollback goes back."""
    from warta.deploy import deploy as deploy_release

    not_the_sample()
    target = target_or_exit(
        host=host,
        user=user,
        port=port,
        path=path,
        keep=keep,
        identity_file=identity_file,
        known_hosts=known_hosts,
        bwlimit=bwlimit,
    )
    site_to_publish(c, no_build)
    # No build may replace output/ while it is being uploaded.
    with one_build_at_a_time(OUTPUT), deploy_errors_exit():
        site_to_publish(c, no_build=True)  # what is there now, under the lock
        try:
            done = deploy_release(OUTPUT, target, say, theme=theme_folder())
        except KeyboardInterrupt:
            raise Exit(deploy_message("stopped"), code=130) from None
    if done.previous:
        say(
            "deployed",
            release=done.release,
            target=target,
            files=done.files,
            sent=done.sent,
            previous=done.previous,
        )
    else:
        say(
            "deployed_first",
            release=done.release,
            target=target,
            files=done.files,
            current=f"{target.path}/current",
        )
    if done.removed:
        say("pruned", keep=target.keep, removed=", ".join(done.removed))
    if done.rules_changed:
        say("reload_nginx", target=target)


@task(help={key: text for key, text in TARGET_HELP.items() if key not in ("keep", "bwlimit")})
def rollback(c, host=None, user=None, port=None, path=None, identity_file=None, known_hosts=None):
    """Make the release before the live one live again (and remove the one it replaces)."""
    from warta.deploy import rollback as roll_back

    target = target_or_exit(
        host=host,
        user=user,
        port=port,
        path=path,
        identity_file=identity_file,
        known_hosts=known_hosts,
    )
    with deploy_errors_exit():
        now, was = roll_back(target, say, theme=theme_folder())
    say("rolled_back", now=now, was=was, target=target)


@task(help={key: text for key, text in TARGET_HELP.items() if key not in ("keep", "bwlimit")})
def releases(c, host=None, user=None, port=None, path=None, identity_file=None, known_hosts=None):
    """List the releases on the server, and which one is live."""
    from warta.deploy import releases as read_releases

    target = target_or_exit(
        host=host,
        user=user,
        port=port,
        path=path,
        identity_file=identity_file,
        known_hosts=known_hosts,
    )
    with deploy_errors_exit():
        state = read_releases(target)
    if not state.releases:
        say("no_releases", target=target)
        return
    say("releases", target=target)
    for release in state.releases:
        print(
            deploy_message("release_live", release=release) if release == state.current else release
        )


@task(
    help={
        "remote": "the git remote to push to (WARTA_GITHUB_PAGES['remote'], default origin)",
        "branch": "the branch GitHub Pages serves (WARTA_GITHUB_PAGES['branch'], default gh-pages)",
        "no-build": "publish output/ as it is (built by invoke publish; checked all the same)",
        "no-push": "commit to the branch here only",
    }
)
def gh_pages(c, remote=None, branch=None, no_build=False, no_push=False):
    """Build with publishconf.py and publish to GitHub Pages: the gh-pages branch, with .nojekyll and CNAME."""
    from warta.deploy import pages_cname, publish_to_pages

    not_the_sample()
    settings = production_settings()
    pages = settings.get("WARTA_GITHUB_PAGES") or {}
    remote = remote or pages.get("remote") or "origin"
    branch = branch or pages.get("branch") or "gh-pages"
    with deploy_errors_exit():
        pages_cname(settings.get("SITEURL"))  # an address Pages cannot serve: before building
    site_to_publish(c, no_build)
    with one_build_at_a_time(OUTPUT), deploy_errors_exit():
        commit, cname = publish_to_pages(
            OUTPUT,
            settings["SITEURL"],
            ROOT,
            remote=remote,
            branch=branch,
            push=not no_push,
            # What publishconf.py puts in the root for Apache: not for Pages.
            server_files=[Path(f).name for f in settings.get("WARTA_SERVER_FILES", ())],
        )
    if cname:
        say("pages_cname", cname=cname)
    if no_push:
        say("pages_committed", branch=branch, commit=commit[:7], remote=remote)
    else:
        say(
            "pages_done",
            branch=branch,
            remote=remote,
            commit=commit[:7],
            siteurl=settings["SITEURL"].rstrip("/"),
        )
