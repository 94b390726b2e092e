"""The analyser and the module-level functions, over the native module."""

from __future__ import annotations

import functools
import json
import os
from typing import Any, Dict, Iterable, List, Literal, Mapping, Optional, Sequence, Tuple, Union

from . import _candor
from ._candor import ConfigError, Error, InputError, ParseError, UnknownRuleError
from ._model import Report, Rule, Transcript, _build

#: A transcript: its text (``str``) or bytes, or the path of a file to read (``pathlib.Path``
#: or any ``os.PathLike``; a plain ``str`` is always text).
Data = Union[str, bytes, "os.PathLike[str]"]
#: A configuration: the path of a candor.toml, or its keys as a dict.
ConfigArg = Union[str, "os.PathLike[str]", Mapping[str, Any], None]
#: What a transcript that cannot be read or parsed does: raise a :class:`candor.Error`
#: subclass, or come back as a report with ``error`` set.
Errors = Literal["raise", "report"]
Names = Union[str, Sequence[str], None]


def _names(v: Names) -> Optional[List[str]]:
    if v is None:
        return None
    return [v] if isinstance(v, str) else [str(x) for x in v]


def _kebab(d: Mapping[str, Any], top: bool = True) -> Dict[str, Any]:
    """A dict configuration with ``snake_case`` keys accepted for candor.toml's
    ``kebab-case`` ones (``min_confidence``, ``thresholds.talk_ratio``)."""
    out: Dict[str, Any] = {}
    for k, v in d.items():
        k = str(k).replace("_", "-")
        if top and k == "thresholds" and isinstance(v, Mapping):
            v = _kebab(v, top=False)
        out[k] = v
    return out


def _input(data: Any, path: Any) -> Tuple[str, Union[str, bytes, None], Optional[str]]:
    """The name a report gets, the text or bytes, and else the file to read."""
    name = None if path is None else os.fspath(path)
    if isinstance(data, (str, bytes)):
        return (name or "", data, None)
    if isinstance(data, bytearray):
        return (name or "", bytes(data), None)
    if isinstance(data, os.PathLike):
        file = os.fspath(data)
        if isinstance(file, bytes):
            file = os.fsdecode(file)
        return (file if name is None else name, None, file)
    raise TypeError(
        f"a transcript is str (its text), bytes, or a path (pathlib.Path); not {type(data).__name__}"
    )


def _check_errors(errors: str) -> None:
    if errors not in ("raise", "report"):
        raise ValueError(f"errors must be 'raise' or 'report', not {errors!r}")


def _path_hint(data: Any) -> str:
    """A hint for the commonest slip: a file's name passed as a ``str``, which is text."""
    if isinstance(data, str) and "\n" not in data and 0 < len(data) < 4096:
        try:
            if os.path.isfile(data):
                return f"; a str is the transcript's text: to read the file, pass pathlib.Path({data!r})"
        except (OSError, ValueError):
            pass
    return ""


def _raise_for(report: Report, failure: str, hint: str = "") -> None:
    assert report.error is not None
    where = f"{report.path}: " if report.path else ""
    cls = {"read": InputError, "parse": ParseError}.get(failure, Error)
    err = cls(where + report.error.message + hint)
    err.path = report.path or None
    err.line = report.error.line
    raise err


class Analyzer:
    """Analyses transcripts with one configuration. Build it once (its patterns are
    compiled then) and reuse it; it is safe to share between threads, and ``lint`` and
    ``lint_many`` release the GIL while they work.

    ``config`` is the path of a ``candor.toml`` (docs/configuration.md) or its keys as a
    dict (``{"interviewers": ["Maya"], "ignore": ["closed-question"]}``); None uses the
    defaults. Unlike the CLI, no candor.toml is looked for. The keyword options override
    the configuration as the CLI's options do: ``interviewers``/``interviewees`` (names,
    replacing the configured ones), ``profile`` (``"discovery"`` or ``"solution"``),
    ``select`` (run only these rules), ``ignore`` (rules added to those ignored),
    ``learned`` (False: the rules' patterns alone) and ``min_confidence`` (0–1).

    Raises :class:`candor.ConfigError` for a configuration candor cannot use.
    """

    __slots__ = ("_native",)

    def __init__(
        self,
        config: ConfigArg = None,
        *,
        interviewers: Names = None,
        interviewees: Names = None,
        profile: Optional[str] = None,
        select: Names = None,
        ignore: Names = None,
        learned: Optional[bool] = None,
        min_confidence: Optional[float] = None,
    ) -> None:
        source: Dict[str, Any] = {}
        if config is None:
            pass
        elif isinstance(config, Mapping):
            source["json"] = json.dumps(_kebab(config))
        elif isinstance(config, (str, os.PathLike)):
            path = os.fspath(config)
            try:
                with open(path, encoding="utf-8") as f:
                    source["toml"] = f.read()
            except FileNotFoundError:
                raise ConfigError(f"{path}: configuration file not found") from None
            except (OSError, UnicodeDecodeError) as e:
                raise ConfigError(f"{path}: cannot read configuration: {e}") from None
            source["toml_name"] = path
        else:
            raise TypeError(
                f"config is the path of a candor.toml or a dict, not {type(config).__name__}"
            )
        self._native = _candor.NativeAnalyzer(
            **source,
            interviewers=_names(interviewers),
            interviewees=_names(interviewees),
            profile=profile,
            select=_names(select),
            ignore=_names(ignore),
            learned=learned,
            min_confidence=min_confidence,
        )

    @property
    def config(self) -> Dict[str, Any]:
        """The configuration in use, with candor.toml's keys."""
        return json.loads(self._native.config_json())

    def __repr__(self) -> str:
        return f"candor.Analyzer(config={self.config!r})"

    def __reduce__(self) -> Any:
        # Shipped to worker processes (Spark, Ray, multiprocessing) as its configuration.
        return (_from_config_json, (self._native.config_json(),))

    def _one(self, data: Data, path: Any, format: Optional[str], measure: bool, errors: str) -> Report:
        _check_errors(errors)
        name, payload, file = _input(data, path)
        ((text, failure),) = self._native.run(
            [name], [payload], files=[file], format=format, measure=measure
        )
        report = Report.from_json(text)
        if failure is not None and errors == "raise":
            _raise_for(report, failure, _path_hint(data))
        return report

    def lint(
        self,
        data: Data,
        *,
        path: Optional[Union[str, "os.PathLike[str]"]] = None,
        format: Optional[str] = None,
        errors: Errors = "raise",
    ) -> Report:
        """Lints one transcript: its findings, metrics and score.

        ``data`` is the transcript's text (``str``) or bytes, or a ``pathlib.Path`` to
        read. ``path`` names it in the report (default: the file's path, else ``""``).
        ``format`` forces a format (a name from :func:`candor.formats`); None detects it.
        A transcript that cannot be read or parsed raises :class:`candor.InputError` or
        :class:`candor.ParseError`, or with ``errors="report"`` comes back as a report
        with ``error`` set, as the CLI reports it.
        """
        return self._one(data, path, format, False, errors)

    def stats(
        self,
        data: Data,
        *,
        path: Optional[Union[str, "os.PathLike[str]"]] = None,
        format: Optional[str] = None,
        errors: Errors = "raise",
    ) -> Report:
        """Measures one transcript without running the rules (``candor stats``): findings
        empty, score None. Arguments as for :meth:`lint`."""
        return self._one(data, path, format, True, errors)

    def lint_many(
        self,
        items: Iterable[Data],
        *,
        paths: Optional[Sequence[Union[str, "os.PathLike[str]"]]] = None,
        format: Optional[str] = None,
        jobs: Optional[int] = None,
        errors: Errors = "report",
    ) -> List[Report]:
        """Lints many transcripts in parallel, on ``jobs`` threads (default: every core)
        with the GIL released; the reports come back in input order.

        Each item is as ``data`` of :meth:`lint`; ``paths``, if given, names each. A
        transcript that cannot be read or parsed is a report with ``error`` set, or with
        ``errors="raise"`` raises (after all are done) for the first one.
        """
        _check_errors(errors)
        items = list(items)
        if paths is not None and len(paths) != len(items):
            raise ValueError(f"{len(paths)} paths for {len(items)} transcripts")
        names: List[str] = []
        payloads: List[Union[str, bytes, None]] = []
        files: List[Optional[str]] = []
        for i, data in enumerate(items):
            name, payload, file = _input(data, None if paths is None else paths[i])
            names.append(name)
            payloads.append(payload)
            files.append(file)
        results = self._native.run(names, payloads, files=files, format=format, jobs=jobs)
        return self._finish(results, errors)

    def _lint_files(self, names: List[str], jobs: Optional[int]) -> List[Report]:
        """Reads and lints files named exactly so (no normalisation of the names)."""
        return self._finish(self._native.run(names, [None] * len(names), jobs=jobs), "report")

    @staticmethod
    def _finish(results: List[Tuple[str, Optional[str]]], errors: str) -> List[Report]:
        reports = [Report.from_json(text) for text, _ in results]
        if errors == "raise":
            for report, (_, failure) in zip(reports, results):
                if failure is not None:
                    _raise_for(report, failure)
        return reports


def _from_config_json(text: str) -> Analyzer:
    return Analyzer(json.loads(text))


@functools.lru_cache(maxsize=1)
def _default() -> Analyzer:
    return Analyzer()


def _analyzer(config: ConfigArg, interviewers: Names, profile: Optional[str]) -> Analyzer:
    if config is None and interviewers is None and profile is None:
        return _default()
    return Analyzer(config, interviewers=interviewers, profile=profile)


def lint(
    data: Data,
    *,
    interviewers: Names = None,
    config: ConfigArg = None,
    profile: Optional[str] = None,
    format: Optional[str] = None,
    path: Optional[Union[str, "os.PathLike[str]"]] = None,
    errors: Errors = "raise",
) -> Report:
    """Lints one transcript with a default :class:`Analyzer`, or one built from
    ``config``, ``interviewers`` and ``profile`` (build an :class:`Analyzer` yourself to
    reuse one). See :meth:`Analyzer.lint`.

    >>> import candor
    >>> r = candor.lint("Maya: If we built this, would you use it?\\nTom: Probably.")
    >>> r.status, r.reason, r.score   # too little of an interview to judge, and not clean
    ('not-judged', 'too-short', None)
    """
    return _analyzer(config, interviewers, profile).lint(data, path=path, format=format, errors=errors)


def lint_many(
    items: Iterable[Data],
    *,
    interviewers: Names = None,
    config: ConfigArg = None,
    profile: Optional[str] = None,
    format: Optional[str] = None,
    paths: Optional[Sequence[Union[str, "os.PathLike[str]"]]] = None,
    jobs: Optional[int] = None,
    errors: Errors = "report",
) -> List[Report]:
    """Lints many transcripts in parallel; see :meth:`Analyzer.lint_many`."""
    return _analyzer(config, interviewers, profile).lint_many(
        items, paths=paths, format=format, jobs=jobs, errors=errors
    )


def stats(
    data: Data,
    *,
    interviewers: Names = None,
    config: ConfigArg = None,
    format: Optional[str] = None,
    path: Optional[Union[str, "os.PathLike[str]"]] = None,
    errors: Errors = "raise",
) -> Report:
    """Measures one transcript without running the rules; see :meth:`Analyzer.stats`."""
    return _analyzer(config, interviewers, None).stats(data, path=path, format=format, errors=errors)


def parse(data: Data, format: Optional[str] = None) -> Transcript:
    """Decodes, detects (or with ``format``, forces) the format of, and parses a
    transcript, and assigns speaker roles. ``data`` is as for :func:`lint`.

    Raises :class:`candor.ParseError` (with ``line`` where there is one) for a transcript
    that cannot be parsed, :class:`candor.InputError` for a file that cannot be read, and
    :class:`candor.ConfigError` for an unknown format name.
    """
    file: Optional[str] = None
    if isinstance(data, os.PathLike):
        file = os.fsdecode(os.fspath(data))
        payload: Union[str, bytes] = _candor.read_file(file)
    elif isinstance(data, bytearray):
        payload = bytes(data)
    elif isinstance(data, (str, bytes)):
        payload = data
    else:
        raise TypeError(f"a transcript is str, bytes or a path; not {type(data).__name__}")
    try:
        parsed = _candor.parse(payload, format=format)
    except ParseError as e:
        hint = _path_hint(data)
        if file is None and not hint:
            raise
        err = ParseError(f"{file}: {e}" if file is not None else f"{e}{hint}")
        err.path = file
        err.line = e.line
        raise err from None
    return _build(Transcript, json.loads(parsed))


@functools.lru_cache(maxsize=1)
def _rules() -> Tuple[Rule, ...]:
    return tuple(_build(Rule, r) for r in json.loads(_candor.rules_json()))


def rules() -> List[Rule]:
    """Every built-in rule, in ``candor rules`` order."""
    return list(_rules())


def explain(rule_id: str) -> Rule:
    """A built-in rule by id, with its explanation and bad and better examples.

    Raises :class:`candor.UnknownRuleError` for an id that is not a built-in rule.
    """
    for r in _rules():
        if r.id == rule_id:
            return r
    known = ", ".join(r.id for r in _rules())
    raise UnknownRuleError(f"unknown rule `{rule_id}`; rules are: {known}")


def skip_reasons(
    items: Iterable[Data],
    *,
    paths: Optional[Sequence[Union[str, "os.PathLike[str]"]]] = None,
) -> List[Optional[str]]:
    """Why ``candor score`` would pass over each file if it found it in a folder, or None
    for a file it reads: a file that is not a transcript (a meeting's chat log, notes with
    no conversation, JSON of another shape, a labelled case's ``*.labels.json``, a PDF…).

    ``items`` are as for :meth:`Analyzer.lint_many`; the name counts (its extension, its
    ending), so give ``paths`` with texts and bytes. :func:`score_frame` and the Spark
    recipe (docs/scale.md) use this to take the same files as ``candor score``.

    >>> import candor
    >>> candor.skip_reasons([b"just some notes", b"Maya: Why?\\nTom: It broke."], paths=["a.txt", "b.txt"])
    ['text with no speaker turns (notes, not a transcript)', None]
    """
    items = list(items)
    if paths is not None and len(paths) != len(items):
        raise ValueError(f"{len(paths)} paths for {len(items)} files")
    names: List[str] = []
    datas: List[Union[str, bytes]] = []
    for i, data in enumerate(items):
        name = "" if paths is None else os.fsdecode(os.fspath(paths[i]))
        if isinstance(data, os.PathLike):
            file = os.fsdecode(os.fspath(data))
            try:
                with open(file, "rb") as f:
                    data = f.read()
            except OSError as e:
                err = InputError(f"{file}: {e.strerror or e}")
                err.path = file
                raise err from None
            name = name or file
        elif isinstance(data, bytearray):
            data = bytes(data)
        elif not isinstance(data, (str, bytes)):
            raise TypeError(f"a file is str, bytes or a path; not {type(data).__name__}")
        names.append(name)
        datas.append(data)
    return list(_candor.skip_reasons(names, datas))


def formats() -> List[str]:
    """The names of the formats candor reads, for ``format=`` (aliases are accepted too)."""
    return list(_candor.formats())
