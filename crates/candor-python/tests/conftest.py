"""Shared fixtures: the repository root and the CLI binary that cargo built.

The CLI is `$CANDOR_BIN`, else `$CARGO_TARGET_DIR/debug/candor`, else
`<repo>/target/debug/candor` (what `cargo test` or `cargo build` leaves).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Dict, List

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _cli() -> Path:
    candidates = []
    if os.environ.get("CANDOR_BIN"):
        candidates.append(Path(os.environ["CANDOR_BIN"]))
    if os.environ.get("CARGO_TARGET_DIR"):
        candidates.append(Path(os.environ["CARGO_TARGET_DIR"]) / "debug" / "candor")
    candidates.append(ROOT / "target" / "debug" / "candor")
    for c in candidates:
        if c.is_file():
            return c
    raise RuntimeError(
        "the candor CLI is not built: run `cargo build` first, or set CANDOR_BIN "
        f"(looked at {', '.join(map(str, candidates))})"
    )


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def cli():
    """Runs the CLI in the repository root; returns the completed process."""
    exe = _cli()

    # No user configuration (~/.config/candor/candor.toml) of whoever runs the tests:
    # Python reads none either.
    env = {**os.environ, "XDG_CONFIG_HOME": str(ROOT / "target" / "no-user-config")}

    def run(*args: str, ok=(0, 1, 2)) -> subprocess.CompletedProcess:
        p = subprocess.run(
            [str(exe), *args], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", env=env
        )
        assert p.returncode in ok, f"candor {' '.join(args)}: exit {p.returncode}\n{p.stderr}"
        return p

    return run


@pytest.fixture(scope="session")
def cli_jsonl(cli) -> Dict[str, str]:
    """`candor score --format jsonl fixtures`: each file's report line, by path."""
    out = cli("score", "--format", "jsonl", "--no-progress", "fixtures").stdout
    lines = [l for l in out.split("\n") if l]
    by_path = {json.loads(l)["path"]: l for l in lines}
    assert len(by_path) == len(lines), "a path twice"
    return by_path


@pytest.fixture(scope="session")
def fixture_paths(cli_jsonl) -> List[str]:
    """Every transcript under fixtures/, as `candor score` finds them (sorted by path)."""
    paths = list(cli_jsonl)
    assert len(paths) > 300, f"only {len(paths)} fixtures found"
    return paths
