"""Putting a production build online: releases on the library's server, or GitHub Pages.

A server gets every build as a release of its own, uploaded with rsync (over SSH,
or into a folder on this computer) beside the live one and made live by renaming
one symlink, as Capistrano and Deployer do. Readers never see half a site; an
upload that fails or is interrupted changes nothing they see; ``invoke rollback``
goes back in one step. The deploy path holds::

    releases/20261126T103000Z/   one whole build each (UTC); the oldest are pruned
    releases/.incoming/          the upload under way, or the one a failure left:
                                 the next deploy continues it
    releases/.fingerprinted/     per release, the theme files named by content that
                                 its own build had (a release keeps others' too)
    current -> releases/20261126T103000Z    the web server's document root
    .deploy.lock                 one deploy or rollback at a time

Everything on the server is done by ``sh`` with coreutils (``mv -T``), ``flock``
and rsync, which any Linux host with SSH has, so nothing needs installing there.
Unchanged files are hard links to the previous release (``--link-dest``), so they
are neither sent again nor stored twice. Files are compared by content
(``--checksum``), not by date, since every build writes every file anew; for the
same reason times are not kept (rsync links a file only when all the attributes it
keeps match).

No Pelican here: the tasks run this after the build has exited (a CI job that only
publishes has invoke and nothing else). Every message is a key of
warta.deploy_messages with its values, which the tasks say in the staff's language.
"""

from __future__ import annotations

import difflib
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

RELEASE = re.compile(r"\d{8}T\d{6}Z")  # a finished release's folder name; nothing else counts
RELEASE_FORMAT = "%Y%m%dT%H%M%SZ"
INCOMING = ".incoming"
# What a path on the server may hold: it goes through a remote shell and rsync's
# argument parsing, which old rsyncs (before 3.2.4) do not protect.
SAFE_PATH = re.compile(r"[A-Za-z0-9._/+-]+")
SETTING_KEYS = ("host", "user", "port", "path", "keep", "identity_file", "known_hosts", "bwlimit")
KEEP = 5

Say = Callable[..., None]  # say(key, **values): a progress message, in the staff's language


class DeployError(Exception):
    """Why nothing went live: a key of warta.deploy_messages and its values."""

    def __init__(self, key, /, **values):
        super().__init__(key)
        self.key, self.values = key, values


# --- The target -------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """Where releases go: ``path`` on ``host`` over SSH, or a folder here (no host)."""

    path: str
    host: str | None = None
    user: str | None = None
    port: int | None = None
    keep: int = KEEP
    identity_file: str | None = None
    known_hosts: str | None = None
    bwlimit: int | None = None  # KiB per second: a shared office line stays usable

    def __str__(self):
        if not self.host:
            return self.path
        login = f"{self.user}@{self.host}" if self.user else self.host
        return f"{login}:{self.path}" + (f" (port {self.port})" if self.port else "")


def target_from(settings, **options):
    """The target named by ``WARTA_DEPLOY`` (publishconf.py), each key overridden by
    the command option of the same name; checked once, here."""
    given = settings.get("WARTA_DEPLOY") or {}
    if not isinstance(given, dict):
        raise DeployError("setting_not_dict")
    for key in given:
        if key not in SETTING_KEYS:
            close = difflib.get_close_matches(str(key), SETTING_KEYS, n=1)
            known = ", ".join(SETTING_KEYS)
            if close:
                raise DeployError("setting_unknown_hint", key=key, known=known, hint=close[0])
            raise DeployError("setting_unknown", key=key, known=known)
    values = {**given, **{k: v for k, v in options.items() if v is not None}}
    path = str(values.get("path") or "").strip()
    if not path:
        raise DeployError("no_target")
    host = str(values.get("host") or "").strip() or None
    if host:
        if path.startswith("~"):  # no shell expands it in our quotes: relative is home
            raise DeployError("setting_tilde", path=path, bare=path.lstrip("~/") or ".")
        if not SAFE_PATH.fullmatch(path):
            raise DeployError("setting_path", path=path)
    else:
        path = str(Path(path).expanduser().resolve())
    numbers = {}
    for key, least in (("port", 1), ("keep", 1), ("bwlimit", 1)):
        value = values.get(key)
        if value in (None, ""):
            continue
        try:
            numbers[key] = int(value)
        except (TypeError, ValueError):
            numbers[key] = 0
        if numbers[key] < least or isinstance(value, bool):
            raise DeployError("setting_number", key=key, value=value, least=least)
    files = {
        key: str(Path(values[key]).expanduser())
        for key in ("identity_file", "known_hosts")
        if values.get(key)
    }
    return Target(path=path, host=host, user=values.get("user") or None, **numbers, **files)


# --- May this site go online? ---------------------------------------------------------


def check_own_details(settings):
    """Refuse while ``WARTA_SAMPLE_DETAILS`` says the library's details are still the
    sample site's made-up ones (pelicanconf.py): they would go online as a real
    library's phone, e-mail and map position."""
    if settings.get("WARTA_SAMPLE_DETAILS"):
        raise DeployError("sample_details")


# --- Is this a production build? -----------------------------------------------------


class _Head(HTMLParser):
    """The home page's canonical address, and whether it asks not to be indexed
    (the preview's builds do, drafts and all)."""

    def __init__(self):
        super().__init__()
        self.canonical, self.noindex = None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "canonical" and self.canonical is None:
            self.canonical = attrs.get("href") or ""
        if tag == "meta" and attrs.get("name") == "robots":
            self.noindex = self.noindex or "noindex" in (attrs.get("content") or "")


def check_production(site, siteurl):
    """Refuse what must not go online: no build, the preview (drafts), a local build
    (relative links), or a build for another address than ``siteurl``."""
    site = Path(site)
    home = site / "index.html"
    if not siteurl:
        raise DeployError("no_siteurl")
    if not home.is_file():
        raise DeployError("no_site", folder=site.name)
    head = _Head()
    head.feed(home.read_text(encoding="utf-8", errors="replace"))
    if head.noindex:
        raise DeployError("preview_build", folder=site.name)
    expected = siteurl.rstrip("/") + "/"
    if head.canonical != expected:
        raise DeployError(
            "not_production", folder=site.name, found=head.canonical or "-", expected=expected
        )


# --- The server, over one SSH connection, or this computer ----------------------------


class Server:
    """Runs ``sh`` where the releases are. Over SSH, one connection is opened and
    every step (and rsync) goes through it: a password is asked once, and a flaky
    line is met once rather than at each step."""

    def __init__(self, target: Target):
        self.target = target
        self._control = None  # the folder of the SSH connection's socket

    def __enter__(self):
        if self.target.host:
            self._open()
        return self

    def __exit__(self, *exc):
        if self._control:
            subprocess.run(
                [*self.ssh(), "-O", "exit", self.login()],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=30,
            )
            shutil.rmtree(self._control, ignore_errors=True)
            self._control = None

    def login(self):
        return f"{self.target.user}@{self.target.host}" if self.target.user else self.target.host

    def ssh(self, master=False):
        """The ssh command (without the host), for our steps and for rsync's ``-e``."""
        t = self.target
        command = ["ssh", "-o", "ServerAliveInterval=15", "-o", "ServerAliveCountMax=4"]
        if t.port:
            command += ["-p", str(t.port)]
        if t.identity_file:
            command += ["-i", t.identity_file, "-o", "IdentitiesOnly=yes"]
        if t.known_hosts:
            command += ["-o", f"UserKnownHostsFile={t.known_hosts}"]
        if not sys.stdin.isatty():  # CI, tests: never wait for a password nobody types
            command += ["-o", "BatchMode=yes"]
        if self._control:
            socket = os.path.join(self._control, "ssh")
            command += ["-o", f"ControlPath={socket}"]
            command += (
                ["-o", "ControlMaster=yes", "-o", "ControlPersist=120"]
                if master
                else ["-o", "ControlMaster=no"]
            )
        return command

    def _open(self):
        self._control = tempfile.mkdtemp(prefix="warta-ssh-")  # short: a socket path is
        log = Path(self._control) / "log"  # at most 104 bytes
        with open(log, "w") as errors:
            # -f: into the background once logged in; its output to a file, so that
            # nobody waiting on our output waits on it too.
            opened = subprocess.run(
                [*self.ssh(master=True), "-N", "-f", self.login()],
                stdout=subprocess.DEVNULL,
                stderr=errors,
            )
        if opened.returncode != 0:
            detail = log.read_text(errors="replace").strip().splitlines()
            shutil.rmtree(self._control, ignore_errors=True)
            self._control = None
            detail = detail[-1] if detail else ""
            unknown = "host key verification failed" in detail.lower()
            key = "host_unknown" if unknown else "no_connection"
            raise DeployError(key, target=str(self.target), detail=detail)

    def command(self, script, *args):
        """The command that runs ``sh -c script`` there, with ``args`` as $1...; over
        SSH, quoted for the remote login shell, which reads it as one string."""
        if not self.target.host:
            return ["sh", "-c", script, "sh", *map(str, args)]
        quoted = [shlex.quote(str(arg)) for arg in (script, *args)]
        return [*self.ssh(), self.login(), "sh", "-c", quoted[0], "sh", *quoted[1:]]

    def run(self, script, *args):
        """Run ``script`` with ``args`` there: its output, or DeployError."""
        result = subprocess.run(
            self.command(script, *args), capture_output=True, text=True, stdin=subprocess.DEVNULL
        )
        if result.returncode != 0:
            detail = (result.stderr.strip().splitlines() or [""])[-1]
            raise DeployError("server_failed", target=str(self.target), detail=detail)
        return result.stdout

    @contextmanager
    def locked(self, say: Say):
        """Hold the target's lock while the block runs: a second deploy (the CI's
        while staff deploy by hand) waits. The lock is held by a process there that
        lives as long as its input from us: if we die, so does the lock."""
        script = (
            'mkdir -p -- "$1/releases" && cd -- "$1" || exit 3\n'
            "if command -v flock >/dev/null 2>&1; then\n"
            "  exec 9>.deploy.lock\n"
            "  flock -n 9 || { echo busy; flock 9; }\n"
            "  echo locked\n"
            "else echo no-flock; fi\n"
            "exec cat >/dev/null\n"
        )
        holder = subprocess.Popen(
            self.command(script, self.target.path),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            line = holder.stdout.readline().strip()
            if line == "busy":
                say("lock_waiting", target=str(self.target))
                line = holder.stdout.readline().strip()
            if line == "no-flock":
                say("no_flock", target=str(self.target))
            elif line != "locked":
                holder.stdin.close()
                detail = (holder.stderr.read().strip().splitlines() or [""])[-1]
                raise DeployError("no_folder", target=str(self.target), detail=detail)
            yield
        finally:
            if holder.stdin and not holder.stdin.closed:
                holder.stdin.close()
            try:
                holder.wait(timeout=30)
            except subprocess.TimeoutExpired:
                holder.kill()
                holder.wait()


# --- Releases -------------------------------------------------------------------------


@dataclass
class State:
    """What the deploy path holds: finished releases (oldest first), the one
    ``current`` points at, whether an upload was left unfinished."""

    releases: list[str] = field(default_factory=list)
    current: str | None = None
    current_is_folder: bool = False
    incoming: bool = False
    rsync: bool = True


STATE_SCRIPT = r"""
cd -- "$1" 2>/dev/null || exit 0
if [ -L current ]; then echo "current $(readlink current)"
elif [ -e current ]; then echo current-folder; fi
[ -d releases/.incoming ] && echo incoming
for release in releases/*/; do [ -d "$release" ] && echo "release $release"; done
command -v rsync >/dev/null 2>&1 || echo no-rsync
exit 0
"""


def read_state(server: Server) -> State:
    state = State()
    for line in server.run(STATE_SCRIPT, server.target.path).splitlines():
        word, _, rest = line.partition(" ")
        if word == "current":
            name = rest.rstrip("/").removeprefix("releases/")
            state.current = name if RELEASE.fullmatch(name) else None
        elif word == "current-folder":
            state.current_is_folder = True
        elif word == "incoming":
            state.incoming = True
        elif word == "release":
            name = rest.rstrip("/").removeprefix("releases/")
            if RELEASE.fullmatch(name):
                state.releases.append(name)
        elif word == "no-rsync":
            state.rsync = False
    state.releases.sort()
    return state


def release_name(now: datetime, releases: list[str]) -> str:
    """Now, in UTC; after the newest release even if this computer's clock is behind
    or two deploys share a second: names sort in the order releases were made."""
    name = now.astimezone(UTC).strftime(RELEASE_FORMAT)
    if releases and name <= releases[-1]:
        newest = datetime.strptime(releases[-1], RELEASE_FORMAT).replace(tzinfo=UTC)
        name = (newest + timedelta(seconds=1)).strftime(RELEASE_FORMAT)
    return name


# mv -T renames the new link over the old in one step: the web server sees the old
# release or the new one, never no site.
SWITCH = """
rm -f -- .current.tmp
ln -s -- "releases/$2" .current.tmp
mv -T -- .current.tmp current
"""

# Theme files are named by their content (warta.publishing: style.<10 hex digits>.css,
# and its .gz and .br), and browsers and proxies keep pages for five minutes (server/).
# A page cached before a deploy, or before a rollback, links a stylesheet that the new
# live release's own build does not have: so a release also gets, as hard links, the
# fingerprinted theme files of the releases kept beside it and of the one live before
# it. What a release's own build had is recorded in releases/.fingerprinted/<release>,
# so that a hash leaves with the last release that had it, rather than being carried
# from release to release for ever.
FINGERPRINTED = "*." + "[0-9a-f]" * 10 + ".*"  # find -name; warta.publishing.HASH_LENGTH
OWN = ".fingerprinted"

CARRY = f"""
# The fingerprinted theme files in folder $1, as paths in it.
fingerprinted() {{
  [ ! -d "$1/$theme" ] || (cd -- "$1" && find "$theme" -type f -name '{FINGERPRINTED}')
}}
# The ones release $1's own build had (a release from before they were recorded: all).
own() {{
  if [ -f "releases/{OWN}/$1" ]; then cat -- "releases/{OWN}/$1"
  else fingerprinted "releases/$1"; fi
}}
# Hard links in folder $2 to the files of release $1 named on stdin that $2 lacks.
carry() {{
  while IFS= read -r file; do
    if [ -f "releases/$1/$file" ] && [ ! -e "$2/$file" ]; then
      mkdir -p -- "$2/${{file%/*}}"
      ln -- "releases/$1/$file" "$2/$file"
    fi
  done
}}
"""

# The nginx include warta.redirects writes (WARTA_REDIRECT_RULES), in a release.
NGINX_RULES = ".warta/redirects.nginx.conf"

# $1 the deploy path, $2 the new release, $3 the theme folder, $4 the releases whose
# own theme files the new one carries.
ACTIVATE_SCRIPT = (
    """
set -e
cd -- "$1"
theme=$3
"""
    + CARRY
    + """
# Files, and files not shared with an earlier release (one link: new or changed).
echo "files $(find releases/.incoming -type f | wc -l)" \
  "$(find releases/.incoming -type f -links 1 | wc -l)"
mkdir -p "releases/{own}"
fingerprinted releases/.incoming > "releases/{own}/.incoming"
for release in $4; do own "$release" | carry "$release" releases/.incoming; done
mv -- releases/.incoming "releases/$2"
mv -- "releases/{own}/.incoming" "releases/{own}/$2"
# nginx reads the old addresses' rules only when it is reloaded: say when they changed.
if cmp -s -- "releases/$2/{rules}" "current/{rules}"; then echo "rules same"
elif [ -f "releases/$2/{rules}" ]; then echo "rules changed"; else echo "rules none"; fi
""".format(own=OWN, rules=NGINX_RULES)
    + SWITCH
)

# $1 the deploy path, $2 the release made live again, $3 the live one, withdrawn, $4
# the theme folder. The withdrawn release's pages may be cached: the one made live
# gets every fingerprinted theme file it served.
ROLLBACK_SCRIPT = (
    """
set -e
cd -- "$1"
theme=$4
[ -d "releases/$2" ]
"""
    + CARRY
    + """
fingerprinted "releases/$3" | carry "$3" "releases/$2"
"""
    + SWITCH
    + f'rm -rf -- "releases/$3"\nrm -f -- "releases/{OWN}/$3"\n'
)

REMOVE_SCRIPT = f"""
set -e
cd -- "$1"
shift
for release in "$@"; do rm -rf -- "releases/$release"; rm -f -- "releases/{OWN}/$release"; done
"""


@dataclass
class Deployed:
    """What a deploy did: the release now live, the one live before it."""

    release: str
    previous: str | None
    files: int
    sent: int  # files not shared with an earlier release: new or changed
    removed: list[str]
    rules_changed: bool = False  # the nginx rules differ from the live release's: reload


def rsync_command(server: Server, site: Path, link_dest: str | None) -> list[str]:
    t = server.target
    destination = f"{t.path}/releases/{INCOMING}/"
    if t.host:
        destination = f"{server.login()}:{destination}"
    command = [
        "rsync",
        "--recursive",
        "--links",
        "--perms",
        "--chmod=D755,F644",  # readable by the web server, whatever this computer's umask
        "--checksum",
        "--delete",  # what an earlier, unfinished upload left and this build has not
        "--human-readable",
    ]
    if link_dest:
        command.append(f"--link-dest=../{link_dest}")  # relative to the destination
    if t.bwlimit:
        command.append(f"--bwlimit={t.bwlimit}")
    if sys.stdout.isatty():
        command.append("--info=progress2")
    if t.host:
        command += ["-e", shlex.join(server.ssh())]
    return [*command, f"{site}/", destination]


@contextmanager
def cancel_is_interrupt():
    """SIGTERM (a CI run cancelled, a shutdown) stops an upload as Ctrl-C does: with
    the message that nothing live changed, rather than silently."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    before = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


def upload(server: Server, site: Path, link_dest: str | None, state: State):
    """rsync the site into releases/.incoming: nothing live changes, whatever happens."""
    live = state.current
    process = subprocess.Popen(rsync_command(server, site, link_dest), stdin=subprocess.DEVNULL)
    try:
        with cancel_is_interrupt():
            code = process.wait()
    except KeyboardInterrupt:  # Ctrl-C (rsync has it too), or a CI run cancelled
        process.terminate()
        process.wait()
        raise DeployError("interrupted", live=live or "", target=str(server.target)) from None
    if code != 0:
        raise DeployError("upload_failed", live=live or "", code=code, target=str(server.target))


def deploy(
    site, target: Target, say: Say, now: datetime | None = None, theme: str = "theme"
) -> Deployed:
    """Upload ``site`` (checked as a production build already) as a new release
    and make it live; prune the oldest beyond ``target.keep``. ``theme`` is the
    site's folder of theme files (``THEME_STATIC_DIR``)."""
    if shutil.which("rsync") is None:
        raise DeployError("no_rsync_here")
    site = Path(site)
    with Server(target) as server, server.locked(say):
        state = read_state(server)
        if not state.rsync:
            raise DeployError("no_rsync_there", target=str(target))
        if state.current_is_folder:
            raise DeployError("current_is_folder", path=f"{target.path}/current")
        previous = state.current
        link_dest = state.releases[-1] if state.releases else None
        if state.incoming:
            say("resuming", target=str(target))
        say(
            "uploading" if link_dest else "uploading_first",
            target=str(target),
            previous=link_dest or "",
        )
        upload(server, site, link_dest, state)
        name = release_name(now or datetime.now(UTC), state.releases)
        made = [*state.releases, name]
        removable, kept = made[: -target.keep], made[-target.keep :]
        carried = [r for r in state.releases if r in kept or r == previous]
        out = server.run(ACTIVATE_SCRIPT, target.path, name, theme, " ".join(carried))
        words = out.split()
        _, files, sent = words[:3]
        rules_changed = words[3:5] == ["rules", "changed"]
        # Live now: a failure from here on is only a warning.
        if removable:
            try:
                server.run(REMOVE_SCRIPT, target.path, *removable)
            except DeployError as error:
                say("prune_failed", **error.values)
                removable = []
        return Deployed(name, previous, int(files), int(sent), removable, rules_changed)


def rollback(target: Target, say: Say, theme: str = "theme") -> tuple[str, str]:
    """Make the release before the live one live again, and remove the one it
    replaces (a rolled-back release is withdrawn: the next rollback must not bring it
    back). Returns (now live, withdrawn)."""
    with Server(target) as server, server.locked(say):
        state = read_state(server)
        if state.current is None:
            raise DeployError("nothing_live", target=str(target))
        earlier = [r for r in state.releases if r < state.current]
        if not earlier:
            raise DeployError("no_earlier", release=state.current, target=str(target))
        server.run(ROLLBACK_SCRIPT, target.path, earlier[-1], state.current, theme)
        return earlier[-1], state.current


def releases(target: Target) -> State:
    """The releases on the target and the live one (no lock: nothing changes)."""
    with Server(target) as server:
        return read_state(server)


# --- GitHub Pages ---------------------------------------------------------------------


def pages_cname(siteurl):
    """The CNAME file GitHub Pages needs for a custom domain (None on *.github.io),
    and a clear refusal for addresses Pages cannot serve."""
    parts = urlsplit(siteurl or "")
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host:
        raise DeployError("pages_siteurl", siteurl=siteurl or "")
    depth = len([segment for segment in parts.path.split("/") if segment])
    if host.endswith(".github.io"):
        if depth > 1:  # user.github.io/repository is the deepest Pages serves
            raise DeployError("pages_siteurl", siteurl=siteurl)
        return None
    if depth:  # a custom domain serves the site at its root only
        raise DeployError("pages_domain_path", siteurl=siteurl, host=host)
    return host


def _git(repo, *args, env=None):
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env)


SERVER_FOLDER = ".warta"  # the published site's files for its own web server (warta.redirects)


def publishable_copy(site: Path, scratch: Path, server_files=()) -> Path:
    """``site`` as Pages should get it: without what only a web server of the
    library's own reads. The precompressed twins (``x.gz`` beside ``x``) that a server
    sends to browsers asking for them: Pages compresses by itself and would only store
    them. The files ``server_files`` names at the root (``.htaccess``, from
    ``WARTA_SERVER_FILES``): Pages would serve the server's configuration as a page;
    so would it the hidden ``.warta/`` folder (the nginx redirect rules of
    ``WARTA_REDIRECT_RULES``). Hard links: nothing copied."""
    copy = scratch / "site"
    for folder, folders, files in os.walk(site):
        relative = Path(folder).relative_to(site)
        if relative == Path("."):
            folders[:] = [name for name in folders if name != SERVER_FOLDER]
        (copy / relative).mkdir(parents=True, exist_ok=True)
        names = set(files)
        for name in files:
            stem, dot, ext = name.rpartition(".")
            if dot and ext in ("gz", "br") and stem in names:
                continue
            if relative == Path(".") and name in server_files:
                continue
            os.link(Path(folder) / name, copy / relative / name)
    return copy


def publish_to_pages(
    site,
    siteurl,
    repo,
    remote="origin",
    branch="gh-pages",
    push=True,
    server_files=(),
):
    """Commit ``site`` as the whole of ``branch`` (with .nojekyll, and CNAME for a
    custom domain; without .gz, .br and ``server_files``: ``publishable_copy``) on top
    of the remote's branch, and push it: ghp-import, after fetching the branch, since a
    fresh CI checkout has only main and a commit without the remote's history would
    not push."""
    cname = pages_cname(siteurl)
    check_production(site, siteurl)
    repo = Path(repo)
    if _git(repo, "rev-parse", "--git-dir").returncode != 0:
        raise DeployError("pages_no_git", folder=str(repo))
    remotes = _git(repo, "remote").stdout.split()
    refspecs = [f"+refs/heads/{branch}:refs/heads/{branch}"]
    if remote in remotes:  # ghp-import starts from remote/branch when that exists
        refspecs.append(f"+refs/heads/{branch}:refs/remotes/{remote}/{branch}")
    shallow = _git(repo, "rev-parse", "--is-shallow-repository").stdout.strip() == "true"
    fetched = _git(
        repo, "fetch", "--no-tags", *(["--depth=1"] if shallow else []), remote, *refspecs
    )
    if fetched.returncode != 0 and "couldn't find remote ref" not in fetched.stderr:
        detail = (fetched.stderr.strip().splitlines() or [""])[-1]
        raise DeployError("pages_fetch_failed", remote=remote, branch=branch, detail=detail)
    source = _git(repo, "rev-parse", "--short", "HEAD").stdout.strip()
    message = f"Publish the site built from {source or 'a working copy'} (invoke gh-pages)"
    env = dict(os.environ)
    for key, config in (("GIT_COMMITTER_NAME", "user.name"), ("GIT_COMMITTER_EMAIL", "user.email")):
        if not _git(repo, "config", config).stdout.strip():  # a CI runner has no identity
            env.setdefault(key, "Warta Perpustakaan" if key.endswith("NAME") else "warta@localhost")
    before = _git(repo, "rev-parse", "--verify", "-q", f"refs/heads/{branch}").stdout.strip()
    with tempfile.TemporaryDirectory(dir=Path(site).parent) as scratch:
        copy = publishable_copy(Path(site), Path(scratch), set(server_files))
        command = [
            sys.executable,
            "-m",
            "ghp_import",
            "--no-jekyll",
            "--branch",
            branch,
            "--remote",
            remote,
            "--message",
            message,
        ]
        if cname:
            command += ["--cname", cname]
        if push:
            command.append("--push")
        result = subprocess.run(
            [*command, str(copy)], cwd=repo, capture_output=True, text=True, env=env
        )
    after = _git(repo, "rev-parse", "--verify", "-q", f"refs/heads/{branch}").stdout.strip()
    # ghp-import goes on to push when its commit failed: check that there is a new one.
    if result.returncode != 0 or not after or after == before or "Failed" in result.stdout:
        detail = (result.stderr.strip() or result.stdout.strip()).splitlines()
        raise DeployError(
            "pages_failed", branch=branch, remote=remote, detail=detail[-1] if detail else ""
        )
    return after, cname
