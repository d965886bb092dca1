#!/usr/bin/env bash
# Installs what the print checks need when it is missing: Chromium (prints the HTML pack to PDF),
# poppler-utils (pdftotext -bbox, pdfinfo, pdftoppm), pandoc (the Word conversion), a font with Arabic
# letters (the Arabic pack) and python-docx.
# Debian or Ubuntu with apt-get; run as root or with sudo. Does nothing when all is there.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi

missing=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v pandoc >/dev/null 2>&1 || missing+=(pandoc)
# The Arabic pack needs a font with Arabic letters (DejaVu Sans has them; Noto otherwise).
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=ar family)" ]; then missing+=(fonts-noto-core); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} with apt-get."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-dejavu-core
fi

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import docx' >/dev/null 2>&1; then
  echo "Installing python-docx with pip."
  "$PYTHON" -m pip install --quiet python-docx
fi
