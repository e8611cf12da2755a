#!/usr/bin/env bash
# Renders a workbook to PNG pages through LibreOffice (headless), so a person can look at what the exports produce.
# LibreOffice recalculates the formulas on load, so formula cells show their values as Excel would.
# Needs: libreoffice-calc (apt-get install -y libreoffice-calc) and pdftoppm (poppler-utils).
# Usage: scripts/render-workbook.sh book.xlsx [out-dir] [dpi]   -> out-dir/book-1.png, book-2.png, ... (one per page)
#        CROP=WxH+X+Y scripts/render-workbook.sh ...              crops every page to W x H pixels from (X, Y)
set -euo pipefail
book="${1:?usage: scripts/render-workbook.sh book.xlsx [out-dir] [dpi]}"
out="${2:-$(dirname "$book")}"
dpi="${3:-110}"
command -v libreoffice >/dev/null || { echo "libreoffice not found: apt-get install -y libreoffice-calc" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "pdftoppm not found: apt-get install -y poppler-utils" >&2; exit 1; }
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
name="$(basename "${book%.*}")"
# A profile of its own: a LibreOffice already running for the user (or another render) does not block this one.
libreoffice --headless "-env:UserInstallation=file://$work/profile" --convert-to pdf --outdir "$work" "$book" >/dev/null 2>&1
[ -f "$work/$name.pdf" ] || { echo "LibreOffice did not convert $book" >&2; exit 1; }
crop=()
if [ -n "${CROP:-}" ]; then
  IFS='x+' read -r w h x y <<< "$CROP"
  crop=(-W "$w" -H "$h" -x "$x" -y "$y")
fi
pdftoppm -png -r "$dpi" "${crop[@]}" "$work/$name.pdf" "$out/$name"
ls -1 "$out/$name"*.png
