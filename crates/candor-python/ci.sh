#!/usr/bin/env bash
# The Python checks of .ci/run: builds the extension into a virtual environment it makes
# (target/pyenv), then runs the pytest suite, which compares Python's results with the CLI
# that cargo built. Run from anywhere: `bash crates/candor-python/ci.sh`.
#
# Pinned packages (requirements-ci.txt) are downloaded once into target/pywheels and
# installed from there without the network afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=crates/candor-python
target=${CARGO_TARGET_DIR:-target}
venv=target/pyenv
wheels=target/pywheels
python=${PYTHON:-python3}

missing() {
  echo "error: $1" >&2
  exit 1
}

command -v "$python" >/dev/null || missing "no $python: install Python 3.11 or later (Debian: apt-get install python3 python3-venv)"
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
  missing "$("$python" --version 2>&1) is too old for the Python checks; they need 3.11 or later"
ver=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
if ! "$python" -c 'import venv, ensurepip' 2>/dev/null; then
  missing "$python cannot make a virtual environment (no venv/ensurepip module). On Debian or Ubuntu: apt-get install python3-venv (for this Python: python$ver-venv)"
fi

# The virtual environment, remade when the pins change (or the Python does).
stamp="$(sha256sum "$here/requirements-ci.txt" | cut -c1-16)-$ver"
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$venv/.candor-stamp" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$venv"
  "$python" -m venv "$venv" ||
    missing "$python -m venv failed. On Debian or Ubuntu: apt-get install python$ver-venv"
  mkdir -p "$wheels"
  if ! "$venv/bin/pip" install -q --no-index --find-links "$wheels" -r "$here/requirements-ci.txt" 2>/dev/null; then
    echo "python: downloading the pinned test packages into $wheels (once; about 90 MB)"
    "$venv/bin/pip" download -q -d "$wheels" -r "$here/requirements-ci.txt"
    "$venv/bin/pip" install -q --no-index --find-links "$wheels" -r "$here/requirements-ci.txt"
  fi
  echo "$stamp" > "$venv/.candor-stamp"
fi

# The CLI the tests compare against, and the extension as a wheel, both in the dev profile
# (the library itself is optimised there; see Cargo.toml), reusing `cargo test`'s build.
cargo build --locked --bin candor
rm -rf target/pywheel
"$venv/bin/maturin" build --locked --profile dev --quiet \
  --manifest-path "$here/Cargo.toml" --interpreter "$venv/bin/python" --out target/pywheel
"$venv/bin/pip" install -q --no-index --no-deps --force-reinstall target/pywheel/candor-*.whl

CANDOR_BIN="$target/debug/candor" "$venv/bin/python" -m pytest "$here/tests" -q -p no:cacheprovider
