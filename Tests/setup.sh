#!/usr/bin/env bash
# Installs the programs that tests use to read what cpms writes, when they are missing: the shells
# that load the completion scripts (bash, zsh, fish), groff, which renders the manual page, the
# Python packages that read the XLSForm ballot as KoboToolbox and ODK do (pyxform, openpyxl), and
# libhxl, whose hxlvalidate checks the monitoring sheets' HXL. Needs root and apt-get (Debian) for the
# system packages; CI runs it before the tests. Tests whose tool is missing are reported as skipped,
# with the package to install.
set -euo pipefail
python=${PYTHON:-python3}
# module:package
for pair in pyxform:pyxform openpyxl:openpyxl hxl:libhxl; do
  module=${pair%%:*} package=${pair#*:}
  "$python" -c "import $module" 2>/dev/null || "$python" -m pip install -q --disable-pip-version-check "$package" \
    || echo "Tests/setup.sh: could not install $package with pip." >&2
done
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
