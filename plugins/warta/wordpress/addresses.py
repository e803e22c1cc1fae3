"""The old addresses of what an import wrote, for ``content/redirects.csv`` (the
redirects plugin reads it at build time): permalinks, ``?p=`` links, attachment pages,
category and tag archives and feeds."""

import csv
import io
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urlsplit

from warta.facts import match_term, slug_of
from warta.wordpress.body import plain, straighten
from warta.wordpress.terms import fold, principle_of
from warta.wordpress.uploads import atomic_write

def normal(old):
    path, _, query = old.partition("?")
    return (unquote(path).rstrip("/") or "/") + ("?" + query if query else "")


def extend_redirects(path, groups, header):
    """Add ``groups`` [(comment, [(old, new)])] to the CSV at ``path`` (the format of the
    redirects plugin: ``old,new``, ``#`` comments), keeping every line already there and
    never adding an ``old`` twice. Returns (added, already there, [(old, theirs, ours)]
    for the addresses the file already sent elsewhere, the sample site's for one)."""
    path = Path(path)
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    before = {}  # normal old -> new, as the file had it before this import
    for row in csv.reader(line for line in existing.splitlines() if not line.startswith("#")):
        if len(row) >= 2 and row[0] != "old":
            before.setdefault(normal(row[0]), row[1])
    known = set(before)
    conflicts = []  # (old, where the file sends it, where the import would)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if not existing.strip():
        out.write(header + "\n")
        writer.writerow(["old", "new"])
    added = kept = 0
    for comment, pairs in groups:
        fresh = []
        for old, new in pairs:
            if normal(old) in known:
                kept += 1
                if normal(old) in before and before[normal(old)] != new:
                    conflicts.append((old, before[normal(old)], new))
                continue
            known.add(normal(old))
            fresh.append((old, new))
        if fresh:
            out.write("# " + comment.lstrip("# ").replace("\n", " ") + "\n")
            writer.writerows(fresh)
            added += len(fresh)
    if added or not existing:
        prefix = existing if not existing or existing.endswith("\n") else existing + "\n"
        atomic_write(path, prefix + out.getvalue())
    return added, kept, conflicts


def redirects(run):
    """[(comment, [(old, new)])]: every old address of what was imported."""
    groups = []
    home = urlsplit(run.export.home).path.rstrip("/")
    en = {
        lang for lang in run.settings.get("WARTA_LANGUAGES", {}) if lang != run.default_lang
    }

    def old(url):
        parts = urlsplit(url)
        path = parts.path
        if home and path.startswith(home):
            path = path[len(home) :] or "/"
        return path + (f"?{parts.query}" if parts.query else "")

    used_terms = defaultdict(set)  # (domain, nicename) -> languages of posts
    term_names = {}
    for written in run.written + run.existing:
        item = written.item
        if written.status != "publish":
            continue
        new = "{filename}" + written.path.as_posix()
        pairs = []
        if item.link:
            pairs.append((old(item.link), new))
        query = "p" if item.type == "post" else "page_id"
        pairs.append((f"/?{query}={item.id}", new))
        for attachment in run.attachments.values():
            if attachment.parent == item.id and attachment.link:
                pairs.append((old(attachment.link), new))
                pairs.append((f"/?attachment_id={attachment.id}", new))
        groups.append((run.t("redirects_post", id=item.id, title=plain(item.title)), pairs))
        for domain, nicename, _name in item.terms:
            if domain in ("category", "post_tag"):
                used_terms[(domain, nicename)].add(written.lang)
                term_names.setdefault((domain, nicename), _name)
    pairs = [("/feed/", "/feeds/all.atom.xml"), ("/comments/feed/", "/feeds/all.atom.xml")]
    for lang in sorted(en):
        pairs.append((f"/{lang}/feed/", f"/{lang}/feeds/all.atom.xml"))
    for (domain, nicename), langs in sorted(used_terms.items()):
        term = run.export.terms.get(
            (domain, nicename),
            {"name": term_names.get((domain, nicename)) or nicename, "id": 0},
        )
        name = straighten(plain(term["name"])) or unquote(nicename)
        principle = principle_of(name, run.principles)
        lang = run.default_lang if run.default_lang in langs else sorted(langs)[0]
        prefix = "" if lang == run.default_lang else f"/{lang}"
        if principle:
            new, slug, feed_kind = "{tag}" + principle.slug, principle.slug, "tag"
        elif domain == "category" and name not in run.unmapped:
            ours = mapped_category(run, name, nicename)
            new, slug, feed_kind = "{category}" + ours, ours, "category"
        else:
            slug = slug_of(name)
            new, feed_kind = "{tag}" + name, "tag"
        if lang != run.default_lang:  # the language's own page: a site path
            section = (
                "tag"
                if feed_kind == "tag"
                else run.settings["WARTA_LANGUAGES"][lang]["sections"]["category"]
            )
            new = f"{prefix}/{section}/{slug}/"
        wp_base = "category" if domain == "category" else "tag"
        pairs.append((f"{prefix}/{wp_base}/{nicename}/", new))
        pairs.append(
            (
                f"{prefix}/{wp_base}/{nicename}/feed/",
                f"{prefix}/feeds/{feed_kind}/{slug}.atom.xml",
            )
        )
        if term.get("id") and domain == "category":
            pairs.append((f"/?cat={term['id']}", new))
        elif domain == "post_tag":
            pairs.append((f"/?tag={nicename}", new))
    groups.append((run.t("redirects_terms"), pairs))
    return groups


def mapped_category(run, name, nicename):
    for key in (fold(name), fold(unquote(nicename))):
        if run.category_table.get(key):
            return run.category_table[key]
        ours = match_term(key, run.categories)
        if ours:
            return ours.slug
    return run.settings.get("DEFAULT_CATEGORY")
