"""The import's report (``impor-wordpress-laporan.md``): what was imported, skipped and
why, and what the editor still has to decide. Not published."""

from datetime import datetime
from pathlib import Path

from babel import Locale, UnknownLocaleError

from warta.wordpress.body import plain
from warta.wordpress.uploads import atomic_write


def keep_previous(report_path):
    """Move an earlier run's report aside (``impor-wordpress-laporan-2024-04-20-0930.md``,
    from its last change) so that its to-dos are not lost; the new path, or None."""
    report_path = Path(report_path)
    if not report_path.exists():
        return None
    stamp = datetime.fromtimestamp(report_path.stat().st_mtime).strftime("%Y-%m-%d-%H%M")
    previous = report_path.with_name(f"{report_path.stem}-{stamp}{report_path.suffix}")
    number = 2
    while previous.exists():
        previous = report_path.with_name(f"{report_path.stem}-{stamp}-{number}{report_path.suffix}")
        number += 1
    report_path.rename(previous)
    return previous


def write_report(run, report_path, redirects_path, added, kept=0, previous=None):
    """Write the Markdown report of ``run`` (the Importer) to ``report_path``; the number
    of to-dos in it. ``previous``: where the last run's report was moved (keep_previous)."""
    t = run.t
    articles = [w for w in run.written if w.kind == "article"]
    pages = [w for w in run.written if w.kind == "page"]
    pairs = [w for w in run.written if w.original is not None]
    lines = [
        t("report_title"),
        "",
        t(
            "report_intro",
            export=run.export.path.name,
            site=run.export.site,
            when=datetime.now(run.zone).strftime("%Y-%m-%d %H:%M"),
            redirects=redirects_path.name,
        ),
        "",
        *([t("previous_report", previous=previous.name), ""] if previous else []),
        t("h_summary"),
        "",
        "| | |",
        "|---|---:|",
    ]
    counts = {
        "c_articles": len(articles),
        "c_drafts": sum(w.status == "draft" for w in articles),
        "c_future": sum(w.status == "future" for w in articles),
        "c_pages": len(pages),
        "c_pairs": len(pairs),
        "c_photos": run.photos,
        "c_missing": run.missing,
        "c_files": run.files,
        "c_private": len(run.private),
        "c_foreign": len(run.foreign),
        "c_existing": len(run.existing),
        "c_other": sum(run.export.skipped.values()),
        "c_redirects": added,
        "c_redirects_kept": kept,
    }
    languages = "/".join(language_name(code, run.lang) for code in run.settings["WARTA_LANGUAGES"])
    lines += [
        t("row", what=t(key, languages=languages), count=count) for key, count in counts.items()
    ]
    lines += ["", t("h_todo"), ""]
    todo = [t(key, **values) for key, values in run.todo]
    for written in run.written:
        file = written.path.as_posix()
        todo += [t(key, file=file, **values) for key, values in written.notes]
    lines += [f"- {line}" for line in todo] or [t("no_todo")]
    skipped = [t("private", title=plain(i.title), id=i.id) for i in run.private]
    skipped += [
        t("foreign", title=plain(i.title), id=i.id, lang=lang[:20]) for i, lang in run.foreign
    ]
    skipped += [t("existing", file=w.path.as_posix()) for w in run.existing]
    skipped += [
        t("skipped_kind", count=count, kind=kind_name(t, kind))
        for kind, count in sorted(run.export.skipped.items())
    ]
    if skipped:
        lines += ["", t("h_skipped"), "", *skipped]
    lines += ["", t("h_articles"), ""]
    for written in run.written:
        item = written.item
        status = t(f"status_{written.status}", date=f"{written.date:%Y-%m-%d %H:%M}")
        lines.append(
            t(
                "article_line",
                title=plain(item.title) or t("untitled"),
                file=written.path.as_posix(),
                kind=t("kind_post" if item.type == "post" else "kind_page"),
                id=item.id,
                status=status,
            )
        )
        details = []
        if written.original is not None:
            details.append(
                t(
                    "translation_of",
                    language=language_name(written.lang, run.lang),
                    file=written.original.path.as_posix(),
                )
            )
        if item.sticky:
            details.append(t("sticky"))
        details.append(t("comments", count=item.comments))
        if written.suggestions:
            details.append(t("suggestions"))
            details += [t("suggestion", field=f, value=v) for f, v in written.suggestions]
        lines += ["", *details, ""]
    atomic_write(report_path, "\n".join(lines).rstrip() + "\n")
    return len(todo)


def kind_name(t, kind):
    """What WordPress calls a skipped item ("revision", "post/trash"), in the staff's words."""
    try:
        return t("kind_" + kind.replace("/", "_").replace("-", "_"))
    except KeyError:
        return kind


def language_name(code, lang):
    """The name of language ``code`` in language ``lang`` ("en" in Indonesian: "Inggris")."""
    try:
        return Locale.parse(lang).languages.get(code, code)
    except (ValueError, UnknownLocaleError):
        return code
