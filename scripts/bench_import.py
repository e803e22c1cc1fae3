"""How long `invoke import-wordpress` takes on a generated export of 1,000 posts (each
with six paragraphs, a captioned photo and five attached photos, two of them in a
gallery: 5,000 attachments; every tenth post an English translation).

    .venv/bin/python scripts/bench_import.py [POSTS]
"""

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from wordpress_export import big_export  # noqa: E402


def main(posts=1000):
    with tempfile.TemporaryDirectory() as scratch:
        export, uploads = big_export(scratch, posts)
        content = Path(scratch) / "content"
        content.mkdir()
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "invoke",
                "import-wordpress",
                str(export),
                "--uploads",
                str(uploads),
                "--content",
                str(content),
                "--report",
                str(Path(scratch) / "r.md"),
            ],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        seconds = time.perf_counter() - started
    print(f"{posts} posts imported in {seconds:.1f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
