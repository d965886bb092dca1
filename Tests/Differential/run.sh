#!/usr/bin/env bash
# The differential test of `cpms validate` against Data/schema/*.schema.json (see differential.py).
# Usage: Tests/Differential/run.sh COUNT [SEED]. Builds nothing: `make test-differential` builds first.
# Installs check-jsonschema (PyPI) when it is missing: into a virtual environment under .build/, since
# Debian's Python refuses `pip install` outside one.
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-400}
seed=${2:-12}
cpms=${CPMS_BIN:-.build/debug/cpms}
[ -x "$cpms" ] || { echo "error: $cpms is missing; run 'swift build' (or make test-differential)" >&2; exit 2; }

if command -v check-jsonschema >/dev/null 2>&1; then
  checker=$(command -v check-jsonschema)
else
  venv=.build/differential-tools/venv
  checker=$PWD/$venv/bin/check-jsonschema
  if [ ! -x "$checker" ]; then
    if ! python3 -m venv "$venv" >/dev/null 2>&1; then
      rm -rf "$venv"
      if command -v apt-get >/dev/null 2>&1; then
        apt-get install -y -qq python3-venv >/dev/null || { apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null; }
      fi
      python3 -m venv "$venv" || { echo "error: could not create a Python virtual environment in $venv" >&2; exit 2; }
    fi
    echo "pip install check-jsonschema (into $venv)"
    "$venv/bin/python" -m pip install -q check-jsonschema \
      || { echo "error: could not install check-jsonschema from PyPI; is the network up?" >&2; exit 2; }
  fi
fi
exec python3 Tests/Differential/differential.py --cpms "$cpms" --check-jsonschema "$checker" --count "$count" --seed "$seed"
