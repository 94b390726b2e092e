"""The objects candor hands back: reports, findings, metrics, transcripts, rules.

Each is a frozen dataclass read from the JSON the Rust library writes, so its attributes
are the fields of the JSON report contract (docs/report.md), by the same names.
"""

from __future__ import annotations

import json
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, Callable, Dict, Mapping, Optional, Tuple, Type, TypeVar

from . import _candor

T = TypeVar("T")


#: How to build each class: its fields' names, the class of a nested field (or None), and a
#: function giving the default of a field the JSON leaves out.
_Plan = Tuple[Tuple[str, Optional[type], Callable[[], Any]], ...]
_PLANS: Dict[type, _Plan] = {}


def _plan(cls: type) -> _Plan:
    plan = _PLANS.get(cls)
    if plan is None:
        nested: Dict[str, type] = getattr(cls, "_nested", {})
        steps = []
        for f in fields(cls):
            if f.name.startswith("_"):
                continue
            if f.default is not MISSING:
                default: Callable[[], Any] = lambda v=f.default: v
            elif f.default_factory is not MISSING:
                default = f.default_factory
            else:
                default = lambda: None
            steps.append((f.name, nested.get(f.name), default))
        plan = _PLANS[cls] = tuple(steps)
    return plan


def _build(cls: Type[T], d: Mapping[str, Any]) -> T:
    """Builds a dataclass from a JSON object: nested objects and lists by the class's
    ``_nested`` map, missing keys from the field defaults, lists as tuples."""
    kw: Dict[str, Any] = {}
    for name, sub, default in _plan(cls):
        v = d[name] if name in d else default()
        if sub is not None and v is not None:
            v = tuple(_build(sub, x) for x in v) if isinstance(v, (list, tuple)) else _build(sub, v)
        elif isinstance(v, list):
            v = tuple(v)
        kw[name] = v
    return cls(**kw)


@dataclass(frozen=True)
class ReportWarning:
    """Something read leniently or guessed, at ``line`` where there is one."""

    line: Optional[int]
    message: str


@dataclass(frozen=True)
class ReportError:
    """Why a file has no analysis: ``message``, at ``line`` where there is one."""

    message: str
    line: Optional[int]


@dataclass(frozen=True)
class Cue:
    """A feature of the learned model that weighed towards a finding (log-odds ``weight``)."""

    feature: str
    weight: float


@dataclass(frozen=True)
class Finding:
    """One thing a rule found, pointing at the source.

    ``line``/``column`` to ``end_line``/``end_column`` (exclusive, 1-based, columns in
    characters) cover the offending words; ``turn`` is 1-based; ``time`` is the turn's
    start in seconds where the transcript is timed; ``text`` is the sentence that holds
    the words; ``help`` a better question; ``source`` is ``"pattern"``, ``"model"`` or
    ``"both"``; ``confidence`` is 0 to 1; ``cues`` is empty unless asked for.
    """

    rule: str
    severity: str
    line: int
    column: int
    end_line: int
    end_column: int
    turn: int
    speaker: str
    time: Optional[float]
    message: str
    text: str
    help: str
    source: str
    confidence: float
    cues: Tuple[Cue, ...] = ()

    _nested = {"cues": Cue}


@dataclass(frozen=True)
class SpeakerStats:
    """Per-speaker numbers: ``role`` is ``"interviewer"``, ``"interviewee"`` or
    ``"other"``; ``role_source`` ``"given"``, ``"header"``, ``"label"`` or
    ``"heuristic"``; ``talk_seconds`` is None unless every turn is timed."""

    name: str
    role: str
    role_source: str
    role_confidence: float
    words: int
    turns: int
    questions: int
    talk_seconds: Optional[float]


@dataclass(frozen=True)
class Stretch:
    """A stretch of speech (the longest monologue or story): its ``words``, ``seconds``
    where timed, and the ``line`` and 1-based ``turn`` where it starts."""

    words: int
    seconds: Optional[float]
    line: int
    turn: int


@dataclass(frozen=True)
class Metrics:
    """Interview-level numbers; see docs/report.md for each."""

    duration_seconds: Optional[float]
    words: int
    turns: int
    interviewer_words: int
    interviewee_words: int
    interviewer_talk_ratio: Optional[float]
    interviewer_talk_ratio_time: Optional[float]
    talk_ratio_basis: Optional[str]
    interviewer_questions: int
    open_questions: int
    closed_questions: int
    open_question_ratio: Optional[float]
    longest_monologue: Optional[Stretch]
    longest_story: Optional[Stretch]
    speaker_switches_per_minute: Optional[float]
    story_prompts: int
    follow_up_probes: int
    summaries: int
    referral_asks: int
    role_source: Optional[str]
    role_confidence: Optional[float]

    _nested = {"longest_monologue": Stretch, "longest_story": Stretch}


@dataclass(frozen=True)
class Report:
    """Everything candor found in one transcript: the JSON report of docs/report.md as
    attributes. ``to_dict()`` and ``to_json()`` give that report exactly as the CLI
    writes it (``candor score --format jsonl`` writes one per line).

    ``status`` says whether the rules judged it: ``"judged"`` (findings and a score),
    ``"measured"`` (:func:`candor.stats`: metrics only), ``"not-judged"`` (read, but not an
    interview candor can judge; ``reason`` says why: ``"too-short"``, ``"no-interviewer"``,
    ``"chat-log"``, ``"not-english"``…; never to be counted as clean) or ``"failed"``
    (``error`` says why, and ``format``, ``metrics`` and ``score`` are None).
    ``document`` is ``"docx"`` when the text came out of a Word document.
    """

    path: str
    format: Optional[str]
    date: Optional[str]
    speakers: Tuple[SpeakerStats, ...]
    status: str
    reason: Optional[str]
    metrics: Optional[Metrics]
    findings: Tuple[Finding, ...]
    score: Optional[float]
    warnings: Tuple[ReportWarning, ...]
    error: Optional[ReportError]
    document: Optional[str] = None
    _json: str = field(default="", repr=False, compare=False)

    _nested = {
        "speakers": SpeakerStats,
        "metrics": Metrics,
        "findings": Finding,
        "warnings": ReportWarning,
        "error": ReportError,
    }

    @classmethod
    def from_json(cls, text: str) -> "Report":
        """Reads a report from the JSON the CLI writes (one line of ``--format jsonl``)."""
        report = _build(cls, json.loads(text))
        object.__setattr__(report, "_json", text)
        return report

    def to_json(self, *, pretty: bool = False) -> str:
        """The JSON report, as ``candor score --format jsonl`` writes it (one line), or
        with ``pretty=True`` indented as ``candor lint --format json`` indents it."""
        return _candor.pretty(self._json) if pretty else self._json

    def to_dict(self) -> Dict[str, Any]:
        """The JSON report as plain dicts and lists (a fresh copy each call)."""
        return json.loads(self._json)

    def to_row(self) -> Dict[str, Any]:
        """This report's row of ``candor score --format csv``, as typed values: column
        name to value, None where the CSV cell is empty."""
        from ._frame import row

        return row(self)

    @property
    def ok(self) -> bool:
        """Whether the file was read and parsed (``error`` is None)."""
        return self.error is None

    @property
    def judged(self) -> bool:
        """Whether the rules judged the file: it has a score, and its findings are all
        there is (``status == "judged"``)."""
        return self.status == "judged"

    @property
    def interviewers(self) -> Tuple[str, ...]:
        """Names of the speakers taken for interviewers."""
        return tuple(s.name for s in self.speakers if s.role == "interviewer")

    @property
    def interviewees(self) -> Tuple[str, ...]:
        """Names of the speakers taken for interviewees."""
        return tuple(s.name for s in self.speakers if s.role == "interviewee")


@dataclass(frozen=True)
class Speaker:
    """A speaker of a parsed transcript and the role candor assigned."""

    name: str
    role: str
    role_source: str
    role_confidence: float


@dataclass(frozen=True)
class Turn:
    """One speaker turn: consecutive lines or cues of one speaker, merged.

    ``line`` is the 1-based source line it starts on (``lines`` every line it spans);
    ``start``/``end`` are seconds where timed; ``spoken`` the seconds of speech."""

    speaker: str
    speaker_index: int
    text: str
    line: int
    lines: Tuple[int, ...]
    start: Optional[float]
    end: Optional[float]
    spoken: Optional[float]


@dataclass(frozen=True)
class Transcript:
    """A parsed transcript: its ``format``, speakers in order of first appearance, turns,
    and what was read leniently (``warnings``). ``date`` and the declared names come from
    a header or metadata, where the transcript has one."""

    format: str
    date: Optional[str]
    declared_interviewers: Tuple[str, ...]
    declared_interviewees: Tuple[str, ...]
    speakers: Tuple[Speaker, ...]
    turns: Tuple[Turn, ...]
    warnings: Tuple[ReportWarning, ...]

    _nested = {"speakers": Speaker, "turns": Turn, "warnings": ReportWarning}


@dataclass(frozen=True)
class Example:
    """A rule's example: what it flags (``bad``) and what to ask instead (``better``)."""

    bad: str
    better: str


@dataclass(frozen=True)
class Setting:
    """A candor.toml key that tunes a rule: ``[table] key = example``, and what it sets."""

    table: str
    key: str
    example: str
    what: str


@dataclass(frozen=True)
class Rule:
    """A built-in rule: its id, default severity, one-line summary, explanation, the
    better question it suggests (``help``), examples, ``scope`` (where it looks) and the
    ``settings`` that tune it."""

    id: str
    severity: str
    summary: str
    explanation: str
    help: str
    examples: Tuple[Example, ...]
    scope: str
    settings: Tuple[Setting, ...] = ()

    _nested = {"examples": Example, "settings": Setting}
