"""The old addresses of what an import wrote, for ``content/redirects.csv`` (the
redirects plugin reads it at build time): permalinks, ``?p=`` links, attachment pages,
category and tag archives and feeds."""

import csv
import io
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote

from warta.multilingual import section_path
from warta.wordpress.body import plain
from warta.wordpress.uploads import atomic_write


def normal(old):
    path, _, query = old.partition("?")
    return (unquote(path).rstrip("/") or "/") + ("?" + query if query else "")


def extend_redirects(path, groups, header):
    """Add ``groups`` [(comment, [(old, new)])] to the CSV at ``path`` (the format of the
    redirects plugin: ``old,new``, ``#`` comments), keeping every line already there and
    never adding an ``old`` twice. Returns (added, already in the file before, [(old,
    theirs, ours)] for the addresses the file already sent elsewhere, the sample site's
    for one)."""
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
            if normal(old) in known:  # in the file before (counted), or twice in this import
                if normal(old) in before:
                    kept += 1
                    if before[normal(old)] != new:
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


# WordPress's feed addresses: /feed/ and its variants, after a site, a category or a tag.
FEED_FORMS = ("feed/", "feed/rss2/", "feed/atom/", "feed/rdf/", "feed/rss/")
QUERY_FEEDS = ("rss2", "atom", "rss", "rdf")
PER_PAGE = 10  # WordPress's posts_per_page out of the box (the export does not say)
MAX_PAGES = 50  # paged archives named: the first ones are those people link to


def pages(count):
    """The paged archive numbers WordPress had for ``count`` posts: /page/2/ ..."""
    return range(2, min(-(-count // PER_PAGE), MAX_PAGES) + 1)


def redirects(run):
    """[(comment, [(old, new)])]: every old address of what was imported, and of the
    archives, feeds and documents around it. Targets in Pelican's link syntax where there
    is one ({filename}, {category}, {tag}, {index}, {static}), resolved by the build in
    the language of the old address; paths from the site's URL settings otherwise."""
    settings, links, terms = run.settings, run.links, run.term_map
    default = run.default_lang

    def prefix(lang):
        return "" if lang == default else f"/{lang}"

    all_feed = settings.get("FEED_ALL_ATOM") or settings.get("FEED_ATOM")
    groups = []
    used_terms = defaultdict(set)  # (domain, nicename) -> languages of its published posts
    per_term = defaultdict(int)  # (domain, nicename, lang) -> published posts
    per_lang, dates, authors = defaultdict(int), set(), set()
    for written in run.written + run.existing:
        item = written.item
        if written.status != "publish":
            continue
        new = "{filename}" + written.path.as_posix()
        pairs = []
        if item.link:
            pairs.append((links.redirect_address(item.link), new))
        query = "p" if item.type == "post" else "page_id"
        pairs.append((f"/?{query}={item.id}", new))
        for attachment in run.children.get(item.id, ()):
            if attachment.link:
                pairs.append((links.redirect_address(attachment.link), new))
            pairs.append((f"/?attachment_id={attachment.id}", new))
        pairs += [(old, "{static}" + target) for old, target in written.documents]
        # Old photo addresses (the original and its resized copies): only of what is
        # published, as the redirects plugin requires of a {static} photo target.
        pairs += [(old, "{static}" + target) for old, target in written.photos]
        groups.append((run.t("redirects_post", id=item.id, title=plain(item.title)), pairs))
        if item.type != "post":
            continue
        per_lang[written.lang] += 1
        dates.add((written.lang, f"{written.date:%Y}", f"{written.date:%m}"))
        if item.login:
            authors.add((written.lang, item.login))
        for domain, nicename, _name in item.terms:
            if domain in ("category", "post_tag"):
                used_terms[(domain, nicename)].add(written.lang)
                per_term[(domain, nicename, written.lang)] += 1
    pairs = []
    for lang in sorted(per_lang, key=lambda lang: lang != default):
        home = prefix(lang)
        if all_feed:
            for form in FEED_FORMS:
                pairs.append((f"{home}/{form}", f"{home}/{all_feed}"))
            pairs.append((f"{home}/comments/feed/", f"{home}/{all_feed}"))
            if lang == default:
                pairs += [(f"/?feed={kind}", f"/{all_feed}") for kind in QUERY_FEEDS]
        pairs += [(f"{home}/page/{n}/", "{index}") for n in pages(per_lang[lang])]
    for lang, year, month in sorted(dates):
        year_page = prefix(lang) + "/" + section_path(settings, lang, "archive", year)
        pairs.append((f"{prefix(lang)}/{year}/", year_page))
        # The month on the year's page (theme/templates/archive.html's month_anchor).
        pairs.append((f"{prefix(lang)}/{year}/{month}/", f"{year_page}#{year}-{month}"))
    pairs += [(f"{prefix(lang)}/author/{login}/", "{index}") for lang, login in sorted(authors)]
    for (domain, nicename), langs in sorted(used_terms.items()):
        mapped = terms(domain, nicename)
        lang = default if default in langs else sorted(langs)[0]
        home = prefix(lang)
        new = terms.target(mapped)
        if domain == "category":
            base = f"{home}/category/{category_path(run.export, nicename)}"
        else:
            base = f"{home}/tag/{nicename}"
        pairs.append((f"{base}/", new))
        feed = terms.feed(mapped)
        if feed:
            pairs += [(f"{base}/{form}", f"{home}/{feed}") for form in FEED_FORMS]
        pairs += [(f"{base}/page/{n}/", new) for n in pages(per_term[(domain, nicename, lang)])]
        # ?cat= and ?tag= carry no language: another language's archive by its path.
        query_new = new if lang == default else f"{home}/{terms.page(mapped, lang)}"
        term = run.export.terms.get((domain, nicename))
        if domain == "category" and term and term.get("id"):
            pairs.append((f"/?cat={term['id']}", query_new))
        elif domain == "post_tag":
            pairs.append((f"/?tag={nicename}", query_new))
    groups.append((run.t("redirects_terms"), pairs))
    return groups


def category_path(export, nicename):
    """``parent/child`` of a WordPress category: its archive is /category/parent/child/."""
    path, seen = [nicename], {nicename}
    parent = export.terms.get(("category", nicename), {}).get("parent")
    while parent and parent not in seen:
        path.insert(0, parent)
        seen.add(parent)
        parent = export.terms.get(("category", parent), {}).get("parent")
    return "/".join(path)
