#!/usr/bin/env python3
"""Copy the reference data the atlas build needs from a shared folder into data/reference/.

    python3 tools/import_reference.py /path/to/geodata
    python3 tools/import_reference.py /path/to/geodata --world-atlas world-atlas-2.0.2.tgz
    python3 tools/import_reference.py /work/shared/geodata --facts /work/shared/facts

The build scripts (tools/build_atlas.py, tools/build_land.py) read data/reference/ only; nothing
in the repository reads the shared folder. This script is the one step that brings files in:

* it copies every file in FILES from SHARED/<path> to data/reference/<path>, and fails (exit 1,
  nothing written) if any of them is missing;
* for a file already in data/reference/ it says whether the new copy is identical or differs;
* with --facts FACTS it also copies the capture-date tables FACTS/<path> in FACT_FILES to
  data/reference/<path> (data/reference/captures/), read by tools/build_evidence.py; without
  --facts the copies already there are kept and listed in the manifest again (unchecked);
* with --world-atlas it also unpacks the Natural Earth countries used by the locator inset from
  the npm package world-atlas 2.0.2 (get it with `npm pack world-atlas@2.0.2`) into
  data/reference/locator/, after checking the tarball's and the file's SHA-256
  (see data/reference/locator/PROVENANCE.md);
* it writes data/reference/MANIFEST.sha256 (`sha256sum -c` format, one line per file, sorted)
  over everything it copied plus the locator files and the capture-date tables.

Standard library only.
"""
import argparse
import hashlib
import io
import os
import shutil
import sys
import tarfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REF = os.path.join(ROOT, "data", "reference")

# Paths relative to the shared folder; copied to the same path under data/reference/.
FILES = [
    # Countries, districts, NKAO, control areas, curated place points (PROVENANCE.md)
    "PROVENANCE.md",
    "control_1994.geojson",
    "control_2020.geojson",
    "countries.geojson",
    "districts.geojson",
    "districts_soviet_seven.geojson",
    "nkao.geojson",
    "places.geojson",
    # Rivers, lakes, peaks, schematic roads, relief, settlements (PROVENANCE-physical-and-settlements.md)
    "PROVENANCE-physical-and-settlements.md",
    "physical/README.md",
    "physical/rivers.geojson",
    "physical/lakes.geojson",
    "physical/peaks.geojson",
    "physical/roads_schematic.geojson",
    "physical/relief_globe_30s.bil",
    "physical/relief_globe_30s.hdr",
    "physical/relief_globe_30s.prj",
    "settlements/README.md",
    "settlements/settlements.csv",
]

# Capture-date tables: paths relative to the shared facts folder; copied to data/reference/<path>.
FACT_FILES = {
    "captures/README.md": "captures/README.md",
    "captures/captures_2020.csv": "captures/captures_2020.csv",
    "captures/captures_1991_94.csv": "captures/captures_1991_94.csv",
    "captures/aliases.csv": "captures/aliases.csv",
}

# Locator inset: Natural Earth 4.1.0 admin-0 countries 1:50m as TopoJSON, from npm world-atlas 2.0.2.
WORLD_ATLAS_TGZ_SHA256 = "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97"
LOCATOR = {
    # member of the tarball -> (path under data/reference, sha256 or None when not pinned)
    "package/countries-50m.json": ("locator/countries-50m.json", "04342cdc1e3016bcd7db1630de95684d67b79fe3c8c460321e87aef469502394"),
    "package/LICENSE": ("locator/world-atlas-LICENSE", None),
}
LOCATOR_FILES = ["locator/PROVENANCE.md"] + [dst for dst, _ in LOCATOR.values()]


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def read(path):
    with open(path, "rb") as f:
        return f.read()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("shared", help="the shared reference folder (the one holding PROVENANCE.md)")
    ap.add_argument("--facts", metavar="FACTS", help="the shared facts folder (the one holding captures/README.md)")
    ap.add_argument("--world-atlas", metavar="TGZ", help="world-atlas-2.0.2.tgz from `npm pack world-atlas@2.0.2`")
    args = ap.parse_args()

    missing = [p for p in FILES if not os.path.isfile(os.path.join(args.shared, p))]
    if missing:
        sys.exit("import_reference: missing in %s:\n  %s" % (args.shared, "\n  ".join(missing)))

    if args.facts:
        missing = [p for p in FACT_FILES if not os.path.isfile(os.path.join(args.facts, p))]
        if missing:
            sys.exit("import_reference: missing in %s:\n  %s" % (args.facts, "\n  ".join(missing)))

    new = {p: read(os.path.join(args.shared, p)) for p in FILES}
    if args.facts:
        for src, dst in FACT_FILES.items():
            new[dst] = read(os.path.join(args.facts, src))

    if args.world_atlas:
        tgz = read(args.world_atlas)
        if sha256(tgz) != WORLD_ATLAS_TGZ_SHA256:
            sys.exit(f"import_reference: {args.world_atlas} has sha256 {sha256(tgz)}, expected {WORLD_ATLAS_TGZ_SHA256}")
        with tarfile.open(fileobj=io.BytesIO(tgz), mode="r:gz") as tar:
            for member, (dst, want) in LOCATOR.items():
                data = tar.extractfile(member).read()
                if want and sha256(data) != want:
                    sys.exit(f"import_reference: {member} has sha256 {sha256(data)}, expected {want}")
                new[dst] = data

    for p in sorted(new):
        dst = os.path.join(REF, p)
        if os.path.exists(dst):
            state = "identical" if read(dst) == new[p] else "UPDATED (differs from the copy in the repository)"
        else:
            state = "new"
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        with open(dst, "wb") as f:
            f.write(new[p])
        print(f"{p}: {state}, {len(new[p]):,} bytes")

    # The manifest covers the copied files and the locator files (kept from an earlier run with
    # --world-atlas when the option is not given this time; their pinned checksums are re-checked).
    listed = {p: sha256(new[p]) for p in new}
    for p in LOCATOR_FILES:
        path = os.path.join(REF, p)
        if p in listed:
            continue
        if not os.path.isfile(path):
            sys.exit(f"import_reference: data/reference/{p} is missing; run with --world-atlas (see locator/PROVENANCE.md)")
        listed[p] = sha256(read(path))
    for p in FACT_FILES.values():
        path = os.path.join(REF, p)
        if p not in listed and os.path.isfile(path):
            listed[p] = sha256(read(path))
    for dst, want in LOCATOR.values():
        if want and listed[dst] != want:
            sys.exit(f"import_reference: data/reference/{dst} has sha256 {listed[dst]}, expected {want}")
    with open(os.path.join(REF, "MANIFEST.sha256"), "w", encoding="utf-8", newline="\n") as f:
        for p in sorted(listed):
            f.write(f"{listed[p]}  {p}\n")
    print(f"MANIFEST.sha256: {len(listed)} files (check with: cd data/reference && sha256sum -c MANIFEST.sha256)")


if __name__ == "__main__":
    main()
