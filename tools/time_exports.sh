#!/usr/bin/env bash
# Times the exports as a user runs them (release build), for docs/performance.md:
#   cargo build --release && tools/time_exports.sh
set -euo pipefail
bin=${BIN:-target/release/karabakh-atlas}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
t() { local label=$1; shift; local s e; s=$(date +%s.%N); "$bin" "$@" >/dev/null; e=$(date +%s.%N); printf '%-52s %6.2f s\n' "$label" "$(echo "$e - $s" | bc)"; }
t "one PNG, 1920x1080 (load included)" export --date 2020-10-27 --out "$out/m.png"
t "one PDF page, A4 (load included)" export --date 2020-10-27 --out "$out/m.pdf"
t "the deck as PNG, 111 slides, 1920x1080" export --deck "$out/png"
t "the deck as PDF, 111 pages, A4" export --deck "$out/pdf" --format pdf
t "the deck as HTML, 111 slides, 1280x720" export --deck "$out/html" --format html --size 1280x720
t "the 2020 war as GIF, frames at changes, 1280x720" export --animate 2020-09-27..2020-11-10 --frames changes --out "$out/war.gif" --size 1280x720
t "the A4 handout sheet as PDF" export --sheet --out "$out/sheet.pdf" --page A4-portrait
ls -l "$out/pdf/deck.pdf" "$out/html/deck.html" "$out/war.gif" | awk '{printf "%-40s %8.1f MB\n", $9, $5/1e6}'
