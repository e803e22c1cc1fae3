"""`invoke deploy`, `invoke rollback` and `invoke gh-pages`, run as staff run them.

Each test runs the real command (``python -m invoke ...``) in a copy of the project
whose publishconf.py names a test address, against a folder reached through rsync
(a local target), an SSH server started here (Debian's sshd on a free port, with a
host key and an authorized key made for the test), or a bare git repository for
GitHub Pages. The site uploaded is the fixture site's production build (conftest's
``production_site``: theme files named by content, .gz and .br, .htaccess).
"""

import fnmatch
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import FIXTURES, ROOT, SITEURL, build, free_port, snapshot

RELEASE = re.compile(r"\d{8}T\d{6}Z")
IN_CI = bool(os.environ.get("CI"))


def need(tool, package):
    """The path of ``tool``; skipped loudly without it, failed in CI (.ci/run installs it)."""
    path = shutil.which(tool) or (tool if os.path.exists(tool) else None)
    if path is None:
        if IN_CI:
            pytest.fail(f"{tool} is missing: .ci/run installs {package}")
        pytest.skip(f"NO {tool.upper()}: apt-get install {package}")
    return path


# --- A copy of the project, as a library has it ----------------------------------------


def make_project(
    folder, site=None, deploy=None, siteurl=SITEURL, content=None, extra="", sample=False
):
    """A project folder: our tasks, settings and plugins, a publishconf.py naming
    ``siteurl`` and ``deploy`` (WARTA_DEPLOY), and ``site`` as its output/. Its library's
    details are its own (WARTA_SAMPLE_DETAILS = False), unless ``sample``."""
    folder = Project(folder)
    folder.mkdir(parents=True)
    for name in ("tasks.py", "pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, folder / name)  # tasks.py finds its ROOT from its own path
    if not sample:
        with open(folder / "pelicanconf.py", "a") as settings:
            settings.write("\nWARTA_SAMPLE_DETAILS = False\n")
    for name in ("plugins", "theme", "server"):
        (folder / name).symlink_to(ROOT / name)
    (folder / "content").symlink_to(content or ROOT / "content")
    with open(folder / "publishconf.py", "a") as settings:
        settings.write(f"\nSITEURL = {siteurl!r}\n")
        if deploy is not None:
            settings.write(f"WARTA_DEPLOY = {deploy!r}\n")
        settings.write(extra)
    if site is not None:
        shutil.copytree(site, folder / "output", symlinks=True)
    folder.siteurl = siteurl
    return folder


def invoke(project, *args, timeout=300, **popen):
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        **popen,
    )


def said(result):
    return result.stdout + result.stderr


def releases(server):
    folder = server / "releases"
    return sorted(p.name for p in folder.iterdir() if RELEASE.fullmatch(p.name))


def live(server):
    link = server / "current"
    assert link.is_symlink(), "current must be a symlink"
    target = os.readlink(link)
    assert target.startswith("releases/"), f"current -> {target}: not relative to the deploy path"
    return target.removeprefix("releases/")


def change_the_site(output, n):
    """What a new build changes: one page's text, one new file."""
    home = output / "index.html"
    home.write_text(home.read_text(encoding="utf-8") + f"\n<!-- build {n} -->\n", encoding="utf-8")
    (output / f"baru-{n}.txt").write_text(f"new in build {n}\n")


def change_the_stylesheet(output, n):
    """What a build with another stylesheet writes: it under its new name (with its .gz
    and .br), every page linking that name, the old name gone. The new name."""
    from warta.compressing import compress_file
    from warta.publishing import fingerprinted

    theme = output / "theme"
    [old] = (theme / "css").glob("style.*.css")
    data = old.read_bytes() + f"\n/* build {n} */\n".encode()
    new = theme / fingerprinted("css/style.css", data)
    new.write_bytes(data)
    compress_file(str(new))
    for stale in (theme / "css").glob(f"{old.name}*"):
        stale.unlink()
    for page in output.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        page.write_text(html.replace(old.name, new.name), encoding="utf-8")
    return new.relative_to(output).as_posix()


def linked_stylesheet(folder):
    """The stylesheet the home page in ``folder`` links, as a path in ``folder``."""
    html = (folder / "index.html").read_text(encoding="utf-8")
    return re.search(r'<link rel="stylesheet" href="[^"]*/(theme/css/[^"]+)"', html)[1]


class Project(type(Path())):
    """A project folder, its address, and where it deploys to (``server``) or publishes
    (``github``)."""

    siteurl: str
    server: Path
    github: Path


@pytest.fixture
def project(tmp_path, production_site):
    """A project whose output/ is the fixture site's production build, deploying to
    ``tmp_path/server`` (a folder: no host)."""
    server = tmp_path / "server"
    folder = make_project(
        tmp_path / "project",
        production_site.output,
        {"path": str(server), "keep": 5},
        siteurl=production_site.base,
    )
    folder.server = server
    return folder


# --- A local target ----------------------------------------------------------------------


def test_two_deploys_make_two_releases_unchanged_files_are_hard_links(project):
    need("rsync", "rsync")
    server = project.server
    first = invoke(project, "deploy", "--no-build")
    assert first.returncode == 0, said(first)
    [one] = releases(server)
    assert live(server) == one
    assert f"Situs tayang: rilis {one}" in first.stdout
    assert snapshot(server / "current") == snapshot(project / "output")

    change_the_site(project / "output", 2)
    second = invoke(project, "deploy", "--no-build")
    assert second.returncode == 0, said(second)
    assert releases(server) == [one, releases(server)[1]]
    two = releases(server)[1]
    assert two > one and live(server) == two
    assert snapshot(server / "current") == snapshot(project / "output")
    # The new release holds every file; only the two that changed are new copies.
    old, new = server / "releases" / one, server / "releases" / two
    files = [p.relative_to(new) for p in new.rglob("*") if p.is_file()]
    linked = [
        f
        for f in files
        if (old / f).exists() and (old / f).stat().st_ino == (new / f).stat().st_ino
    ]
    assert sorted(set(map(str, files)) - set(map(str, linked))) == ["baru-2.txt", "index.html"]
    assert f"({len(files)} berkas; 2 baru atau berubah" in second.stdout, second.stdout
    assert f"Kembali ke rilis {one}: invoke rollback" in second.stdout
    # Readable by a web server running as another user.
    assert all(p.stat().st_mode & 0o004 for p in new.rglob("*"))
    assert not (server / "releases" / ".incoming").exists()


def test_a_deploy_that_changes_the_old_addresses_says_to_reload_nginx(project):
    """nginx reads .warta/redirects.nginx.conf only when reloaded: the staff are told
    when the new release's differs from the live one's, and only then."""
    need("rsync", "rsync")
    reminder = "muat ulang nginx agar aturan barunya berlaku: sudo systemctl reload nginx"
    first = invoke(project, "deploy", "--no-build")
    assert first.returncode == 0, said(first)
    assert reminder in first.stdout  # nginx has never read them
    change_the_site(project / "output", 2)
    same = invoke(project, "deploy", "--no-build")
    assert same.returncode == 0, said(same)
    assert "nginx" not in same.stdout
    rules = project / "output" / ".warta" / "redirects.nginx.conf"
    rules.write_text(rules.read_text() + 'location = "/lama" {\n    return 301 "/";\n}\n')
    changed = invoke(project, "deploy", "--no-build")
    assert changed.returncode == 0, said(changed)
    assert reminder in changed.stdout
    assert (
        f"Pengalihan alamat lama (content/redirects.csv) berubah. Jika server web {project.server}"
        in changed.stdout
    )


def test_old_releases_are_pruned_beyond_keep_and_rollback_goes_back(project):
    need("rsync", "rsync")
    server = project.server
    made = []
    for n in range(4):
        change_the_site(project / "output", n)
        result = invoke(project, "deploy", "--no-build", "--keep", "3")
        assert result.returncode == 0, said(result)
        made.append(live(server))
    assert releases(server) == made[1:]  # the oldest pruned, the newest three kept
    assert f"Rilis lama dihapus (disimpan 3 terakhir): {made[0]}." in result.stdout

    back = invoke(project, "rollback")
    assert back.returncode == 0, said(back)
    assert live(server) == made[2]
    assert f"Situs tayang kembali: rilis {made[2]}" in back.stdout
    assert f"Rilis {made[3]} ditarik dan dihapus." in back.stdout
    assert releases(server) == made[1:3]
    assert (server / "current" / "baru-2.txt").exists()
    assert not (server / "current" / "baru-3.txt").exists()

    listed = invoke(project, "releases")
    assert listed.stdout.split("\n")[1:3] == [made[1], f"{made[2]}  <- tayang"], listed.stdout

    # The next deploy is the newest release; the withdrawn one is not back.
    again = invoke(project, "deploy", "--no-build", "--keep", "3")
    assert again.returncode == 0, said(again)
    assert releases(server)[:2] == made[1:3] and live(server) == releases(server)[2]
    assert (server / "current" / "baru-3.txt").exists()  # this build's files

    assert invoke(project, "rollback").returncode == 0
    assert invoke(project, "rollback").returncode == 0
    last = invoke(project, "rollback")
    assert last.returncode == 1
    assert f"Tidak ada rilis sebelum {made[1]}" in last.stderr
    assert live(server) == made[1]


def test_pages_cached_before_a_deploy_or_a_rollback_keep_their_stylesheet(project):
    """Theme files are named by their content and pages are cached for five minutes:
    a release also serves the stylesheets of the releases kept beside it, hard links
    to theirs, and a rollback the ones the release it withdraws served."""
    need("rsync", "rsync")
    server, output = project.server, project / "output"
    first = linked_stylesheet(output)
    assert re.fullmatch(r"theme/css/style\.[0-9a-f]{10}\.css", first)
    assert invoke(project, "deploy", "--no-build", "--keep", "2").returncode == 0
    [one] = releases(server)

    second = change_the_stylesheet(output, 2)
    deployed = invoke(project, "deploy", "--no-build", "--keep", "2")
    assert deployed.returncode == 0, said(deployed)
    [_, two] = releases(server)
    current = server / "current"
    assert live(server) == two and linked_stylesheet(current) == second
    for name in (first, second):
        for twin in (name, f"{name}.gz", f"{name}.br"):
            assert (current / twin).is_file(), twin
    # The old stylesheet is release one's file, not a copy; the new release's own
    # files are the build's, nothing else is added.
    for twin in (first, f"{first}.gz"):
        assert (current / twin).stat().st_ino == (server / "releases" / one / twin).stat().st_ino
    added = set(snapshot(current)) - set(snapshot(output))
    assert added == {first, f"{first}.gz", f"{first}.br"}

    # A third stylesheet, two releases kept: release one is pruned, and its stylesheet
    # with it; release two's stays while two is kept.
    third = change_the_stylesheet(output, 3)
    assert invoke(project, "deploy", "--no-build", "--keep", "2").returncode == 0
    [_, three] = releases(server)
    assert [(current / name).is_file() for name in (first, second, third)] == [False, True, True]

    # Rolled back to release two: pages cached from three still get their stylesheet.
    back = invoke(project, "rollback")
    assert back.returncode == 0, said(back)
    assert live(server) == two and linked_stylesheet(current) == second
    assert (current / third).is_file() and (current / f"{third}.br").is_file()
    # Nothing left of the withdrawn release; the next deploy carries only what release
    # two's own build had, not what it got from others.
    assert sorted(p.name for p in (server / "releases" / ".fingerprinted").iterdir()) == [two]
    fourth = change_the_stylesheet(output, 4)
    assert invoke(project, "deploy", "--no-build", "--keep", "2").returncode == 0
    served = [(current / name).is_file() for name in (first, second, third, fourth)]
    assert served == [False, True, False, True]


def full_target(server, size):
    """``server`` as a disk with ``size`` bytes: a tmpfs where we may mount one (root),
    else a limit on the size of any file written (as a disk that fills mid-file)."""
    server.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(server)],
        capture_output=True,
    )
    if mounted.returncode == 0:
        return None

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write fails, as on a full disk

    return limit


def test_a_failed_upload_leaves_the_live_release_and_counts_no_half_release(project):
    need("rsync", "rsync")
    server = project.server
    # What the site takes on a tmpfs: each file whole pages of 4 KiB.
    files = [p for p in (project / "output").rglob("*") if p.is_file()]
    site_size = sum(-(-p.stat().st_size // 4096) * 4096 for p in files)
    limit = full_target(server, site_size + 1024 * 1024)
    try:
        first = invoke(project, "deploy", "--no-build")
        assert first.returncode == 0, said(first)
        [one] = releases(server)
        before = snapshot(server / "current")

        big = project / "output" / "laporan-tahunan.pdf"
        big.write_bytes(os.urandom(3 * 1024 * 1024))  # more than the disk has left
        failed = invoke(project, "deploy", "--no-build", preexec_fn=limit)
        assert failed.returncode == 1, said(failed)
        # rsync's receiver fails writing (11); under load its sender may see the stream
        # break first (10, 12). Each says the live site did not change.
        assert re.search(
            r"Unggahan gagal \(rsync berhenti dengan kode (11: gagal menulis berkas; mungkin disk "
            r"server penuh|1[02]: sambungan terputus)\)\. Situs yang tayang tidak berubah: "
            + re.escape(f"masih rilis {one}."),
            failed.stderr,
        ), said(failed)
        assert live(server) == one and releases(server) == [one]
        assert snapshot(server / "current") == before
        assert (server / "releases" / ".incoming").is_dir()  # kept, to continue

        # The library removes the oversized file and deploys again: it goes through.
        big.unlink()
        change_the_site(project / "output", 2)
        again = invoke(project, "deploy", "--no-build")
        assert again.returncode == 0, said(again)
        assert "Ada unggahan yang belum selesai" in again.stdout
        [_, two] = releases(server)
        assert live(server) == two
        assert snapshot(server / "current") == snapshot(project / "output")
        assert not (server / "releases" / ".incoming").exists()
    finally:
        subprocess.run(["umount", str(server)], capture_output=True)


def ctrl_c(process):
    """What a terminal does on Ctrl-C: SIGINT to the whole foreground process group."""
    os.killpg(process.pid, signal.SIGINT)


def kill_rsync(process):
    """rsync alone killed (by the system, out of memory, or by hand): SIGKILL to the
    rsync that ``process`` started."""
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
    for pid in children:
        if Path(f"/proc/{pid}/comm").read_text().strip() == "rsync":
            os.kill(int(pid), signal.SIGKILL)


def start_and_stop(command, cwd, incoming, pattern="*", stop=ctrl_c):
    """Run ``command``; once ``incoming`` holds what ``pattern`` matches, ``stop`` it.
    Its result."""
    process = subprocess.Popen(
        command,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        stdin=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not (incoming.is_dir() and any(incoming.rglob(pattern))):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the upload never started"
        time.sleep(0.05)
    time.sleep(0.3)
    stop(process)
    out, err = process.communicate(timeout=60)
    return process.returncode, out, err


@pytest.mark.slow
@pytest.mark.parametrize(
    "stop, message",
    [
        (ctrl_c, "Unggahan dihentikan. Situs yang tayang tidak berubah: masih rilis {one}."),
        (
            kill_rsync,
            "Unggahan gagal (rsync berhenti dengan kode -9: rsync dihentikan paksa). Situs yang "
            "tayang tidak berubah: masih rilis {one}.",
        ),
    ],
    ids=["ctrl-c", "rsync-killed"],
)
def test_an_interrupted_upload_leaves_the_live_release_and_the_next_one_continues(
    project, stop, message
):
    need("rsync", "rsync")
    server = project.server
    assert invoke(project, "deploy", "--no-build").returncode == 0
    [one] = releases(server)
    before = snapshot(server / "current")
    (project / "output" / "video.bin").write_bytes(os.urandom(2 * 1024 * 1024))
    # 256 KiB/s: the big file takes 8 s, long enough to stop it on its way.
    code, out, err = start_and_stop(
        [sys.executable, "-m", "invoke", "deploy", "--no-build", "--bwlimit", "256"],
        project,
        server / "releases" / ".incoming",
        ".video.bin.*",  # rsync's temporary name while the file is on its way
        stop,
    )
    assert code != 0, out + err
    assert message.format(one=one) in err, out + err
    assert live(server) == one and releases(server) == [one]
    assert snapshot(server / "current") == before
    again = invoke(project, "deploy", "--no-build")
    assert again.returncode == 0, said(again)
    assert "Ada unggahan yang belum selesai" in again.stdout
    assert (server / "current" / "video.bin").stat().st_size == 2 * 1024 * 1024
    assert not (server / "releases" / ".incoming").exists()


@pytest.mark.parametrize(
    "kind, settings, message",
    [
        ("local", {"SITEURL": "", "RELATIVE_URLS": True}, "bukan hasil pembangunan produksi"),
        ("preview", {"WARTA_PREVIEW_DRAFTS": True}, "berisi pratinjau (draf ikut tampil)"),
        ("elsewhere", {"SITEURL": "https://percobaan.example.id"}, "bukan hasil pembangunan"),
    ],
)
def test_anything_but_a_production_build_is_refused(tmp_path, kind, settings, message):
    need("rsync", "rsync")
    site = build(FIXTURES / "bilingual_site", tmp_path / "built", **settings)
    assert site.returncode == 0, site.log
    server = tmp_path / "server"
    project = make_project(tmp_path / "project", site.output, {"path": str(server)})
    result = invoke(project, "deploy", "--no-build")
    assert result.returncode == 1
    assert message in result.stderr and "tidak diunggah" in result.stderr, said(result)
    assert "Traceback" not in said(result)
    assert not server.exists() or not releases(server)


@pytest.mark.parametrize(
    "command, lang, message",
    [
        ("deploy", "id", "kode pos, telepon, e-mail, dan letak peta di WARTA_LIBRARY masih contoh"),
        ("gh-pages", "id", "lalu tulis WARTA_SAMPLE_DETAILS = False. Tidak ada yang dibangun"),
        ("deploy", "en", "then set WARTA_SAMPLE_DETAILS = False. Nothing was built or uploaded."),
    ],
)
def test_the_sample_sites_made_up_details_never_go_online(tmp_path, command, lang, message):
    """pelicanconf.py as the project ships it: its library's phone, e-mail and map
    position are made up. (Builds and `invoke publish` with it: every other test.)"""
    server = tmp_path / "server"
    project = make_project(tmp_path / "project", deploy={"path": str(server)}, sample=True)
    with open(project / "pelicanconf.py", "a") as settings:
        settings.write(f"\nWARTA_MESSAGES_LANG = {lang!r}\n")
    result = invoke(project, command)
    assert result.returncode == 1
    assert message in result.stderr, said(result)
    assert "WARTA_SAMPLE_DETAILS = True (pelicanconf.py)" in result.stderr
    assert "Traceback" not in said(result)
    assert result.stdout == ""  # refused before building
    assert not (project / "output").exists() and not server.exists()


def test_a_failed_build_deploys_nothing(tmp_path):
    need("rsync", "rsync")
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "bilingual_site", content)
    article = next((content / "articles").rglob("*.md"))
    article.write_text(article.read_text().replace("Category: ", "Category: tidak-ada-"))
    server = tmp_path / "server"
    project = make_project(tmp_path / "project", deploy={"path": str(server)}, content=content)
    result = invoke(project, "deploy")
    assert result.returncode == 1
    assert "Pembangunan gagal: tidak ada yang diunggah" in result.stderr, said(result)
    assert not server.exists()


@pytest.mark.parametrize(
    "deploy, options, message",
    [
        ({}, [], "Tujuan unggahan belum diatur"),
        ({"path": "/srv/warta", "kep": 3}, [], "kunci 'kep' tidak dikenal. Maksud Anda 'keep'?"),
        ({"host": "h", "path": "~/warta"}, [], "tulis tanpa '~'"),
        ({"host": "h", "path": "/srv/my site"}, [], "tanpa spasi"),
        ({"path": "/srv/warta"}, ["--keep", "0"], "WARTA_DEPLOY['keep'] = 0: harus bilangan bulat"),
    ],
)
def test_settings_mistakes_get_a_message_not_a_traceback(tmp_path, deploy, options, message):
    project = make_project(tmp_path / "project", deploy=deploy)
    result = invoke(project, "deploy", "--no-build", *options)
    assert result.returncode == 1
    assert message in result.stderr, said(result)
    assert "Traceback" not in said(result)


def test_a_second_deploy_waits_for_the_first(project):
    """One deploy at a time on a server: the CI's while staff deploy by hand."""
    need("flock", "util-linux")
    need("rsync", "rsync")
    project.server.mkdir()
    # Another deploy holds the server's lock for 2 s.
    holder = subprocess.Popen(["flock", str(project.server / ".deploy.lock"), "sleep", "2"])
    time.sleep(0.3)
    started = time.monotonic()
    result = invoke(project, "deploy", "--no-build")
    assert result.returncode == 0, said(result)
    assert holder.wait() == 0 and time.monotonic() - started > 1.5
    assert f"Pengunggahan lain ke {project.server} sedang berjalan; menunggu" in result.stdout


def test_staff_who_read_english_get_english(project):
    with open(project / "pelicanconf.py", "a") as settings:
        settings.write('\nWARTA_MESSAGES_LANG = "en"\n')
    result = invoke(project, "deploy", "--no-build")
    assert result.returncode == 0, said(result)
    assert f"Live: release {releases(project.server)[0]} on {project.server}" in result.stdout
    back = invoke(project, "rollback")
    assert back.returncode == 1
    assert f"There is no release before {releases(project.server)[0]}" in back.stderr


def test_a_plain_current_folder_is_not_replaced(project):
    need("rsync", "rsync")
    (project.server / "current").mkdir(parents=True)
    (project.server / "current" / "index.html").write_text("the old site")
    result = invoke(project, "deploy", "--no-build")
    assert result.returncode == 1
    assert "adalah folder biasa, bukan tautan" in result.stderr, said(result)
    assert (project.server / "current" / "index.html").read_text() == "the old site"


@pytest.mark.slow
def test_invoke_deploy_builds_and_publishes_the_sample_site(tmp_path):
    """The README's road: settings in publishconf.py, `invoke deploy` twice (each a
    whole production build), `invoke rollback`."""
    need("rsync", "rsync")
    server = tmp_path / "www" / "warta"
    project = make_project(
        tmp_path / "project",
        deploy={"host": "", "path": str(server), "keep": 2},
        siteurl="https://perpustakaan.example.id",
    )
    if (ROOT / "cache" / "photos").is_dir():  # photos encoded once
        shutil.copytree(ROOT / "cache" / "photos", project / "cache" / "photos")
    first = invoke(project, "deploy")
    assert first.returncode == 0, said(first)
    assert first.stdout.startswith("Membangun situs produksi (publishconf.py)…")
    second = invoke(project, "deploy")
    assert second.returncode == 0, said(second)
    one, two = releases(server)
    assert live(server) == two
    home = (server / "current" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://perpustakaan.example.id/">' in home
    # The same content built again: its pages are the same files on the server.
    new = server / "releases" / two
    pages = list(new.rglob("*.html"))
    linked = [p for p in pages if p.stat().st_nlink > 1]
    assert len(linked) == len(pages), [str(p) for p in pages if p not in linked]
    back = invoke(project, "rollback")
    assert back.returncode == 0, said(back)
    assert live(server) == one and f"Situs tayang kembali: rilis {one}" in back.stdout


# --- Over SSH --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ssh_server(tmp_path_factory):
    """Debian's sshd on a free port of 127.0.0.1, for this user, with a host key and a
    client key made here: (options for invoke, the folder of its files)."""
    sshd = need("/usr/sbin/sshd", "openssh-server")
    need("ssh", "openssh-client")
    need("rsync", "rsync")
    folder = tmp_path_factory.mktemp("sshd")
    for key in ("host", "client"):
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(folder / key)], check=True
        )
    shutil.copy(folder / "client.pub", folder / "authorized_keys")
    port = free_port()
    (folder / "sshd_config").write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {folder / 'host'}\n"
        f"AuthorizedKeysFile {folder / 'authorized_keys'}\nPidFile {folder / 'sshd.pid'}\n"
        "UsePAM no\nStrictModes no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n"
        "PermitRootLogin prohibit-password\nLogLevel ERROR\n"
    )
    host_key = (folder / "host.pub").read_text().split()
    (folder / "known_hosts").write_text(f"[127.0.0.1]:{port} {host_key[0]} {host_key[1]}\n")
    if os.geteuid() == 0:
        os.makedirs("/run/sshd", mode=0o755, exist_ok=True)  # its privilege separation
    daemon = subprocess.Popen(
        [sshd, "-D", "-e", "-f", str(folder / "sshd_config")],
        stdout=subprocess.DEVNULL,
        stderr=open(folder / "sshd.log", "w"),
    )
    import socket

    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert daemon.poll() is None, (folder / "sshd.log").read_text()
            assert time.monotonic() < deadline, "sshd did not start"
            time.sleep(0.05)
    import getpass

    options = [
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--user",
        getpass.getuser(),
        "--identity-file",
        str(folder / "client"),
        "--known-hosts",
        str(folder / "known_hosts"),
    ]
    yield options, folder
    daemon.terminate()
    daemon.wait(timeout=10)


@pytest.mark.slow
def test_deploy_and_rollback_over_ssh(project, ssh_server):
    options, _ = ssh_server
    server = project.server
    target = [*options, "--path", str(server)]
    first = invoke(project, "deploy", "--no-build", *target)
    assert first.returncode == 0, said(first)
    [one] = releases(server)
    change_the_site(project / "output", 2)
    second = invoke(project, "deploy", "--no-build", *target)
    assert second.returncode == 0, said(second)
    [_, two] = releases(server)
    assert live(server) == two and "2 baru atau berubah" in second.stdout
    assert snapshot(server / "current") == snapshot(project / "output")
    unchanged = server / "releases" / two / "en" / "index.html"
    assert (
        unchanged.stat().st_ino == (server / "releases" / one / "en" / "index.html").stat().st_ino
    )
    # Interrupted over SSH: the live release stays, the next deploy finishes.
    (project / "output" / "video.bin").write_bytes(os.urandom(2 * 1024 * 1024))
    code, out, err = start_and_stop(
        [sys.executable, "-m", "invoke", "deploy", "--no-build", "--bwlimit", "256", *target],
        project,
        server / "releases" / ".incoming",
        ".video.bin.*",
    )
    assert code != 0 and f"Situs yang tayang tidak berubah: masih rilis {two}." in err, out + err
    assert live(server) == two and releases(server) == [one, two]
    # Nothing of ours is left running: the SSH connection closed with the command.
    leftover = subprocess.run(["pgrep", "-f", f"ssh .*{options[3]}"], capture_output=True)
    assert leftover.returncode == 1, leftover.stdout
    back = invoke(project, "rollback", *target)
    assert back.returncode == 0, said(back)
    assert live(server) == one and f"Rilis {two} ditarik dan dihapus." in back.stdout


def workflow_step(name_starts):
    """The shell of a step of the GitHub workflow, and a runner for it as GitHub runs
    it (``bash -e``) in ``project``."""
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text())
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    [step] = [s for s in steps if s.get("name", "").startswith(name_starts)]
    return step["run"]


def run_step(script, project, **env):
    (project / ".venv").symlink_to(ROOT / ".venv")
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-e", "-c", script],
        cwd=project,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )


@pytest.mark.slow
def test_the_ci_step_deploys_over_ssh_with_the_forge_secrets(tmp_path, production_site, ssh_server):
    """The workflow's deploy step, as GitHub runs it on a push to main: the key and the
    server's known_hosts line from the repository's secrets, the rest from publishconf.py."""
    options, keys = ssh_server
    server = tmp_path / "server"
    settings = {
        "host": "127.0.0.1",
        "port": int(options[3]),
        "user": options[5],
        "path": str(server),
    }
    project = make_project(
        tmp_path / "project", production_site.output, settings, siteurl=production_site.base
    )
    result = run_step(
        workflow_step("Publish to the library's server"),
        project,
        SSH_KEY=(keys / "client").read_text(),
        SSH_KNOWN_HOSTS=(keys / "known_hosts").read_text(),
        RUNNER_TEMP=str(tmp_path / "runner"),
    )
    assert result.returncode == 0, said(result)
    assert f"Situs tayang: rilis {releases(server)[0]} di {options[5]}@127.0.0.1" in result.stdout
    assert snapshot(server / "current") == snapshot(project / "output")


@pytest.mark.slow
def test_an_unknown_server_key_is_explained(project, ssh_server, tmp_path):
    options, _ = ssh_server
    empty = tmp_path / "known_hosts"
    empty.write_text("")
    options = [*options[:-1], str(empty)]
    result = invoke(project, "deploy", "--no-build", *options, "--path", str(project.server))
    assert result.returncode == 1
    assert "belum mengenal kunci server" in result.stderr, said(result)
    assert not project.server.exists()


# --- GitHub Pages ------------------------------------------------------------------------------


def git(folder, *args):
    result = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def pages_project(tmp_path, production_site):
    """A library's clone with a bare repository as its GitHub (``origin``); its output/
    is the production build, whose address (http://127.0.0.1:PORT) is to Pages a
    custom domain."""
    need("git", "git")
    github = tmp_path / "github.git"
    git(tmp_path, "init", "-q", "--bare", str(github))
    folder = make_project(
        tmp_path / "project", production_site.output, siteurl=production_site.base
    )
    git(folder, "init", "-q", "-b", "main")
    git(folder, "remote", "add", "origin", str(github))
    (folder / ".gitignore").write_text("output/\n")
    git(folder, "add", ".gitignore", "tasks.py")
    git(folder, "-c", "user.name=Pustakawan", "-c", "user.email=p@example.id", "commit", "-qm", "s")
    git(folder, "push", "-q", "origin", "main")
    folder.github = github
    return folder


def branch_files(repo, ref="gh-pages"):
    # -z: names as they are (an old address's page may have a non-ASCII one), not quoted.
    return set(git(repo, "ls-tree", "-r", "-z", "--name-only", ref).split("\0")) - {""}


def published_files(output):
    """The production build's files as Pages gets them: without the .gz and .br
    twins, the root's .htaccess and the nginx redirect rules in .warta/, which only a
    web server of the library's own reads."""
    site = {p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file()}
    twins = {name for name in site if name[-3:] in (".gz", ".br") and name[:-3] in site}
    rules = ".warta/redirects.nginx.conf"
    assert twins and ".htaccess" in site and rules in site  # the real production build
    return site - twins - {".htaccess", rules}


def test_gh_pages_publishes_the_site_with_nojekyll_and_cname(pages_project, tmp_path):
    project, github = pages_project, pages_project.github
    domain = urlsplit(project.siteurl).hostname
    env = {**os.environ, "HOME": str(tmp_path), "GIT_CONFIG_NOSYSTEM": "1"}  # no git identity
    first = invoke(project, "gh-pages", "--no-build", env=env)
    assert first.returncode == 0, said(first)
    files = branch_files(github)
    assert files == published_files(project / "output") | {".nojekyll", "CNAME"}
    assert any(re.fullmatch(r"theme/css/style\.[0-9a-f]{10}\.css", name) for name in files)
    assert git(github, "show", "gh-pages:CNAME").strip() == domain
    assert f"Domain sendiri: berkas CNAME berisi {domain}." in first.stdout
    assert "nginx" not in first.stdout  # GitHub Pages has no server rules to reload
    assert "GitHub Pages: cabang gh-pages diperbarui dan dikirim ke origin" in first.stdout
    assert git(github, "show", "gh-pages:index.html") == (
        project / "output" / "index.html"
    ).read_text(encoding="utf-8")

    # A fresh clone, as a CI checkout: only main; the new commit follows the old one.
    clone = tmp_path / "ci"
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", "main", f"file://{github}", str(clone))
    shutil.copytree(project / "output", clone / "output")
    for name in ("plugins", "theme", "content", "server"):
        (clone / name).symlink_to(ROOT / name)
    shutil.copy(project / "pelicanconf.py", clone)
    shutil.copy(project / "publishconf.py", clone)
    (clone / "output" / "baru.txt").write_text("new")
    # The workflow's own step, as GitHub runs it on a push to main.
    second = run_step(workflow_step("Publish to GitHub Pages"), clone, **env)
    assert second.returncode == 0, said(second)
    assert branch_files(github) == published_files(clone / "output") | {".nojekyll", "CNAME"}
    log = git(github, "log", "--format=%s", "gh-pages").splitlines()
    assert len(log) == 2 and log[0].startswith("Publish the site built from")


@pytest.mark.parametrize(
    "siteurl, cname, refusal",
    [
        ("https://perpustakaan-contoh.github.io/warta", None, None),
        ("https://perpustakaan-contoh.github.io", None, None),
        ("https://warta.example.id", "warta.example.id", None),
        ("https://warta.example.id/berita", None, "hanya di akarnya"),
        ("https://perpustakaan-contoh.github.io/a/b", None, "tidak bisa dilayani GitHub Pages"),
    ],
)
def test_gh_pages_minds_the_address(tmp_path, siteurl, cname, refusal):
    need("git", "git")
    from warta.deploy import DeployError, pages_cname

    if refusal:
        with pytest.raises(DeployError):
            pages_cname(siteurl)
        project = make_project(tmp_path / "project", siteurl=siteurl)
        git(project, "init", "-q")
        result = invoke(project, "gh-pages", "--no-build", "--no-push")
        assert result.returncode == 1 and refusal in result.stderr, said(result)
    else:
        assert pages_cname(siteurl) == cname


# --- Pure functions -----------------------------------------------------------------------------


def test_release_names_sort_in_the_order_releases_were_made():
    from datetime import UTC, datetime, timedelta, timezone

    from warta.deploy import release_name

    now = datetime(2026, 11, 26, 17, 30, 0, tzinfo=timezone(timedelta(hours=7)))  # WIB
    assert release_name(now, []) == "20261126T103000Z"
    # Two deploys in one second, and a computer whose clock is behind the newest release.
    assert release_name(now, ["20261126T103000Z"]) == "20261126T103001Z"
    assert release_name(now, ["20261127T000000Z"]) == "20261127T000001Z"
    assert (
        release_name(datetime(2027, 1, 1, tzinfo=UTC), ["20261127T000000Z"]) == "20270101T000000Z"
    )


def test_the_deploy_knows_the_fingerprints_the_build_writes():
    from warta.deploy import FINGERPRINTED
    from warta.publishing import HASH_LENGTH, fingerprinted

    name = Path(fingerprinted("css/style.css", b"body{}")).name
    assert fnmatch.fnmatchcase(name, FINGERPRINTED)
    assert fnmatch.fnmatchcase(f"{name}.gz", FINGERPRINTED)
    assert FINGERPRINTED.count("[0-9a-f]") == HASH_LENGTH
    assert not fnmatch.fnmatchcase("style.css", FINGERPRINTED)


def test_settings_and_options_make_one_target():
    from warta.deploy import Target, target_from

    settings = {"WARTA_DEPLOY": {"host": "perpus.example.id", "user": "warta", "path": "warta"}}
    assert target_from(settings, port="2222", keep=None) == Target(
        path="warta", host="perpus.example.id", user="warta", port=2222
    )
    # An empty --host: a folder on this computer, whatever the settings say.
    local = target_from(settings, host="", path="relative/folder")
    assert local.host is None and Path(local.path).is_absolute()
