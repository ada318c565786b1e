#!/bin/sh
# Rebuilds the example atlas examples/cyprus from the inputs in this folder, the way
# docs/atlas-format.md ("Make your own atlas in ten minutes") tells a teacher to make one:
#   1. `karabakh-atlas new` makes the atlas from the drawing (clockwise rings, as d3 writes them);
#   2. the spreadsheets (controllers.csv, phases.csv, timeline.csv) replace the placeholders;
#   3. finish_atlas.py gives the atlas its texts, the region its official area, and converts
#      places.csv into places.geojson.
# Run from the repository's top: sh examples/cyprus-inputs/make_atlas.sh
set -eu
here=examples/cyprus-inputs
out=examples/cyprus
bin=${KARABAKH_ATLAS:-target/release/karabakh-atlas}
[ -x "$bin" ] || cargo build --release
rm -rf "$out"
"$bin" new "$out" --zones "$here/drawing.geojson" --title "Cyprus, 1960 to today" --start 1960-08-16
cp "$here/controllers.csv" "$here/phases.csv" "$here/timeline.csv" "$out/"
python3 "$here/finish_atlas.py" "$here" "$out"
cp "$here/PROVENANCE.md" "$out/PROVENANCE.md"
"$bin" check "$out"
