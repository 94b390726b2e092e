"""The Python API: errors, inputs, threads, pickling, types."""

from __future__ import annotations

import doctest
import pickle
import sys
import threading
import time
from pathlib import Path

import pytest

import candor

DEMO = "fixtures/demo/call.vtt"
#: Too little of an interview for the rules to judge (fewer than 3 questions, 100 words).
SHORT = "Maya: If we built this, would you use it?\nTom: Probably, yes."
#: The least the rules judge: four interviewer questions, 103 words.
JUDGED = """Maya: How do you plan your week today?
Tom: In a spreadsheet, every Monday morning. It takes me about an hour, because the numbers come from three different places and none of them agree with each other.
Maya: If we built an app for this, would you use it?
Tom: Probably, yes.
Maya: What happened the last time the plan slipped?
Tom: A supplier delivered late, so the whole week moved. I rebuilt the sheet by hand on a Tuesday night and still got two delivery slots wrong on Wednesday.
Maya: Who else on your team should I talk to about this?
Tom: Talk to Priya, she runs the warehouse side.
"""


@pytest.fixture(autouse=True)
def _in_root(root, monkeypatch):
    monkeypatch.chdir(root)


def test_docstrings_run():
    import candor._api

    for module in (candor, candor._api):
        failed, tried = doctest.testmod(module)
        assert tried > 0 and failed == 0, module.__name__


def test_lint_text_bytes_and_path_agree():
    text = Path(DEMO).read_text(encoding="utf-8")
    by_text = candor.lint(text, path=DEMO)
    by_bytes = candor.lint(text.encode(), path=DEMO)
    by_path = candor.lint(Path(DEMO))
    assert by_text == by_bytes == by_path
    assert by_path.path == DEMO and candor.lint(text).path == ""
    assert candor.lint(Path(DEMO), path="renamed.vtt").path == "renamed.vtt"


def test_findings_are_attributes():
    r = candor.lint(Path(DEMO))
    f = r.findings[0]
    assert isinstance(f, candor.Finding)
    assert (f.rule, f.line, f.column, f.speaker) == ("leading-question", 33, 14, "Maya Chen")
    assert f.severity == "warning" and 0 <= f.confidence <= 1 and f.source in ("pattern", "model", "both")
    assert r.metrics.longest_monologue.words == 25
    assert r.interviewers == ("Maya Chen",) and r.interviewees == ("Tom Barnes",)
    assert r.speakers[0].talk_seconds == 53.1
    assert r.ok and r.error is None
    with pytest.raises(AttributeError):
        r.score = 100  # frozen


def test_options_on_the_module_functions():
    plain = candor.lint(JUDGED)
    assert plain.judged and plain.interviewers == ("Maya",)
    assert [(f.rule, f.line, f.column) for f in plain.findings] == [
        ("closed-question", 3, 7),
        ("hypothetical-question", 3, 36),
    ]
    swapped = candor.lint(JUDGED, interviewers=["Tom"])
    assert swapped.interviewers == ("Tom",)
    ignored = candor.lint(JUDGED, config={"ignore": ["hypothetical-question"]})
    assert [f.rule for f in ignored.findings] == ["closed-question"]


def test_not_judged_is_not_clean():
    """Too little to judge: status and reason say so; no score, and no count of findings."""
    r = candor.lint(SHORT)
    assert (r.status, r.reason, r.score, r.judged, r.ok) == ("not-judged", "too-short", None, False, True)
    row = r.to_row()
    assert row["status"] == "not-judged" and row["reason"] == "too-short"
    assert row["findings"] is None and row["hypothetical-question"] is None
    assert candor.stats(Path(DEMO)).status == "measured"


def test_errors_raise_candor_errors():
    with pytest.raises(candor.ParseError) as e:
        candor.lint("")
    assert "empty" in str(e.value) and e.value.line is None
    with pytest.raises(candor.ParseError) as e:
        candor.parse(b'{"utterances": [')
    assert e.value.line == 1
    with pytest.raises(candor.InputError, match="no such file"):
        candor.lint(Path("fixtures/no-such-file.vtt"))
    with pytest.raises(candor.InputError, match="PDF files are not supported"):
        candor.lint(Path("interview.pdf"))
    with pytest.raises(candor.ConfigError, match="unknown input format"):
        candor.lint(SHORT, format="pdf")
    with pytest.raises(candor.ConfigError, match="profile"):
        candor.Analyzer(profile="sales")
    with pytest.raises(candor.ConfigError, match="profle"):
        candor.Analyzer({"profle": "discovery"})
    with pytest.raises(candor.ConfigError, match="not found"):
        candor.Analyzer("no/such/candor.toml")
    with pytest.raises(candor.UnknownRuleError, match="rules are: selling"):
        candor.explain("no-such-rule")
    for cls in (candor.ParseError, candor.InputError, candor.ConfigError, candor.UnknownRuleError):
        assert issubclass(cls, candor.Error)
    with pytest.raises(TypeError):
        candor.lint(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        candor.lint(SHORT, errors="ignore")  # type: ignore[arg-type]


def test_config_error_names_the_line(tmp_path):
    toml = tmp_path / "candor.toml"
    toml.write_text('ignore = ["closed-question"]\nprofle = "x"\n')
    with pytest.raises(candor.ConfigError, match=r"candor.toml: line 2"):
        candor.Analyzer(toml)


def test_errors_as_reports():
    r = candor.lint(b"\x00\x01\x02binary", path="x.bin", errors="report")
    assert r.error is not None and not r.ok and r.metrics is None and r.score is None
    batch = candor.lint_many([SHORT, "", Path("fixtures/none.vtt")], paths=["a", "b", "c"])
    assert [r.path for r in batch] == ["a", "b", "c"]
    assert batch[0].ok and "empty" in batch[1].error.message
    assert batch[2].error.message == "no such file"
    with pytest.raises(candor.ParseError, match="^b: the file is empty"):
        candor.lint_many([SHORT, ""], paths=["a", "b"], errors="raise")


def test_lint_many_keeps_order_and_matches_lint():
    texts = [SHORT.replace("Maya", f"Maya{i}") for i in range(50)] + [Path(DEMO)]
    a = candor.Analyzer()
    many = a.lint_many(texts, jobs=2)
    assert [r.to_json() for r in many] == [a.lint(t).to_json() for t in texts]
    assert [r.to_json() for r in a.lint_many(texts, jobs=1)] == [r.to_json() for r in many]


def test_lint_many_releases_the_gil():
    """While lint_many works, another Python thread keeps running."""
    text = Path(DEMO).read_text(encoding="utf-8")
    texts = [text] * 400
    a = candor.Analyzer()
    done = threading.Event()
    ticks = 0

    def work():
        a.lint_many(texts, jobs=1)
        done.set()

    t = threading.Thread(target=work)
    old = sys.getswitchinterval()
    sys.setswitchinterval(0.001)
    try:
        start = time.perf_counter()
        t.start()
        while not done.is_set():
            ticks += 1
            time.sleep(0)
        elapsed = time.perf_counter() - start
    finally:
        sys.setswitchinterval(old)
        t.join()
    assert elapsed > 0.05, "too quick to tell"
    # Holding the GIL, lint_many would let the loop run only between reports' JSON reads.
    assert ticks > 1000, f"{ticks} loop turns in {elapsed:.2f} s"


def test_parse_transcript():
    t = candor.parse(Path(DEMO))
    assert t.format == "webvtt"
    assert [s.name for s in t.speakers] == ["Maya Chen", "Tom Barnes"]
    assert t.speakers[0].role == "interviewer"
    first = t.turns[0]
    assert (first.speaker, first.line, first.start) == ("Maya Chen", 5, 2.0)
    forced = candor.parse("Ana: How?\nBo: Like this.", format="plain")
    assert forced.format == "plain" and len(forced.turns) == 2
    assert "webvtt" in candor.formats()


def test_rules_and_explain():
    ids = [r.id for r in candor.rules()]
    assert ids[0] == "selling" and "leading-question" in ids
    rule = candor.explain("leading-question")
    assert rule.severity == "warning" and rule.examples and rule.examples[0].bad
    assert rule in candor.rules() and rule.explanation and rule.help


def test_pickle_reports_and_analyzers():
    r = candor.lint(Path(DEMO))
    back = pickle.loads(pickle.dumps(r))
    assert back == r and back.to_json() == r.to_json()
    a = candor.Analyzer({"ignore": ["closed-question"]}, interviewers="Maya Chen")
    b = pickle.loads(pickle.dumps(a))
    assert b.config == a.config
    assert b.lint(Path(DEMO)).to_json() == a.lint(Path(DEMO)).to_json()


def test_score_frame_from_texts():
    pd = pytest.importorskip("pandas")
    frame = candor.score_frame({"one": JUDGED, "two": b"Interviewer: Why?\nCustomer: Because."})
    assert list(frame["path"]) == ["one", "two"]
    assert frame.loc[0, "hypothetical-question"] == 1 and frame.loc[0, "status"] == "judged"
    assert frame.loc[1, "status"] == "not-judged" and frame["findings"].isna().tolist() == [False, True]
    assert isinstance(frame, pd.DataFrame)


def test_score_frame_without_pandas(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        candor.score_frame({"one": SHORT})


def test_score_rows_error_and_skipped_files(tmp_path):
    (tmp_path / "a.txt").write_text(JUDGED)
    (tmp_path / "consent.pdf").write_bytes(b"%PDF-1.7")  # not a transcript: skipped
    (tmp_path / "notes.txt").write_text("Call Tom on Friday about the planning sheet.\n")  # skipped
    (tmp_path / "empty.vtt").write_text("")  # a transcript's name, unreadable: an error row
    (tmp_path / ".hidden.txt").write_text(JUDGED)  # hidden: not even skipped
    with pytest.warns(candor.SkippedFilesWarning, match="skipped 2 files") as w:
        rows = candor.score_rows([tmp_path, tmp_path / "missing.vtt"])
    skipped = w[0].message.skipped
    assert [Path(p).name for p, _ in skipped] == ["consent.pdf", "notes.txt"]
    assert "PDF" in skipped[0][1] and "notes" in skipped[1][1]
    assert [Path(r["path"]).name for r in rows] == ["a.txt", "empty.vtt", "missing.vtt"]
    assert rows[0]["error"] is None and rows[0]["findings"] == 2 and rows[0]["status"] == "judged"
    assert rows[1]["status"] == "failed" and "empty" in rows[1]["error"] and rows[1]["findings"] is None
    assert rows[2]["error"] == "no such file"


def test_skip_reasons():
    texts = [
        JUDGED,
        "Call Tom on Friday about the planning sheet.\n",
        '{"meeting": "weekly", "attendees": 4}',
        "",
        JUDGED,
    ]
    names = ["a.txt", "notes.txt", "zoom.conf.json", "empty.txt", "scan.pdf"]
    why = candor.skip_reasons(texts, paths=names)
    assert why[0] is None and why[3] is None  # a transcript; an empty file fails when read
    assert "notes" in why[1] and "configuration" in why[2] and "PDF" in why[4]
    assert candor.skip_reasons([Path(DEMO)]) == [None]
    with pytest.raises(ValueError):
        candor.skip_reasons([JUDGED], paths=[])


def test_typed_package():
    root = Path(candor.__file__).parent
    assert (root / "py.typed").is_file() and (root / "_candor.pyi").is_file()
    assert candor.__version__
    for name in candor.__all__:
        obj = getattr(candor, name)
        if callable(obj) and not isinstance(obj, type):
            assert obj.__doc__, name


def test_a_file_name_as_text_gets_a_hint():
    """A str is text; a str that names a file fails with a hint to pass a Path."""
    with pytest.raises(candor.ParseError, match=r"pass pathlib.Path\('fixtures/demo/call.vtt'\)"):
        candor.lint(DEMO)
    with pytest.raises(candor.ParseError, match=r"pass pathlib.Path"):
        candor.parse(DEMO)
    with pytest.raises(candor.ParseError) as e:
        candor.lint("no speaker here")
    assert "pathlib" not in str(e.value)


def test_errors_name_the_file_and_line(tmp_path):
    broken = tmp_path / "call.json"
    broken.write_text('{"utterances": [')
    for call in (candor.lint, candor.parse):
        with pytest.raises(candor.ParseError) as e:
            call(broken)
        assert e.value.path == str(broken) and e.value.line == 1
        assert str(e.value).startswith(f"{broken}: line 1")
    with pytest.raises(candor.InputError) as e:
        candor.parse(tmp_path / "none.vtt")
    assert e.value.path == str(tmp_path / "none.vtt") and e.value.line is None
    with pytest.raises(candor.ParseError) as e:
        candor.parse("")
    assert e.value.path is None and e.value.line is None
    with pytest.raises(candor.ConfigError) as e:
        candor.Analyzer(profile="sales")
    assert e.value.path is None and e.value.line is None


def test_docs_python_md_runs(root):
    """The Python cells of docs/python.md run, in order, in one namespace, as in a
    notebook opened at the repository's root."""
    pytest.importorskip("pandas")
    text = (root / "docs" / "python.md").read_text(encoding="utf-8")
    cells = [c.split("```", 1)[0] for c in text.split("```python\n")[1:]]
    assert len(cells) >= 4
    namespace: dict = {}
    for i, cell in enumerate(cells):
        exec(compile(cell, f"docs/python.md, cell {i + 1}", "exec"), namespace)
    assert isinstance(namespace["report"], candor.Report)
    assert list(namespace["frame"].columns) == candor.score_columns()
