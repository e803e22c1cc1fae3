"""Build speed and memory: this project against stock Pelican, on the same articles.

Generates N contract-valid articles (half Indonesian, half their English
translations, about 600 words each, one in five an event report, each tagged
with one to three of the seven principles), then builds them, interleaved,
several rounds:

- **warta**: the project's production build as ``invoke publish`` runs it
  (``publishconf.py``, both languages, the contract, events, feeds, sitemaps,
  then the search index and the precompressed files), cold: no content cache, a
  fresh output folder;
- **stock**: Pelican 4.12 with typogrify and its default theme, one language,
  the same articles (Pelican links the translations), same machine;
- **stock-i18n**: the same with pelican-i18n-subsites building the English
  translations as their own site, as this project builds two languages.

For each it prints the minimum and median CPU time (user + sys, every process
of the build, Pagefind included), wall time, the peak memory of the whole build
(all its processes together: their proportional set sizes, sampled every 50 ms)
and the peak resident memory of its largest process (Pelican's Python, or
Pagefind), and the ratio of CPU times. Nothing is timed by the test suite: these
figures are for the README.

``--preview`` measures the editor's loop instead: it starts the real preview
server (``invoke serve``'s loop) on the generated site, then saves a change to
one article and to its English translation, adds an article, changes its tags and
deletes it, and each time measures from the save to the server answering with the
new version of the page that shows it.

    .venv/bin/python scripts/benchmark.py [--articles 1000] [--rounds 3]
    .venv/bin/python scripts/benchmark.py --articles 20000 --rounds 1 --only warta stock
    .venv/bin/python scripts/benchmark.py --articles 1000 --preview
"""

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from warta.facts import PRINCIPLES  # noqa: E402

CATEGORIES = ("berita", "kegiatan", "kisah-literasi")
TOPICS = {
    "id": "literasi digital|bimtek|pojok baca|lomba bercerita|perpustakaan desa|layanan keliling"
    "|arsip daerah|kunjungan sekolah|donasi buku|inklusi sosial|pelatihan|gerakan membaca",
    "en": "digital literacy|training|reading corner|storytelling contest|village library"
    "|mobile library|regional archive|school visit|book donation|social inclusion|workshop"
    "|reading campaign",
}
WORDS = {
    "id": "perpustakaan daerah rejang lebong kegiatan literasi masyarakat pustakawan layanan buku "
    "anak sekolah desa membaca kunjungan pelatihan program peserta bimtek kabupaten bengkulu "
    "informasi koleksi digital ruang baca kegiatan warga inklusi sosial kerja sama dinas "
    "pendidikan kebudayaan mahasiswa guru orang tua pengunjung anggota kartu pinjam",
    "en": "library regional rejang lebong activity literacy community librarians service books "
    "children school village reading visit training programme participants province bengkulu "
    "information collection digital reading room residents social inclusion partnership office "
    "education culture students teachers parents visitors members card borrowing",
}
FIRST = datetime(2012, 1, 1, 8, 0)
LAST = datetime(2026, 11, 1, 8, 0)


def sentence(rng, words):
    chosen = rng.choices(words, k=rng.randint(8, 16))
    return " ".join(chosen).capitalize() + "."


def body(rng, lang, words_wanted=600):
    words = WORDS[lang].split()
    paragraphs, count = [], 0
    while count < words_wanted:
        paragraph = " ".join(sentence(rng, words) for _ in range(rng.randint(3, 6)))
        count += len(paragraph.split())
        paragraphs.append(paragraph)
    paragraphs.insert(2, "## " + sentence(rng, words).rstrip(".").title())
    paragraphs.insert(4, "\n".join(f"- {sentence(rng, words)}" for _ in range(3)))
    return "\n\n".join(paragraphs)


def article(rng, n, lang, when, category, principles, topics, event):
    title_words = WORDS[lang].split()
    title = " ".join(rng.choices(title_words, k=7)).title() + f" {n}"
    lines = [
        f"Title: {title}",
        f"Date: {when:%Y-%m-%d %H:%M}",
        f"Lang: {lang}",
        f"Slug: warta-{n:05d}",
        f"Category: {category}",
        "Tags: " + ", ".join([PRINCIPLES[p]["id"] for p in principles] + topics),
        "Author: Feri Sutomo",
        f"Summary: {sentence(rng, title_words)}",
    ]
    if event:
        start = when - timedelta(days=rng.randint(1, 20))
        lines += [
            f"Event: {title}",
            f"Event_start: {start:%Y-%m-%d} 08:00",
            f"Event_end: {start:%Y-%m-%d} 13:00",
            "Event_organizer: Perpustakaan Daerah Rejang Lebong",
            "Event_location: Aula Perpustakaan Daerah, Curup",
            "Event_attendance: offline",
            "Participants: Esnalianti; Sunarsih; Feri Sutomo",
        ]
    return "\n".join(lines) + "\n\n" + body(rng, lang) + "\n"


def generate(content, articles, seed=43):
    """``articles`` Markdown files under ``content``: half Indonesian, half their translations,
    with the sample site's pages, principle texts and images."""
    rng = random.Random(seed)
    if content.exists():
        shutil.rmtree(content)
    shutil.copytree(
        ROOT / "content", content, ignore=shutil.ignore_patterns("articles", "redirects.csv")
    )
    span = (LAST - FIRST).total_seconds()
    pairs = articles // 2
    for n in range(pairs):
        when = FIRST + timedelta(seconds=int(span * n / max(pairs, 1)))
        category = rng.choice(CATEGORIES)
        principles = rng.sample(sorted(PRINCIPLES), rng.randint(1, 3))
        index = rng.sample(range(12), 2)
        event = rng.random() < 0.2
        folder = content / "articles" / f"{when:%Y}"
        folder.mkdir(parents=True, exist_ok=True)
        for lang, suffix in (("id", ".md"), ("en", ".en.md")):
            topics = [TOPICS[lang].split("|")[i] for i in index]
            text = article(rng, n, lang, when, category, principles, topics, event)
            (folder / f"warta-{n:05d}{suffix}").write_text(text, encoding="utf-8")
    return content


STOCK_SETTINGS = """
AUTHOR = "Perpustakaan Daerah Rejang Lebong"
SITENAME = "Warta Perpustakaan"
SITEURL = "https://perpustakaan.rejanglebongkab.go.id"
RELATIVE_URLS = False
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
PATH = {content!r}
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
TYPOGRIFY = True
DEFAULT_PAGINATION = 10
PLUGINS = []  # not the installed namespace plugins (i18n_subsites)
"""
CONTENDERS = ("warta", "stock", "stock-i18n")
STOCK_I18N_SETTINGS = STOCK_SETTINGS.replace(
    "PLUGINS = []  # not the installed namespace plugins (i18n_subsites)",
    'PLUGINS = ["pelican.plugins.i18n_subsites"]\nI18N_SUBSITES = {{"en": {{}}}}',  # .format()
)


def project_command(content, output, cache):
    """`invoke publish` on ``content``: Pelican with publishconf.py into a staging
    folder, then the search index, the precompressed files, then the swap."""
    code = (
        "import sys; sys.path.insert(0, {root!r}); import invoke, tasks; from pathlib import Path; "
        "ok = tasks.production_build(invoke.Context(), Path({output!r}), "
        "overrides={overrides!r}, content=Path({content!r})); sys.exit(0 if ok else 1)"
    ).format(
        root=str(ROOT),
        output=str(output),
        content=str(content),
        overrides=[f'CACHE_PATH="{cache}"', f'WARTA_PHOTO_CACHE="{cache / "photos"}"'],
    )
    return [sys.executable, "-c", code]


def stock_command(content, output, settings):
    return [sys.executable, "-m", "pelican", str(content), "-s", str(settings), "-o", str(output)]


def tree_memory(pid):
    """Memory (bytes) of ``pid`` and all its descendants: the sum of their proportional
    set sizes (PSS, from /proc/*/smaps_rollup), so pages a forked worker shares with its
    parent count once, not twice as summed RSS would."""
    children = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry.name))
        except OSError:
            continue
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo.extend(children.get(current, ()))
        try:
            with open(f"/proc/{current}/smaps_rollup") as rollup:
                for line in rollup:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
        except OSError:
            pass
    return total


def measure(command, cwd=ROOT):
    """Run ``command``; return CPU seconds (user+sys of it and its children), wall seconds,
    memory of the whole process tree (PSS, sampled) and peak RSS of its largest process."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        peak, done = [0], threading.Event()

        def sample():  # never waits for the process: os.wait4 below collects it
            while not done.wait(0.05):
                peak[0] = max(peak[0], tree_memory(process.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"{command[:4]} failed:\n{errors.read().decode()[-3000:]}")
    return {
        "cpu": usage.ru_utime + usage.ru_stime,
        "wall": wall,
        "peak": peak[0],
        "largest": usage.ru_maxrss * 1024,
    }


def summary(runs):
    def both(key, scale=1.0):
        values = [run[key] / scale for run in runs]
        return min(values), statistics.median(values)

    return {
        "cpu": both("cpu"),
        "wall": both("wall"),
        "peak": both("peak", 2**20),
        "largest": both("largest", 2**20),
    }


def cold_builds(articles, rounds, work, names=CONTENDERS):
    content = generate(work / "content", articles)
    settings = {"stock": work / "stockconf.py", "stock-i18n": work / "stocki18n.py"}
    settings["stock"].write_text(STOCK_SETTINGS.format(content=str(content)), encoding="utf-8")
    settings["stock-i18n"].write_text(
        STOCK_I18N_SETTINGS.format(content=str(content)), encoding="utf-8"
    )
    names = list(names)
    results = {name: [] for name in names}
    for round_ in range(rounds):
        turn = round_ % len(names)
        for name in names[turn:] + names[:turn]:  # each goes first in turn
            output = work / f"output-{name}"
            cache = work / f"cache-{name}"
            for folder in (output, cache):
                shutil.rmtree(folder, ignore_errors=True)
            if name == "warta":
                command = project_command(content, output, cache)
            else:
                command = stock_command(content, output, settings[name])
            run = measure(command)
            results[name].append(run)
            print(
                f"  round {round_ + 1} {name}: cpu {run['cpu']:.1f} s, wall {run['wall']:.1f} s, "
                f"peak {run['peak'] / 2**20:.0f} MB (largest process {run['largest'] / 2**20:.0f} MB)",
                flush=True,
            )
    files = sum(1 for _ in (work / "output-warta").rglob("*") if _.is_file())  # 0 without warta
    return results, files


def report_cold(articles, rounds, work, names=CONTENDERS):
    print(f"Cold builds of {articles} articles, {rounds} rounds interleaved:", flush=True)
    results, files = cold_builds(articles, rounds, work, names)
    print(f"\n{articles} articles ({files} files written by warta):")
    print(f"{'':10} {'CPU s (min/median)':>18} {'wall s':>14} {'whole MB':>12} {'largest MB':>12}")
    figures = {name: summary(runs) for name, runs in results.items()}
    for name, figure in figures.items():
        print(
            f"{name:10} {figure['cpu'][0]:7.1f} {figure['cpu'][1]:9.1f} "
            f"{figure['wall'][0]:6.1f} {figure['wall'][1]:6.1f} "
            f"{figure['peak'][0]:5.0f} {figure['peak'][1]:5.0f} "
            f"{figure['largest'][0]:5.0f} {figure['largest'][1]:5.0f}"
        )
    for other in [name for name in ("stock", "stock-i18n") if name in figures]:
        if "warta" not in figures:
            break
        ratio = figures["warta"]["cpu"][1] / figures[other]["cpu"][1]
        print(f"CPU ratio warta/{other} (medians): {ratio:.2f}")


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def wait_for(url, text, timeout=120, since=None, gone=False):
    """Seconds from ``since`` (default: now) until ``url`` shows ``text`` (or, with
    ``gone``, no longer shows it)."""
    started = since if since is not None else time.perf_counter()
    while time.perf_counter() - started < timeout:
        if (text in fetch(url)) != gone:
            return time.perf_counter() - started
        time.sleep(0.01)
    raise SystemExit(f"{url} {'still showed' if gone else 'never showed'} {text!r}")


def report_preview(articles, work, port=8765):
    content = generate(work / "content", articles)
    target = work / "preview"
    code = (
        "import sys; sys.path.insert(0, {root!r}); import tasks; from pathlib import Path; "
        "tasks.preview_loop('127.0.0.1', {port}, content=Path({content!r}), target=Path({target!r}))"
    ).format(root=str(ROOT), port=port, content=str(content), target=str(target))
    server = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        started = time.perf_counter()
        wait_for(base + "/", "warta-", timeout=900)
        first = time.perf_counter() - started
        print(f"Preview of {articles} articles: the first (full) build served after {first:.1f} s")
        time.sleep(3)  # the search index, in the background
        source = sorted((content / "articles").glob("*/warta-*[0-9].md"))[
            len(articles_of(content)) // 4
        ]
        text = source.read_text(encoding="utf-8")
        date = next(line.split()[1] for line in text.splitlines() if line.startswith("Date:"))
        page = f"{base}/{date[:4]}/{date[5:7]}/{source.stem}/"

        def save(path, new_text, url, marker):
            saved = time.perf_counter()
            path.write_text(new_text, encoding="utf-8")
            seconds = wait_for(url, marker, since=saved)
            time.sleep(2)  # let the background search index finish, as an editor reads
            return seconds

        edits = [
            save(source, text + f"\n\nKalimat{n}Baru untuk diukur.\n", page, f"Kalimat{n}Baru")
            for n in range(5)
        ]
        print("  save one article -> its page shows the change: " + fmt(edits))
        # Its English translation: the main site is built too (i18n_subsites builds the
        # English site from it), so the English site's saves take longer.
        english = source.with_name(source.stem + ".en.md")
        english_text = english.read_text(encoding="utf-8")
        english_page = page.replace(base, base + "/en", 1)
        english_edits = [
            save(english, english_text + f"\n\nSentence{n}New.\n", english_page, f"Sentence{n}New")
            for n in range(5)
        ]
        english.write_text(english_text, encoding="utf-8")
        print("  save its English translation -> its page shows it: " + fmt(english_edits))
        new = source.with_name("warta-baru.md")
        new_text = (
            text.replace(f"Slug: {source.stem}", "Slug: warta-baru")
            .replace(f"Date: {date}", "Date: 2026-11-20")
            .replace("Title: ", "Title: ArtikelTerbaru ", 1)
        )
        added = save(new, new_text, base + "/", "ArtikelTerbaru")
        print(f"  add an article -> the home page lists it: {added:.2f} s")
        retagged = save(
            new,
            new_text.replace("Tags: ", "Tags: tagar baru, ", 1),
            base + "/tag/tagar-baru/",
            "ArtikelTerbaru",
        )
        print(f"  change its tags -> the new tag's page lists it: {retagged:.2f} s")
        saved = time.perf_counter()
        new.unlink()
        removed = wait_for(base + "/", "ArtikelTerbaru", since=saved, gone=True)
        print(f"  delete it -> the home page no longer lists it: {removed:.2f} s")
    finally:
        os.killpg(server.pid, 15)
        server.wait()


def articles_of(content):
    return sorted((content / "articles").glob("*/warta-*[0-9].md"))


def fmt(seconds):
    return ", ".join(f"{s:.2f} s" for s in seconds)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--preview", action="store_true", help="measure the preview loop")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=CONTENDERS,
        default=CONTENDERS,
        help="build only these (20,000 articles: leave out stock-i18n, the slowest)",
    )
    arguments = parser.parse_args()
    work = arguments.keep or Path(tempfile.mkdtemp(prefix="warta-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; work in {work}")
    try:
        if arguments.preview:
            report_preview(arguments.articles, work)
        else:
            report_cold(arguments.articles, arguments.rounds, work, arguments.only)
    finally:
        if not arguments.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
