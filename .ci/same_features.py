#!/usr/bin/env python3
"""Fails when a dev-dependency (the test and bench tools) would turn on a feature in a crate the
app itself uses: cargo then builds a different program under `cargo test` / `cargo bench` than
under `cargo build`, and `cargo bench` leaves that other program in target/release. The fix is to
name the feature in Cargo.toml's [dependencies] (see the note there)."""
import subprocess
import sys


def features(edges):
    out = subprocess.run(
        ["cargo", "tree", "-e", edges, "-f", "{p} {f}", "--prefix", "none"],
        check=True, capture_output=True, text=True,
    ).stdout
    found = {}
    for line in out.splitlines():
        parts = line.replace(" (*)", "").strip().split(" ")
        if len(parts) < 2:
            continue
        rest = [p for p in parts[2:] if not p.startswith("(")]
        found.setdefault(f"{parts[0]} {parts[1]}", set()).update(rest[0].split(",") if rest else [])
    return found


app = features("normal,build")
everything = features("normal,build,dev")
extra = {k: sorted(everything[k] - app[k]) for k in app if k in everything and everything[k] != app[k]}
for crate, added in extra.items():
    print(f"dev-dependencies turn on {added} in {crate}, which the app uses: name them in [dependencies]")
if extra:
    sys.exit(1)
print("the app is built with the same features under cargo build, test and bench")
