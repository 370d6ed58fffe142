"""``check --format sarif`` (validated against the official SARIF 2.1.0 schema, vendored in
tests/data/) and ``--format github`` (workflow annotations), from glossari/checks/output.py."""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest
from _catalog_oracles import make_root
from hypothesis import given
from hypothesis import strategies as st

from glossari.checks.codes import CODES
from glossari.checks.output import (
    FindingPolicy,
    Rule,
    github_annotation,
    read_findings_json,
    write_findings,
)
from glossari.cli import main
from glossari.diagnostics import Finding

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(
    encoding="utf-8"))


def run(root: Path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["--root", str(root), "check", *args])
    return code, out.getvalue()


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_root(tmp_path_factory.mktemp("formats"), seed=True)
    for args in (["extract"], ["update", "-l", "en"]):
        assert main(["--root", str(root), *args]) == 0
    return root


def test_the_schema_is_the_official_one() -> None:
    assert SCHEMA["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    # and it rejects what is not SARIF
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": "2.1.0", "runs": [{"tool": {}}]}, SCHEMA)


def test_sarif_is_valid_and_holds_the_json_findings(root: Path) -> None:
    code_json, out_json = run(root, "--format", "json")
    code_sarif, out_sarif = run(root, "--format", "sarif")
    assert code_json == code_sarif
    sarif = json.loads(out_sarif)
    jsonschema.Draft4Validator(SCHEMA).validate(sarif)
    findings = json.loads(out_json)
    assert findings
    results = sarif["runs"][0]["results"]
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(CODES)
    level = {"error": "error", "warning": "warning", "info": "note"}
    assert len(results) == len(findings)
    for finding, result in zip(findings, results, strict=True):
        assert result["ruleId"] == finding["code"]
        assert rules[result["ruleIndex"]]["id"] == finding["code"]
        assert result["level"] == level[str(finding["severity"])]
        assert result["message"]["text"] == finding["message"]
        location = result["locations"][0]["physicalLocation"]
        assert unquote(location["artifactLocation"]["uri"]) == finding["path"]
        assert location["region"]["startLine"] == finding["line"]
        assert result.get("properties", {}).get("lang") == finding.get("lang")


def test_sarif_with_no_findings_is_valid(root: Path) -> None:
    _code, out = run(root, "--format", "sarif", "--select", "S130")
    sarif = json.loads(out)
    jsonschema.Draft4Validator(SCHEMA).validate(sarif)
    assert sarif["runs"][0]["results"] == []


ANNOTATION = re.compile(r"::(error|warning|notice) file=([^,:]+),line=(\d+)::([A-Z]\d{3}) (.*)")


def test_github_annotations(root: Path) -> None:
    _code, out_json = run(root, "--format", "json")
    code, out = run(root, "--format", "github", "--fail-on", "warning")
    assert code == 1
    findings = json.loads(out_json)
    lines = out.splitlines()
    assert len(lines) == len(findings)
    command = {"error": "error", "warning": "warning", "info": "notice"}
    for finding, line in zip(findings, lines, strict=True):
        match = ANNOTATION.fullmatch(line)
        assert match is not None, line
        assert match.group(1) == command[str(finding["severity"])]
        assert match.group(2) == finding["path"]
        assert int(match.group(3)) == finding["line"]
        assert match.group(4) == finding["code"]


def test_ci_formats_name_files_from_the_current_folder(root: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A glossary in a subfolder of the repository (``--root glossary``): GitHub reads an
    annotation's file and a SARIF uri from the repository's top, so both say ``glossary/...``,
    the path from where the command runs; text and JSON keep the glossary's own paths."""
    monkeypatch.chdir(root.parent)
    _code, out_json = run(Path(root.name), "--format", "json")
    findings = json.loads(out_json)
    assert findings
    assert all(not f["path"].startswith(root.name + "/") for f in findings)
    _code, out = run(Path(root.name), "--format", "github")
    files = [m.group(2) for m in map(ANNOTATION.fullmatch, out.splitlines()) if m is not None]
    assert files == [f"{root.name}/{f['path']}" for f in findings]
    for file in files:
        assert (root.parent / file).is_file(), file
    _code, out = run(Path(root.name), "--format", "sarif")
    uris = [unquote(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
            for r in json.loads(out)["runs"][0]["results"]]
    assert uris == files


def _unescape_data(text: str) -> str:  # what GitHub's runner does
    return text.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")


@given(path=st.text(min_size=1, max_size=30), message=st.text(max_size=60))
def test_github_annotation_escapes_round_trip(path: str, message: str) -> None:
    finding = Finding(path=path, line=7, severity="error", code="C203", message=message)
    line = github_annotation(finding)
    assert "\n" not in line
    assert "\r" not in line
    head, data = line.split("::", 2)[1:]
    properties = dict(part.split("=", 1) for part in head.split(" ", 1)[1].split(","))
    decoded = _unescape_data(properties["file"].replace("%3A", ":").replace("%2C", ","))
    assert decoded == path.replace("\\", "/")
    assert _unescape_data(data) == f"C203 {message}"


def test_policy_and_json_reader_round_trip() -> None:
    findings = [
        Finding(path="a.md", line=1, severity="warning", code="S103", message='x "y"\n'),
        Finding(path="b.po", line=2, severity="info", code="C201", message="z", lang="en",
                term="t"),
    ]
    out = io.StringIO()
    assert write_findings(findings, "json", out) == {"warning": 1, "info": 1}
    assert json.loads(out.getvalue()) == [f.as_json() for f in findings]
    assert list(read_findings_json(io.StringIO(out.getvalue()))) == findings
    policy = FindingPolicy(select=("S", "C"), ignore=("C2",), severity=(("S103", "error"),))
    kept = list(policy.filter(findings))
    assert [(f.code, f.severity) for f in kept] == [("S103", "error")]
    sarif = io.StringIO()
    write_findings(kept, "sarif", sarif, rules=[Rule("S103", "warning", "link text")],
                   tool="termcheck")
    document = json.loads(sarif.getvalue())
    jsonschema.Draft4Validator(SCHEMA).validate(document)
    assert document["runs"][0]["tool"]["driver"]["name"] == "termcheck"


def test_a_policy_that_keeps_everything_prints_the_same_bytes(root: Path) -> None:
    # the policy path reads the remembered JSON back and writes it anew: same text, same JSON
    for fmt in ("text", "json"):
        assert run(root, "--format", fmt, "--select", "S,C,L,T") == run(root, "--format", fmt)
