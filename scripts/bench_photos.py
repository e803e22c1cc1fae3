"""Photo benchmark: an article with 12 phone photos, built twice.

Makes 12 photos the size a phone takes them (4000x3000 JPEG, EXIF-rotated,
with GPS data and sensor-like noise, so they compress like real photos, about
5 MB each), adds an article with them as a gallery to a copy of the sample
site, and builds it twice (the sample site's own photos already cached): the
first build encodes the 12 photos (on every core), the second finds them cached. Prints wall
and CPU time of both builds, how many photos each encoded, and the bytes of
the originals against what a phone fetches for the article's first screen.

    .venv/bin/python scripts/bench_photos.py
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from photo_files import phone_photo  # noqa: E402

PHOTOS = 12
ARTICLE = """Title: Dua Belas Foto dari Ponsel
Date: 2026-11-20 10:00
Slug: dua-belas-foto
Category: kegiatan
Tags: kemitraan
Summary: Satu artikel dengan dua belas foto ponsel, untuk mengukur pengolahan foto.
Image: dua-belas-foto/foto-01.jpg
Image_alt: Foto pertama dari ponsel

## Dokumen kegiatan

{gallery}
"""


def realistic(path, seed):
    """A phone photo with sensor-like noise, so that it compresses like a real one."""
    phone_photo(path)
    with Image.open(path) as image:
        exif = image.getexif()
        noise = Image.effect_noise(image.size, 28 + seed).convert("RGB")
        Image.blend(image.convert("RGB"), noise, 0.18).save(path, "JPEG", quality=92, exif=exif)


def build(content, output, cache):
    command = [
        sys.executable,
        "-m",
        "pelican",
        str(content),
        "-s",
        str(ROOT / "pelicanconf.py"),
        "-o",
        str(output),
        "--verbose",
        "-e",
        f'WARTA_PHOTO_CACHE="{cache}"',
    ]
    before, start = os.times(), time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    after, wall = os.times(), time.perf_counter() - start
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    log = " ".join(result.stdout.split())
    encoded = re.search(r"warta\.photos: (\d+) photos encoded", log).group(1)
    return wall, cpu, int(encoded)


def main():
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        content = scratch / "content"
        shutil.copytree(ROOT / "content", content)
        folder = content / "articles" / "2026" / "dua-belas-foto"
        for n in range(1, PHOTOS + 1):
            realistic(folder / f"foto-{n:02}.jpg", n)
        gallery = "\n".join(
            f'![Foto {n} dari ponsel](dua-belas-foto/foto-{n:02}.jpg "Foto {n}")'
            for n in range(1, PHOTOS + 1)
        )
        originals = sum(p.stat().st_size for p in folder.iterdir())
        cache = scratch / "cache"
        build(content, scratch / "output", cache)  # the sample site's own photos, cached first
        (content / "articles" / "2026" / "dua-belas-foto.md").write_text(
            ARTICLE.format(gallery=gallery)
        )
        print(
            f"{PHOTOS} phone photos, 4000x3000, {originals / PHOTOS / 1e6:.1f} MB each on average, "
            f"{os.cpu_count()} cores\n"
        )
        print("| build | wall | CPU | photos encoded |")
        print("|---|---|---|---|")
        for name in ("first (12 new photos)", "second (unchanged photos)"):
            wall, cpu, encoded = build(content, scratch / "output", cache)
            print(f"| {name} | {wall:.1f} s | {cpu:.1f} s | {encoded} |")
        published = sorted((scratch / "output" / "images" / "2026" / "dua-belas-foto").iterdir())
        sizes = {}
        for path in published:
            sizes.setdefault(path.name.rsplit("-", 1)[1], []).append(path.stat().st_size)
        print("\nPublished versions, average per photo:")
        for name in (
            "320.avif",
            "640.avif",
            "960.avif",
            "1600.avif",
            "960.webp",
            "1600.jpg",
            "og.jpg",
        ):
            print(f"  {name}: {sum(sizes[name]) / len(sizes[name]) / 1024:.0f} KB")
        print(f"  (the original: {originals / PHOTOS / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
