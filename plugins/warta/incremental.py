"""The preview's quick rebuild: after a save, only the files the change shows up in
are written again.

A full build renders every page of both languages: over ten seconds for a
library with a thousand articles, too slow for an editor who saves and looks.
So in the preview (``WARTA_INCREMENTAL``, set by ``invoke serve``), every build
records, for each file it writes, what that file shows: the articles and pages
on it (their source files, in order), a listing's page number and page count,
which languages have a tag. The next build, in place in ``preview/`` and reading
unchanged files from Pelican's content cache, renders a file again only if

- it is the page of an article or page whose file changed, or a feed carrying
  one (feeds carry whole articles);
- it lists one whose face changed: its header (title, summary, date, tags...)
  or its photos, one of which may lead; a new sentence does not change listings
  (an article page lists its previous, next and related articles too);
- what it lists changed: an article added, removed, re-dated, re-tagged or moved
  to another category changes the lists it is on;
- it shows no article at all (principles overview, search page, 404), and
  something listings show changed; or
- something every page shows changed (the pages in the menu): then everything;

and removes the files no build writes any more (a deleted article's page).
Changes outside articles and pages (settings, templates, plugins, principle
texts) get a full build from ``invoke serve`` instead. ``test_incremental.py``
makes sure a quick rebuild writes exactly what a full one does.

Contract checks work the same way: a file that has not changed since the last
good build passed them then and is not checked again (``unchanged``).
"""

import functools
import inspect
import logging
import os
import pickle
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import BytecodeCache, Bucket
from pelican import signals
from pelican.paginator import Paginator
from pelican.plugins.i18n_subsites import i18n_subsites as i18n
from pelican.utils import sanitised_join
from pelican.writers import Writer

from warta import facts
from warta.multilingual import every_content, is_main_site

logger = logging.getLogger(__name__)

VERSION = 2  # of the state file: a new one ignores older states


class Build:
    """What this build knows: the last good build's state and what changed since."""

    def __init__(self, settings):
        self.state_path = Path(settings["WARTA_INCREMENTAL"])
        self.output = Path(settings["OUTPUT_PATH"])
        self.content = Path(settings["PATH"])
        self.old = self._load() if settings.get("WARTA_INCREMENTAL_IN_PLACE") else None
        self.stamps = {}  # source path -> stamp, this build
        self.changed = None  # source paths changed in any way since the last good build
        self.changed_face = None  # ... in what listings show of them (their header, photos)
        self.outputs = {}  # output path (relative to the main site's) -> what it shows
        self.sites = {}  # output path -> the language of the site that writes it
        self.everything = {}  # site language -> whether every page must be rendered
        self.menus = {}  # site language -> the pages in its menu (every page shows them)
        self.whole = None  # what every site lists, and what else they follow (``whole``)
        self.rendered = 0

    def _load(self):
        try:
            with self.state_path.open("rb") as file:
                state = pickle.load(file)
        except (OSError, pickle.PickleError, EOFError):
            return None
        return state if state.get("version") == VERSION else None

    def untouched(self, lang):
        """Whether the change leaves every file of the ``lang`` site as it is: only
        bodies changed (no face), none of them one this site shows in full (an
        article's page, a feed), and the sites list the same articles and pages
        and follow the same day and other files (``whole``). Its files are then kept
        as they are, without a decision about each (1,600 at 1,000 articles): a new
        sentence in an English article leaves the Indonesian site as it is, and one
        in an Indonesian article the English site, which is then not even built
        (``skip_untouched_subsites``)."""
        old = self.old
        if old is None or self.changed_face is None or self.changed_face:
            return False
        if old["whole"] != self.whole or lang not in old["menus"]:
            return False
        mine = [relative for relative, site in old["sites"].items() if site == lang]
        if any(touched(old["outputs"][relative], self.changed, set()) for relative in mine):
            return False
        for relative in mine:
            self.outputs[relative] = old["outputs"][relative]
            self.sites[relative] = lang
        self.menus[lang] = old["menus"][lang]
        return True

    def save(self):
        state = {
            "version": VERSION,
            "stamps": self.stamps,
            "outputs": self.outputs,
            "sites": self.sites,
            "menus": self.menus,
            "whole": self.whole,
            "native_urls": dict(i18n._NATIVE_CONTENT_URL_DB),
        }
        part = self.state_path.with_name(self.state_path.name + ".part")
        part.parent.mkdir(parents=True, exist_ok=True)
        with part.open("wb") as file:
            pickle.dump(state, file, protocol=pickle.HIGHEST_PROTOCOL)
        part.replace(self.state_path)


_BUILD = None


def start(pelican):
    global _BUILD
    settings = pelican.settings
    if is_main_site(settings):  # a new build; its language subsites share it
        _BUILD = Build(settings) if settings.get("WARTA_INCREMENTAL") else None


def stamp(content, record):
    """(face, file): what listings, feeds' lists, the sitemap and the agenda show of a
    source (its header as written, and its photos, one of which may lead), and the
    file as it was read, with whether the files its links name exist. Saving a new
    sentence changes the file, not the face, unless the file has no Summary:
    listings then show the body's first words."""
    links = tuple((link, (content / link).exists()) for link in record.links)
    file = (record.stamp, links)
    face = (tuple(sorted(record.header.items())), record.looked_at)
    if "summary" not in record.header:
        face += (file,)
    return face, file


def shown_state(item):
    """What listings show of an article or page that its header does not say: whether
    the preview shows it as a draft (a future article is one until its time comes:
    the clock changes that, not the file), and its lead photo as cards show it (taken
    from the body, with the body's alt text and caption, when there is no ``Image:``)."""
    lead = getattr(item, "lead_photo", None)
    return (
        getattr(item, "preview_draft", False),
        item.status,
        None if lead is None else (lead.photo.source, lead.alt, lead.caption, lead.at_top),
    )


def note_sources(records, generators):
    """Record every source's stamp and work out which changed since the last good
    build: ``records`` are the contract's ReadRecords of every article and page;
    then leave out the language subsites the change leaves untouched. Called by the
    contract before it checks, on the main site (``generators`` are its)."""
    build = _BUILD
    if build is None:
        return None
    contents = [item for generator in generators for item in every_content(generator) or ()]
    states = {item.source_path: shown_state(item) for item in contents}
    links, summarised = {}, set()
    for record in records:
        source = str(build.content / record.path)
        face, file = stamp(build.content, record)
        build.stamps[source] = (face + (states.get(source),), file)
        links[source] = {str(build.content / link) for link in record.links}
        if "summary" in record.header:
            summarised.add(source)
    old = build.old["stamps"] if build.old else {}
    removed = set(old) - set(build.stamps)
    build.changed = {s for s, value in build.stamps.items() if old.get(s) != value} | removed
    build.changed_face = {
        s for s in build.changed if s in removed or s not in old or old[s][0] != build.stamps[s][0]
    }
    # A link to an article that moved (re-dated, new slug) or went: the linking file
    # shows a new URL, and is checked again; without a Summary, listings show its
    # first paragraph, which may be where the link is.
    linking = {s for s, targets in links.items() if not targets.isdisjoint(build.changed_face)}
    build.changed |= linking
    build.changed_face |= linking - summarised
    build.whole = whole(generators[0].settings, contents, states)
    skip_untouched_subsites(build)
    return build.changed


def unchanged(record):
    """Whether the source of ``record`` is the same as at the last good preview build
    (which checked it): only in an incremental preview build."""
    build = _BUILD
    if build is None or build.old is None or build.changed is None:
        return False
    return str(build.content / record.path) not in build.changed


# What ``shows`` reads of a page's context (and its template's name).
SHOWN = (
    "article",
    "page",
    "articles_page",
    "upcoming_events",
    "warta_shows",
    "warta_depends",
    "tag",
    "warta_tag_langs",
)


def shows(localcontext):
    """What a page shows, as far as a change can touch it: None if it lists no
    article or page (rendered again whenever what listings show changed)."""
    parts = []
    for key in ("article", "page"):
        item = localcontext.get(key)
        if hasattr(item, "source_path"):
            parts.append((key, item.source_path, tuple(t.source_path for t in item.translations)))
            # Other articles the page shows (warta.related: previous, next, related).
            for number, group in enumerate(getattr(item, "warta_shows", ())):
                parts.append(("list", key, number, tuple(a.source_path for a in group)))
    listing = localcontext.get("articles_page")
    if listing is not None:
        parts.append(
            (
                "list",
                listing.number,
                listing.paginator.num_pages,
                tuple(a.source_path for a in listing.object_list),
            )
        )
    if localcontext.get("template_name") == "index":  # its upcoming events (warta.events)
        upcoming = localcontext.get("upcoming_events", ())
        parts.append(("list", "upcoming", 0, tuple(a.source_path for a in upcoming)))
    for number, group in enumerate(localcontext.get("warta_shows", ())):
        parts.append(("list", number, 0, tuple(a.source_path for a in group)))
    if "warta_depends" in localcontext:  # anything else a page shows (hashable)
        parts.append(("depends", localcontext["warta_depends"]))
    tag = localcontext.get("tag")
    if tag is not None:
        langs = localcontext.get("warta_tag_langs", {})
        parts.append(
            (
                "tag",
                tag.slug,
                str(tag.name),
                tuple(sorted(lang for lang in langs if tag.slug in langs[lang])),
            )
        )
    return tuple(parts) or None


def touched(shown, changed, changed_face):
    """Whether a file showing ``shown`` shows a source that changed: in full for the
    article or page itself and for feeds (they carry whole articles), by its face
    for the rest (translations' titles, listings)."""
    for part in shown or ():
        if part[0] in ("article", "page"):
            if part[1] in changed or not changed_face.isdisjoint(part[2]):
                return True
        elif part[0] == "list":
            if not changed_face.isdisjoint(part[3]):
                return True
        elif part[0] == "feed":
            if not changed.isdisjoint(part[1]):
                return True
    return False


def whole(settings, contents, states):
    """What every language site lists, and what else their files follow: every
    article and page read (``contents``), in every language, with what listings show
    of it beyond its header (``states``: ``shown_state``, which follows a future
    article being published), today (what is upcoming on the home pages and
    agendas), and the stamps of the content's other files (``redirects.csv`` and
    the like)."""
    listed = tuple((item.source_path, item.lang, states[item.source_path]) for item in contents)
    root = settings["PATH"]
    others = [
        os.path.join(root, folder)
        for folder in (*settings["ARTICLE_PATHS"], *settings["PAGE_PATHS"])
    ]
    return listed, facts.today(settings), file_stamps(root, skipped=others)


def skip_untouched_subsites(build):
    """Leave out of this build every language subsite the change leaves untouched
    (``Build.untouched``). i18n_subsites has no way to leave one out: its queue of
    subsites to build is emptied of it, and its table of each content's address in
    its own site (which the main site's pages link translations by) gets the
    skipped sites' entries from the last build (the same: no face changed)."""
    skipped = [lang for lang in list(i18n._SUBSITE_QUEUE) if build.untouched(lang)]
    for lang in skipped:
        del i18n._SUBSITE_QUEUE[lang]
    if skipped:
        for path, url in build.old["native_urls"].items():
            i18n._NATIVE_CONTENT_URL_DB.setdefault(path, url)


def file_stamps(root, skipped=()):
    """(path, mtime, size) of every file under ``root``, in order, but for the folders
    ``skipped``, Python's caches and the catalogs a build compiles (``.mo``): whether
    anything a build follows there changed since (``whole``; the preview's start,
    ``tasks.preview_loop``)."""
    skipped = {os.path.normpath(folder) for folder in skipped}
    found = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(
            name
            for name in subfolders
            if name != "__pycache__" and os.path.normpath(os.path.join(folder, name)) not in skipped
        )
        for name in sorted(files):
            if name.endswith(".mo"):
                continue
            stat = os.stat(os.path.join(folder, name))
            found.append((os.path.join(folder, name), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


def needed(writer, name, *groups):
    """Whether a file a generator writes itself (not through the writer's templates),
    showing the articles in ``groups``, must be written again: always, except in an
    incremental preview build where none of them changed."""
    if not isinstance(writer, PreviewWriter):
        return True
    shown = shows({"warta_shows": groups})
    return writer._must_render(writer._relative(name), shown, writer._context)


class PreviewWriter(Writer):
    """Pelican's writer, rendering only the files a change touches (see above); only
    ever made for a preview build (``get_writer``).

    Each file is decided once, before Pelican copies the whole context for it, makes
    its folder and opens it: a quick rebuild decides about every file of the site
    (1,600 at 1,000 articles) and renders a handful."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings)
        self._build = _BUILD
        self._lang = settings["DEFAULT_LANG"]
        self._context = {}
        self._decided = {}  # file Pelican writes, this call -> whether it is rendered
        self._untouched = None  # whether the whole site stays as it is (Build.untouched)
        self._nowhere = set()  # ... the ones it is not, as Pelican opens them

    def _relative(self, name):
        return os.path.relpath(os.path.join(self.output_path, name), self._build.output)

    def _must_render(self, relative, shown, context):
        """Record what the file at ``relative`` shows; whether it must be rendered."""
        build = self._build
        if self._site_untouched():
            return False
        build.outputs[relative] = shown
        build.sites[relative] = self._lang
        if self._lang not in build.everything:
            menu = tuple((p.url, str(p.title)) for p in context.get("pages", ()))
            build.menus[self._lang] = menu
            old_menu = build.old["menus"].get(self._lang) if build.old else None
            build.everything[self._lang] = old_menu != menu
        must = (
            build.old is None
            or build.everything[self._lang]
            or build.old["outputs"].get(relative, ...) != shown
            # A page that shows no article (the principles overview, search, 404,
            # robots.txt) changes only with what listings show of articles (their
            # faces), or with what a full build follows (settings, templates).
            or (shown is None and (build.changed_face is None or bool(build.changed_face)))
            or (shown is not None and touched(shown, build.changed, build.changed_face))
        )
        build.rendered += must
        return must

    def _site_untouched(self):
        """Whether this whole site stays as it is (``Build.untouched``), decided with
        its first file; every file of it is then left as it is."""
        if self._untouched is None:
            self._untouched = self._build.untouched(self._lang)
        return self._untouched

    def write_file(
        self,
        name,
        template,
        context,
        relative_urls=False,
        paginated=None,
        template_name=None,
        override_output=False,
        url=None,
        **kwargs,
    ):
        self._context = context
        arguments = dict(
            relative_urls=relative_urls,
            paginated=paginated,
            template_name=template_name,
            override_output=override_output,
            url=url,
            **kwargs,
        )
        if not name:
            return super().write_file(name, template, context, **arguments)
        if self._site_untouched():
            return None
        self._decided, self._nowhere = {}, set()
        for path, values in self._files(name, context, paginated, template_name, url, kwargs):
            # What the page's context (Pelican's: the site's, then these) has of SHOWN;
            # and its template's name, which Pelican does not put there.
            local = {k: m[k] for m in (context, kwargs, values) for k in SHOWN if k in m}
            shown = shows({**local, "template_name": template_name})
            self._decided[path] = self._must_render(self._relative(path), shown, context)
            if not self._decided[path]:
                self._nowhere.add(sanitised_join(self.output_path, path))
        if not any(self._decided.values()):
            return None
        return super().write_file(name, _Selective(template, self), context, **arguments)

    def _files(self, name, context, paginated, template_name, url, kwargs):
        """(path, the values Pelican adds to the context) of each file Pelican's
        ``write_file`` writes for these arguments: one, or one per page of a listing
        (its pagination, made as Pelican makes it)."""
        if paginated is None:
            paginated = {key: kwargs[key] for key in ("articles", "dates") if key in kwargs}
        if not paginated or template_name not in self.settings["PAGINATED_TEMPLATES"]:
            yield name, {"output_file": name}
            return
        per_page = (
            self.settings["PAGINATED_TEMPLATES"][template_name]
            or self.settings["DEFAULT_PAGINATION"]
        )
        paginators = {
            key: Paginator(name, url, values, self.settings, per_page)
            for key, values in paginated.items()
        }
        for number in range(1, next(iter(paginators.values())).num_pages + 1):
            values = {f"{key}_page": p.page(number) for key, p in paginators.items()}
            path = next(iter(values.values())).save_as
            yield path, {"output_file": path, **values}

    def write_feed(self, elements, context, path=None, url=None, *args, **kwargs):
        if path:
            limit = self.settings["FEED_MAX_ITEMS"]
            shown = (("feed", tuple(e.source_path for e in elements[:limit])),)
            if not self._must_render(self._relative(path), shown, context):
                return None
        return super().write_feed(elements, context, path, url, *args, **kwargs)

    def _open_w(self, filename, encoding, override=False):
        if filename in self._nowhere:
            return open(os.devnull, "w", encoding=encoding)
        return super()._open_w(filename, encoding, override)


class _Selective:
    """A template that renders only the files ``PreviewWriter.write_file`` decided to
    render (of a listing's pages, some may be); for the others the writer writes
    nothing (``_open_w`` opens nowhere for them)."""

    def __init__(self, template, writer):
        self.template = template
        self.writer = writer

    def render(self, localcontext):
        if self.writer._decided.get(localcontext["output_file"], True):
            return self.template.render(localcontext)
        return ""

    def __getattr__(self, name):
        return getattr(self.template, name)


class SharedBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory for every environment of one process.

    Jinja has a cache on disk (``FileSystemBytecodeCache``) and one for memcached, none
    in memory. The key names what the compiler reads besides the template (syntax,
    extensions, filters and tests), so environments that would compile a template
    differently never share it (ours all compile it the same way)."""

    def __init__(self):
        self.store = {}

    def get_bucket(self, environment, name, filename, source):
        # Everything the compiler reads: syntax, extensions and their policies, and the
        # filters and tests (it folds constants through them), each as `_same` tells them.
        options = (
            tuple(sorted(environment.extensions)),
            environment.autoescape,
            environment.block_start_string,
            environment.variable_start_string,
            environment.comment_start_string,
            environment.line_statement_prefix,
            environment.line_comment_prefix,
            environment.trim_blocks,
            environment.lstrip_blocks,
            environment.keep_trailing_newline,
            environment.is_async,
            id(environment.finalize),
            getattr(environment, "newstyle_gettext", None),
            repr(sorted(environment.policies.items())),
            tuple(sorted((name, _same(f)) for name, f in environment.filters.items())),
            tuple(sorted((name, _same(t)) for name, t in environment.tests.items())),
        )
        key = self.get_cache_key(f"{name}\0{options!r}", filename)
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket):
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket):
        self.store[bucket.key] = bucket.bytecode_to_string()


def _same(function):
    """What makes two environments' filter (or test) the same: the function itself, or
    for the ones Pelican makes anew for every generator (a ``DateFormatter``, a
    ``partial`` of ``plugin_enabled``) its kind and its values."""
    if isinstance(function, functools.partial):
        return ("partial", _same(function.func), repr(function.args), repr(function.keywords))
    if inspect.ismethod(function):
        return ("method", id(function.__func__), type(function.__self__).__qualname__)
    if inspect.isroutine(function) or not hasattr(function, "__dict__"):
        return id(function)
    kind = type(function)
    return (kind.__module__, kind.__qualname__, repr(sorted(vars(function).items())))


_COMPILED = SharedBytecodeCache()


def compile_templates_once(generator):
    """Jinja compiles every template once per environment, and every generator of
    every language site has its own: about 100 compiles in a build of two languages,
    half a second. A build compiles each template once (in memory, shared by all
    environments); the preview keeps them in its cache folder across quick rebuilds
    (Jinja checks each template's source before using its copy)."""
    if _BUILD is not None:
        folder = _BUILD.state_path.parent / "jinja"
        folder.mkdir(parents=True, exist_ok=True)
        generator.env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    else:
        generator.env.bytecode_cache = _COMPILED


def get_writer(pelican):
    if _BUILD is not None:
        if is_main_site(pelican.settings):
            # Written again by ``finish``: a build that fails while writing leaves none,
            # and the next one is a full build.
            _BUILD.state_path.unlink(missing_ok=True)
        return PreviewWriter


def note_static_files(generator):
    """Files copied as they are (a PDF a page links) are outputs too: one no longer
    linked is removed like a deleted article's page."""
    if _BUILD is not None and is_main_site(generator.settings):
        for static in generator.staticfiles:
            _BUILD.outputs[static.save_as] = ("static",)


def finish(pelican):
    """Remove what no build writes any more, and keep this build's state for the next."""
    build = _BUILD
    if build is None or not is_main_site(pelican.settings):
        return
    if build.old is not None:
        for relative in set(build.old["outputs"]) - set(build.outputs):
            path = build.output / relative
            path.unlink(missing_ok=True)
            for folder in path.parents:  # and the folders that held only it
                if folder == build.output:
                    break
                if not folder.is_dir():
                    continue
                if any(folder.iterdir()):
                    break
                folder.rmdir()
    build.save()
    if build.old is not None:
        logger.info("warta.incremental: %d files rendered", build.rendered)


def register():
    signals.initialized.connect(start)
    signals.get_writer.connect(get_writer)
    signals.static_generator_finalized.connect(note_static_files)
    signals.generator_init.connect(compile_templates_once)
    signals.finalized.connect(finish)
