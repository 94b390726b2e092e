"""Python's results equal the CLI's, for every transcript under fixtures/."""

from __future__ import annotations

import csv
import io
import json
import math
import warnings
from pathlib import Path

import pytest

import candor


@pytest.fixture(scope="module")
def reports(fixture_paths):
    return candor.Analyzer().lint_many([Path(p) for p in fixture_paths])


def test_reports_equal_cli_jsonl_text(fixture_paths, cli_jsonl, reports):
    """Report.to_json() is byte for byte the line `candor score --format jsonl` writes."""
    assert [r.path for r in reports] == fixture_paths
    differ = [r.path for r in reports if r.to_json() != cli_jsonl[r.path]]
    assert not differ, f"{len(differ)} reports differ from the CLI's, first {differ[:5]}"


def test_to_dict_equals_cli_lint_json(cli, fixture_paths, reports):
    """to_dict() equals `candor lint --format json`, which reads through the library's
    other entry point (decode, then analyze_decoded)."""
    out = cli("lint", "--format", "json", "--fail-on", "never", "fixtures").stdout
    by_path = {r["path"]: r for r in json.loads(out)}
    assert sorted(by_path) == fixture_paths
    for r in reports:
        assert r.to_dict() == by_path[r.path], r.path


def test_pretty_json_equals_cli_lint(cli):
    """to_json(pretty=True) is serde_json's pretty form, as `candor lint --format json`."""
    path = "fixtures/demo/call.vtt"
    out = cli("lint", "--format", "json", path).stdout
    inner = json.loads(out)[0]
    report = candor.lint(Path(path))
    assert json.loads(report.to_json(pretty=True)) == inner
    # The CLI indents the report one level inside its array.
    body = "\n".join("  " + l for l in report.to_json(pretty=True).split("\n"))
    assert out == "[\n" + body + "\n]\n"


def test_one_at_a_time_equals_batch(fixture_paths, reports):
    """lint() on the text gives what lint_many gave on the file, in order."""
    a = candor.Analyzer()
    for p, r in list(zip(fixture_paths, reports))[::25]:
        one = a.lint(Path(p).read_bytes(), path=p, errors="report")
        assert one.to_json() == r.to_json()


def _same(attr, value, where):
    """An attribute equals the JSON value: objects field by field, lists item by item."""
    if isinstance(value, dict):
        for k, v in value.items():
            assert hasattr(attr, k), f"{where}: no attribute {k!r} for the JSON field"
            _same(getattr(attr, k), v, f"{where}.{k}")
        for name in getattr(attr, "__dataclass_fields__", {}):
            if not name.startswith("_") and name not in value:
                default = attr.__dataclass_fields__[name].default
                assert getattr(attr, name) == default, f"{where}.{name} not in the JSON"
    elif isinstance(value, list):
        assert isinstance(attr, tuple) and len(attr) == len(value), where
        for i, (a, v) in enumerate(zip(attr, value)):
            _same(a, v, f"{where}[{i}]")
    else:
        assert type(attr) is type(value) and attr == value, f"{where}: {attr!r} != {value!r}"


def test_attributes_are_the_json_fields(reports):
    """Every field of the JSON report is an attribute, with the same value."""
    for r in reports:
        _same(r, r.to_dict(), r.path)


def test_stats_equal_cli(cli):
    paths = ["fixtures/demo/call.vtt", "fixtures/labelled/dev05.txt"]
    cli_reports = json.loads(cli("stats", "--format", "json", *paths).stdout)
    a = candor.Analyzer()
    assert [a.stats(Path(p)).to_dict() for p in paths] == cli_reports


def _cell_equal(cell: str, value, kind: str) -> bool:
    if cell == "":
        return value is None or value == "" or (isinstance(value, float) and math.isnan(value))
    if kind == "str":
        return cell == value
    if kind == "int":
        return value is not None and int(cell) == value
    return value is not None and float(cell) == value


@pytest.fixture(scope="module")
def cli_csv(cli):
    out = cli("score", "--format", "csv", "--no-progress", "fixtures").stdout
    rows = list(csv.reader(io.StringIO(out)))
    return rows[0], rows[1:]


def test_csv_header_equals_cli(cli_csv):
    header, _ = cli_csv
    assert candor.score_columns() == header


def test_every_csv_column_is_typed():
    """A column the CLI adds to its CSV gets a type in _frame.py (else it is read as text)."""
    from candor._frame import _TYPES

    rule_ids = {r.id for r in candor.rules()}
    untyped = [c for c in candor.score_columns() if c not in _TYPES and c not in rule_ids]
    assert not untyped, f"give these columns a type in candor/_frame.py: {untyped}"


@pytest.mark.filterwarnings("ignore::candor.SkippedFilesWarning")
def test_score_rows_equal_cli_csv(cli_csv):
    """score_rows('fixtures') finds the same files as `candor score fixtures` and gives
    the same cells, row for row."""
    header, cli_rows = cli_csv
    rows = candor.score_rows("fixtures")
    assert [r["path"] for r in rows] == [c[0] for c in cli_rows]
    types = dict(candor.column_types())
    for r, c in zip(rows, cli_rows):
        for name, cell in zip(header, c):
            assert _cell_equal(cell, r[name], types[name]), (r["path"], name, cell, r[name])


@pytest.mark.filterwarnings("ignore::candor.SkippedFilesWarning")
def test_score_frame_equals_cli_csv(cli_csv):
    pd = pytest.importorskip("pandas")
    header, cli_rows = cli_csv
    frame = candor.score_frame("fixtures")
    assert list(frame.columns) == header
    assert len(frame) == len(cli_rows)
    types = dict(candor.column_types())
    for name in header:
        if types[name] == "int":
            assert str(frame[name].dtype) == "Int64", name
        elif types[name] == "float":
            assert frame[name].dtype == "float64", name
    for i, c in enumerate(cli_rows):
        for name, cell in zip(header, c):
            v = frame.at[i, name]
            v = None if v is pd.NA else v
            v = int(v) if types[name] == "int" and v is not None else v
            assert _cell_equal(cell, v, types[name]), (c[0], name, cell, v)


def test_score_table_schema():
    pa = pytest.importorskip("pyarrow")
    table = candor.score_table(["fixtures/demo", "fixtures/labelled/dev01.txt"])
    assert table.schema == candor.arrow_schema()
    assert table.column("path").to_pylist() == ["fixtures/demo/call.vtt", "fixtures/labelled/dev01.txt"]
    assert table.schema.field("score").type == pa.float64()


def test_options_equal_cli_options(cli, tmp_path):
    """A candor.toml and the keyword options change the results as the CLI's do."""
    path = "fixtures/demo/call.vtt"
    toml = tmp_path / "candor.toml"
    toml.write_text('ignore = ["closed-question"]\n[thresholds]\ntalk-ratio = 0.3\n')
    cases = [
        (["--config", str(toml)], dict(config=toml)),
        (["--profile", "solution"], dict(profile="solution")),
        (["--interviewer", "Tom Barnes"], dict(interviewers=["Tom Barnes"])),
        (["--ignore", "closed-question", "--select", "leading-question,closed-question"],
         dict(ignore="closed-question", select=["leading-question", "closed-question"])),
    ]
    for args, options in cases:
        want = json.loads(cli("lint", "--format", "json", *args, path).stdout)[0]
        assert candor.Analyzer(**options).lint(Path(path)).to_dict() == want, args
    dict_config = candor.Analyzer({"ignore": ["closed-question"], "thresholds": {"talk_ratio": 0.3}})
    want = json.loads(cli("lint", "--format", "json", "--config", str(toml), path).stdout)[0]
    assert dict_config.lint(Path(path)).to_dict() == want


def test_rules_equal_cli(cli):
    want = json.loads(cli("rules", "--format", "json").stdout)
    got = candor.rules()
    assert [r.id for r in got] == [w["id"] for w in want]
    for r, w in zip(got, want):
        _same(r, w, r.id)


def _folder(tmp_path: Path, root: Path) -> Path:
    """A folder with what `candor score` must take, pass over, or report as an error."""
    demo = (root / "fixtures/demo/call.vtt").read_text(encoding="utf-8")
    short = "Maya: If we built this, would you use it?\nTom: Probably, yes.\n"
    d = tmp_path / "calls"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(short)
    (d / "B.VTT").write_text(demo)  # extensions in any case
    (d / "sub" / "c.md").write_text("**Maya:** Why did you switch?\n\n**Tom:** The price.\n")
    (d / "recording").write_text(short)  # no extension, but a transcript: read
    (d / "blob").write_bytes(bytes(range(256)) * 4)  # no extension, not text: skipped
    (d / "notes.txt").write_text("Call Tom on Friday about the sheet.\n")  # no turns: skipped
    (d / "meeting_saved_chat.txt").write_text(
        "10:01:33\t From Ana to Everyone : hi\n10:02:10\t From Bo to Everyone : the link?\n"
    )  # a chat log: skipped
    (d / "zoom.conf.json").write_text('{"meeting": 1}')  # skipped by its name
    (d / "other.json").write_text('{"rows": [1, 2]}')  # JSON of another shape: skipped
    (d / "consent.pdf").write_bytes(b"%PDF-1.7")  # a document candor cannot read: skipped
    (d / "image.png").write_bytes(b"\x89PNG")  # skipped
    (d / ".hidden.txt").write_text(short)  # hidden: not seen
    (d / ".gitignore").write_text("ignored.txt\n")
    (d / "ignored.txt").write_text(short)  # .gitignore'd: not seen
    (d / "d.docx").write_bytes(b"PK\x03\x04")  # a Word document that is broken: an error row
    (d / "empty.txt").write_text("")  # an error row
    (d / "broken.json").write_text('{"utterances": [')  # an error row, at its line
    return d


def _cli_rows(cli, *args: str):
    p = cli("score", "--format", "csv", "--no-progress", "--verbose", *args)
    rows = list(csv.reader(io.StringIO(p.stdout)))
    # `note: skipped N files…:` then `  PATH: why`, a line each.
    skipped = [
        tuple(line.strip().split(": ", 1))
        for line in p.stderr.split("note: skipped", 1)[-1].split("\n")[1:]
        if line.startswith("  ")
    ] if "note: skipped" in p.stderr else []
    return rows[0], rows[1:], skipped


@pytest.mark.parametrize("glob", [[], ["*.txt", "*.md"], ["!sub/**"]])
def test_folder_walk_equals_cli(cli, root, tmp_path, glob):
    """score_rows walks folders as `candor score` does: the same files read (hidden and
    .gitignore'd not seen, files without an extension read if they are transcripts, files
    that are not transcripts skipped and listed, unreadable ones and missing paths as error
    rows, globs applied), in the same order, with the same cells."""
    d = _folder(tmp_path, root)
    args = [str(d), str(d / "missing.vtt")]
    header, cli_rows, cli_skipped = _cli_rows(cli, *[a for g in glob for a in ("--glob", g)], *args)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rows = candor.score_rows(args, glob=glob)
    skipped = [w.message.skipped for w in caught if isinstance(w.message, candor.SkippedFilesWarning)]
    assert (skipped[0] if skipped else []) == [tuple(x) for x in cli_skipped]
    assert [r["path"] for r in rows] == [c[0] for c in cli_rows]
    if not glob:
        names = [Path(r["path"]).name for r in rows]
        assert names == [
            "B.VTT", "a.txt", "broken.json", "d.docx", "empty.txt", "missing.vtt", "recording", "c.md"
        ]
        assert [Path(p).name for p, _ in skipped[0]] == [
            "blob", "consent.pdf", "image.png", "meeting_saved_chat.txt", "notes.txt",
            "other.json", "zoom.conf.json",
        ]
    types = dict(candor.column_types())
    for r, c in zip(rows, cli_rows):
        for name, cell in zip(header, c):
            assert _cell_equal(cell, r[name], types[name]), (r["path"], name, cell, r[name])


def test_skip_reasons_equal_the_walk(cli, root, tmp_path):
    """skip_reasons, given each file's name and bytes, passes over exactly the files the
    walk does, for the same reasons (as the Spark recipe relies on)."""
    d = _folder(tmp_path, root)
    _, cli_rows, cli_skipped = _cli_rows(cli, str(d))
    files = [Path(c[0]) for c in cli_rows] + [Path(p) for p, _ in cli_skipped]
    why = candor.skip_reasons(files)
    assert {str(p): w for p, w in zip(files, why) if w is not None} == dict(cli_skipped)
