"""candor: lint and score customer-interview transcripts.

candor reads transcripts in every common format (WebVTT, SRT, Otter, Rev, Whisper and
speech-to-text JSON, ``Name: text``…), measures who talked how much, and flags the
interviewer's anti-patterns: pitching, leading and hypothetical questions, and the rest.
The analysis is candor's Rust library; reports are the CLI's JSON report, as attributes.

>>> import candor
>>> from pathlib import Path
>>> report = candor.lint(Path("fixtures/demo/call.vtt"))   # a Path is read; a str is the text
>>> report.status, report.interviewers
('judged', ('Maya Chen',))
>>> [(f.rule, f.line, f.column) for f in report.findings][:2]
[('leading-question', 33, 14), ('closed-question', 33, 14)]
>>> report.to_dict()["metrics"]["interviewer_words"]
116

Reuse one :class:`Analyzer` for many transcripts (``lint_many`` runs them in parallel),
and :func:`score_frame` scores a folder into a pandas DataFrame: the rows of
``candor score --format csv``. Errors are :class:`Error` subclasses.
"""

from ._api import Analyzer, explain, formats, lint, lint_many, parse, rules, skip_reasons, stats
from ._candor import (
    ConfigError,
    Error,
    InputError,
    ParseError,
    UnknownRuleError,
    __version__,
)
from ._frame import (
    SkippedFilesWarning,
    arrow_schema,
    column_types,
    score_columns,
    score_frame,
    score_rows,
    score_table,
)
from ._model import (
    Cue,
    Example,
    Finding,
    Metrics,
    Report,
    ReportError,
    ReportWarning,
    Rule,
    Setting,
    Speaker,
    SpeakerStats,
    Stretch,
    Transcript,
    Turn,
)

__all__ = [
    "Analyzer",
    "ConfigError",
    "Cue",
    "Error",
    "Example",
    "Finding",
    "InputError",
    "Metrics",
    "ParseError",
    "Report",
    "ReportError",
    "ReportWarning",
    "Rule",
    "Setting",
    "SkippedFilesWarning",
    "Speaker",
    "SpeakerStats",
    "Stretch",
    "Transcript",
    "Turn",
    "UnknownRuleError",
    "__version__",
    "arrow_schema",
    "column_types",
    "explain",
    "formats",
    "lint",
    "lint_many",
    "parse",
    "rules",
    "score_columns",
    "score_frame",
    "score_rows",
    "score_table",
    "skip_reasons",
    "stats",
]
