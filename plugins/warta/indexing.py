"""The search index of a built site: one Pagefind run, and one bundle, per language.

Apart from ``warta.search`` (the plugin) so that it imports nothing of Pelican:
`invoke` runs it after Pelican has exited (``python -m warta.indexing OUTPUT id
en``, or ``index_site`` from tasks.py), and Pagefind then shares the machine with
no Python process holding the whole site.
"""

import shutil
import subprocess
import sys
from pathlib import Path


def index_site(output, main_lang, languages):
    """Index the built site: one Pagefind run and one bundle per language
    (``/pagefind/``, ``/en/pagefind/``; ``languages`` are all of them, the main
    one's site at the root). A run holds every page it indexes in memory: at 5,000
    articles one run for both languages peaked at 630 MB, one language at 310-345 MB."""
    output = Path(output)
    other_langs = [lang for lang in languages if lang != main_lang]
    subsites = set(other_langs)
    main_folders = sorted(
        p.name for p in output.iterdir() if p.is_dir() and p.name not in subsites | {"pagefind"}
    )
    runs = [
        (
            ",".join([*(f"{name}/**/*.html" for name in main_folders), "*.html"]),
            "pagefind",
            [output / name for name in main_folders],
        )
    ]
    runs += [(f"{lang}/**/*.html", f"{lang}/pagefind", [output / lang]) for lang in other_langs]
    for glob, bundle, folders in runs:
        if not any(has_body(folder) for folder in folders):
            # No article or page in this language yet. Pagefind would then index every
            # page whole, menus and listings; better no index (search.js: no match).
            shutil.rmtree(output / bundle, ignore_errors=True)
            continue
        command = [sys.executable, "-m", "pagefind", "--site", str(output), "--silent"]
        command += ["--glob", "{" + glob + "}", "--output-subdir", bundle]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(
                f"warta.indexing: Pagefind could not index {output}:\n{result.stderr}"
            )


def has_body(folder):
    """Whether any page under ``folder`` has a part to index (``data-pagefind-body``)."""
    for path in folder.rglob("*.html"):
        if b"data-pagefind-body" in path.read_bytes():
            return True
    return False


if __name__ == "__main__":  # python -m warta.indexing OUTPUT MAIN_LANG LANG [LANG ...]
    index_site(sys.argv[1], sys.argv[2], sys.argv[3:])
