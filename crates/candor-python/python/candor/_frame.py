"""The rows of ``candor score --format csv`` as typed values, and as a pandas DataFrame or
an Arrow table.

The cells are written by the CLI's own CSV code (``src/render/csv.rs``, compiled into the
extension) and typed here, column by column; a test checks the header and every row
against ``candor score --format csv`` for every fixture.
"""

from __future__ import annotations

import functools
import os
import warnings
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import _candor
from ._model import Report

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    import pyarrow

    from ._api import Analyzer

PathOrText = Union[str, "os.PathLike[str]"]

#: The type of each column that is not a count per rule (those are ``int``).
_TYPES: Dict[str, str] = {
    "path": "str",
    "format": "str",
    "date": "str",
    "interviewers": "str",
    "interviewees": "str",
    "duration_s": "float",
    "turns": "int",
    "words": "int",
    "interviewer_talk_ratio": "float",
    "interviewer_talk_ratio_time": "float",
    "questions": "int",
    "open_question_ratio": "float",
    "longest_monologue_words": "int",
    "findings": "int",
    "score": "float",
    "status": "str",
    "reason": "str",
    "error": "str",
}


@functools.lru_cache(maxsize=1)
def _columns() -> Tuple[Tuple[str, str], ...]:
    from ._api import rules

    counts = {r.id for r in rules()}
    header, _ = _candor.csv_rows([])
    # A column added to the CLI's CSV that is not typed here is text (a test says so).
    return tuple((name, "int" if name in counts else _TYPES.get(name, "str")) for name in header)


def column_types() -> List[Tuple[str, str]]:
    """Each column of ``candor score --format csv`` with its type (``str``, ``int`` or
    ``float``): the figures, one count per rule in ``candor rules`` order, then
    ``findings``, ``score``, ``status``, ``reason`` and ``error``."""
    return list(_columns())


def score_columns() -> List[str]:
    """The header of ``candor score --format csv``."""
    return [name for name, _ in _columns()]


_CAST = {"str": str, "int": int, "float": float}


def rows(reports: Sequence[Report]) -> List[Dict[str, Any]]:
    """The reports' rows of ``candor score --format csv``, typed: None where the CSV cell
    is empty (a figure that does not apply, a count of a file the rules did not judge,
    any figure of a failed file)."""
    if not reports:
        return []
    _, cells = _candor.csv_rows([r.to_json() for r in reports])
    casts = [(name, _CAST[kind]) for name, kind in _columns()]
    return [
        {name: (cast(cell) if cell != "" else None) for (name, cast), cell in zip(casts, row)}
        for row in cells
    ]


def row(report: Report) -> Dict[str, Any]:
    """A report's row of ``candor score --format csv`` (see :func:`rows`)."""
    return rows([report])[0]


def _reports(
    paths_or_texts: Union[PathOrText, Iterable[PathOrText], Mapping[str, Union[str, bytes]]],
    analyzer: "Analyzer",
    glob: Optional[Sequence[str]],
    jobs: Optional[int],
) -> List[Report]:
    """Reports for paths (files, and folders walked as ``candor score`` walks them; rows
    sorted by path, each once) or for texts (a mapping of name to text, in its order)."""
    if isinstance(paths_or_texts, Mapping):
        names = [str(k) for k in paths_or_texts]
        return analyzer.lint_many(list(paths_or_texts.values()), paths=names, jobs=jobs, errors="report")
    if isinstance(paths_or_texts, (str, os.PathLike)):
        items: List[PathOrText] = [paths_or_texts]
    elif isinstance(paths_or_texts, bytes):
        raise TypeError("score_frame takes paths, or a mapping of names to texts; not bytes")
    else:
        items = list(paths_or_texts)
    files, problems, skipped = _candor.find([os.fspath(p) for p in items], list(glob or []))
    if skipped:
        _warn_skipped(skipped)
    problem_of = dict(problems)
    names = sorted(set(files) | set(problem_of))
    read = iter(analyzer._lint_files([n for n in names if n not in problem_of], jobs=jobs))
    return [
        Report.from_json(_candor.error_report(n, problem_of[n])) if n in problem_of else next(read)
        for n in names
    ]


class SkippedFilesWarning(UserWarning):
    """Files found in folders were skipped: they are not transcripts (``candor score``
    says so in a note). ``skipped`` lists each path with why."""

    def __init__(self, message: str, skipped: List[Tuple[str, str]]) -> None:
        super().__init__(message)
        self.skipped = skipped


def _warn_skipped(skipped: List[Tuple[str, str]]) -> None:
    n = len(skipped)
    names = ", ".join(p for p, _ in skipped[:5]) + (f" and {n - 5} more" if n > 5 else "")
    what = "file that is not a transcript" if n == 1 else "files that are not transcripts"
    warnings.warn(
        SkippedFilesWarning(f"candor skipped {n} {what}: {names} (the warning's .skipped says why)", skipped),
        stacklevel=4,
    )


def score_rows(
    paths_or_texts: Union[PathOrText, Iterable[PathOrText], Mapping[str, Union[str, bytes]]],
    *,
    analyzer: Optional["Analyzer"] = None,
    glob: Optional[Sequence[str]] = None,
    jobs: Optional[int] = None,
    **options: Any,
) -> List[Dict[str, Any]]:
    """The rows of ``candor score --format csv`` as dicts (see :func:`score_frame`)."""
    from ._api import Analyzer

    a = analyzer if analyzer is not None else Analyzer(**options)
    return rows(_reports(paths_or_texts, a, glob, jobs))


def score_frame(
    paths_or_texts: Union[PathOrText, Iterable[PathOrText], Mapping[str, Union[str, bytes]]],
    *,
    analyzer: Optional["Analyzer"] = None,
    glob: Optional[Sequence[str]] = None,
    jobs: Optional[int] = None,
    **options: Any,
) -> "pandas.DataFrame":
    """Scores transcripts into a pandas DataFrame: the rows and columns of
    ``candor score --format csv``, with counts as nullable integers and figures as floats
    (missing where the CSV cell is empty).

    ``paths_or_texts`` is a path or a list of paths (files are read as named, folders
    walked as ``candor score`` walks them: hidden files skipped, ``.gitignore`` honoured,
    ``glob`` patterns such as ``["*.vtt", "!drafts/**"]`` applied; rows sorted by path),
    or a mapping of names to transcript texts (rows in its order, the name as ``path``).
    A file that cannot be read or parsed is a row with ``error`` set.

    Analysed by ``analyzer``, or by an :class:`Analyzer` built from ``options``
    (``config``, ``interviewers``, ``profile``…), on ``jobs`` threads (default: every
    core). Needs pandas (``pip install pandas``).
    """
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - exercised in a venv without pandas
        raise ImportError(
            "candor.score_frame needs pandas, which is not installed: "
            "pip install pandas (or candor.score_rows for plain dicts)"
        ) from e
    rows = score_rows(paths_or_texts, analyzer=analyzer, glob=glob, jobs=jobs, **options)
    types = column_types()
    data = {name: [r[name] for r in rows] for name, _ in types}
    dtype = {"int": "Int64", "float": "float64", "str": "object"}
    return pd.DataFrame({name: pd.Series(data[name], dtype=dtype[t]) for name, t in types})


def arrow_schema() -> "pyarrow.Schema":
    """The Arrow schema of the rows (strings, int64 counts, float64 figures; all
    nullable). Needs pyarrow."""
    import pyarrow as pa

    kind = {"int": pa.int64(), "float": pa.float64(), "str": pa.string()}
    return pa.schema([(name, kind[t]) for name, t in column_types()])


def score_table(
    paths_or_texts: Union[PathOrText, Iterable[PathOrText], Mapping[str, Union[str, bytes]]],
    *,
    analyzer: Optional["Analyzer"] = None,
    glob: Optional[Sequence[str]] = None,
    jobs: Optional[int] = None,
    **options: Any,
) -> "pyarrow.Table":
    """:func:`score_frame` as a ``pyarrow.Table`` of :func:`arrow_schema`. Needs pyarrow."""
    try:
        import pyarrow as pa
    except ImportError as e:  # pragma: no cover
        raise ImportError(
            "candor.score_table needs pyarrow, which is not installed: pip install pyarrow"
        ) from e
    rows = score_rows(paths_or_texts, analyzer=analyzer, glob=glob, jobs=jobs, **options)
    return pa.Table.from_pylist(rows, schema=arrow_schema())
