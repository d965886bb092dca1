#!/usr/bin/env bash
# Installs the programs that tests use to read what cpms writes, when they are missing: the shells
# that load the completion scripts (bash, zsh, fish), groff, which renders the manual page, and
# libhxl (PyPI), whose hxlvalidate checks the monitoring sheets' HXL. Needs root and apt-get (Debian)
# for the first ones; CI runs it before the tests. Tests whose tool is missing are reported as
# skipped, with the package to install.
set -euo pipefail
# libhxl: hxlvalidate and the Python module the monitoring tests read the template with.
if ! command -v hxlvalidate >/dev/null || ! python3 -c 'import hxl' 2>/dev/null; then
  if command -v python3 >/dev/null && python3 -m pip --version >/dev/null 2>&1; then
    # Debian's own Python refuses a plain install (PEP 668); a user install is then allowed explicitly.
    python3 -m pip install -q libhxl 2>/dev/null \
      || python3 -m pip install -q --user --break-system-packages libhxl \
      || echo "Tests/setup.sh: 'pip install libhxl' failed; the HXL tests will be skipped." >&2
  else
    echo "Tests/setup.sh: install python3 and pip, then 'pip install libhxl', to run the HXL tests." >&2
  fi
fi
packages=()
command -v zsh >/dev/null || packages+=(zsh)
command -v fish >/dev/null || packages+=(fish)
command -v groff >/dev/null || packages+=(groff-base)
if [ ${#packages[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "Tests/setup.sh: install ${packages[*]} to run every test (needs root and apt-get)." >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
