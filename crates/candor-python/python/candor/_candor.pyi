"""Type stubs of the native module ``candor._candor`` (crates/candor-python/src/lib.rs).

Use the ``candor`` package instead: it turns these JSON strings into typed objects.
"""

from os import PathLike
from typing import List, Optional, Sequence, Tuple, Union

__version__: str

class Error(Exception):
    """Base class of every error candor raises. ``path`` is the file it concerns and
    ``line`` the 1-based line, each None where unknown."""

    path: Optional[str]
    line: Optional[int]

class InputError(Error):
    """A transcript could not be read: no such file, a folder, or a document format
    candor does not read (.pdf, .doc…)."""

class ParseError(Error):
    """A transcript could not be decoded or parsed. ``line`` is the 1-based line it
    concerns, or None; ``path`` the file, where known."""

class ConfigError(Error):
    """A configuration, an option or a format name candor cannot use."""

class UnknownRuleError(Error):
    """A rule id that is not a built-in rule."""

class NativeAnalyzer:
    """The library's analyser, built once and shared by every thread."""

    def __init__(
        self,
        *,
        toml: Optional[str] = None,
        toml_name: Optional[str] = None,
        json: Optional[str] = None,
        interviewers: Optional[Sequence[str]] = None,
        interviewees: Optional[Sequence[str]] = None,
        profile: Optional[str] = None,
        select: Optional[Sequence[str]] = None,
        ignore: Optional[Sequence[str]] = None,
        learned: Optional[bool] = None,
        min_confidence: Optional[float] = None,
    ) -> None: ...
    def run(
        self,
        paths: Sequence[str],
        datas: Sequence[Union[str, bytes, None]],
        *,
        files: Optional[Sequence[Optional[str]]] = None,
        format: Optional[str] = None,
        measure: bool = False,
        jobs: Optional[int] = None,
    ) -> List[Tuple[str, Optional[str]]]:
        """Each input's report as JSON, in input order, and how it failed (None,
        ``"read"``, ``"parse"``, or ``"internal"`` for a bug caught). Releases the GIL."""
    def config_json(self) -> str: ...

def parse(data: Union[str, bytes], *, format: Optional[str] = None) -> str: ...
def rules_json() -> str: ...
def formats() -> List[str]: ...
def pretty(json: str) -> str: ...
def find(
    paths: Sequence[Union[str, PathLike[str]]], globs: Sequence[str] = ...
) -> Tuple[List[str], List[Tuple[str, str]], List[Tuple[str, str]]]:
    """The CLI's walk: the files to read, the paths that failed with why, and the files
    passed over (not transcripts) with why."""
def skip_reasons(names: Sequence[str], datas: Sequence[Union[str, bytes]]) -> List[Optional[str]]: ...
def csv_rows(reports: Sequence[str]) -> Tuple[List[str], List[List[str]]]:
    """The CLI's CSV of reports (as JSON): the header, and each row's cells."""
def error_report(path: str, message: str) -> str: ...
def read_file(path: Union[str, PathLike[str]]) -> bytes: ...
