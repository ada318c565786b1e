#!/usr/bin/env python3
"""Rebuild drawing.geojson (the Cyprus example atlas's zones) from the Natural Earth
copies in sources/.

    python3 make_drawing.py            # writes drawing.geojson next to this script
    python3 make_drawing.py --check    # also prints the area / overlap / winding report

Needs shapely >= 2.0 and pyproj. No network access: every input is in sources/.

What it does (see PROVENANCE.md for the why):
  1. reads the five Natural Earth 1:10m admin-0 features for the island
     (Cyprus, N. Cyprus, Cyprus U.N. Buffer Zone, Akrotiri, Dhekelia);
  2. splits N. Cyprus into the Kokkina (Erenkoy) exclave and the main northern area;
  3. cuts the main northern area with the hand-drawn, schematic BRIDGEHEAD polygon
     below: inside = "kyrenia-bridgehead", the two pieces left over = "north-west"
     and "north-east";
  4. nodes all zone boundaries together on a 1e-5 degree grid and polygonizes them,
     so neighbouring zones share exactly the same vertices (no slivers, no
     T-junctions);
  5. writes every ring CLOCKWISE (exterior rings clockwise, holes counter-clockwise:
     the d3 / world.geo.json convention, the reverse of RFC 7946's right-hand rule).
     This is deliberate, so the importer learns to accept it.
"""
import json
import os
import sys

import shapely
from shapely.geometry import MultiPolygon, Point, Polygon, mapping, shape
from shapely.ops import polygonize, unary_union

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "sources")
OUT = os.path.join(HERE, "drawing.geojson")
GRID = 1e-5  # 5 decimals, ~1.1 m

# ---------------------------------------------------------------------------
# The hand-drawn line: the area held by Turkish forces at the ceasefire of
# 22 July 1974 (about 3% of the island: Kyrenia, the Kyrenia-Nicosia road through
# the pass, and the Turkish Cypriot enclave of north Nicosia). SCHEMATIC: the
# vertices are placed by the author from the written descriptions cited in
# PROVENANCE.md, not traced from a military map. Longitude, latitude (WGS84).
# The polygon reaches out to sea and south into the buffer zone so that it cuts
# the N. Cyprus outline cleanly; only its overlap with N. Cyprus is used.
BRIDGEHEAD = [
    (33.205, 35.45),   # at sea north of the western edge
    (33.205, 35.35),   # coast between Karavas/Lapithos (outside) and Pentemili beach (inside)
    (33.228, 35.31),   # up the northern slope of the Kyrenia range
    (33.258, 35.265),  # west of the Kyrenia pass / Agirda (Agirdag)
    (33.272, 35.22),   # west of Kioneli and Geunyeli (Gonyeli)
    (33.285, 35.185),  # west edge of north Nicosia
    (33.285, 35.14),   # into the buffer zone (clipped away)
    (33.41, 35.14),    # into the buffer zone (clipped away)
    (33.41, 35.195),   # east edge of north Nicosia (Hamitkoy / Mia Milia side)
    (33.405, 35.235),
    (33.385, 35.28),   # east of the pass, below Buffavento
    (33.38, 35.315),   # east of Kyrenia town, near Ayios Epiktitos (Catalkoy)
    (33.38, 35.45),    # at sea
]

ZONES = [
    # id, English name, source, note
    ("south", "Republic of Cyprus-controlled south", "ne_10m_CYP.geojson",
     "Natural Earth 'Cyprus' feature: the area under the effective control of the "
     "Government of the Republic of Cyprus, including the villages enclaved in Dhekelia."),
    ("buffer-zone", "United Nations Buffer Zone (Green Line)", "ne_10m_cyprusunbufferzone.geojson",
     "Natural Earth 'Cyprus U.N. Buffer Zone', including the strip around Kokkina."),
    ("akrotiri", "Akrotiri (Western Sovereign Base Area)", "ne_10m_akrotiri.geojson",
     "Natural Earth 'Akrotiri'."),
    ("dhekelia", "Dhekelia (Eastern Sovereign Base Area)", "ne_10m_dhekelia.geojson",
     "Natural Earth 'Dhekelia'. Its hole and the small 'south' part on its coast are the "
     "Republic of Cyprus enclaves around Xylotymbou and Ormideia."),
]
NORTH_SOURCE = "ne_10m_CYN.geojson"


def load(name):
    with open(os.path.join(SRC, name), encoding="utf-8") as f:
        d = json.load(f)
    if d.get("type") == "FeatureCollection":
        geoms = [shape(ft["geometry"]) for ft in d["features"]]
        g = unary_union(geoms)
    else:
        g = shape(d["geometry"])
    g = shapely.set_precision(g, GRID)
    assert g.is_valid, name
    return g


def parts(g):
    return list(g.geoms) if hasattr(g, "geoms") else [g]


def build_raw():
    raw = {}
    for zid, _name, src, _note in ZONES:
        raw[zid] = load(src)
    north = load(NORTH_SOURCE)
    ps = sorted(parts(north), key=lambda p: p.area, reverse=True)
    main = ps[0]
    kokkina = [p for p in ps[1:] if p.centroid.x < 32.7]
    assert len(kokkina) == 1 and len(ps) == 2, "unexpected N. Cyprus parts"
    raw["kokkina"] = kokkina[0]
    cut = shapely.set_precision(Polygon(BRIDGEHEAD), GRID)
    bridge = shapely.intersection(main, cut, grid_size=GRID)
    rest = shapely.difference(main, cut, grid_size=GRID)
    raw["kyrenia-bridgehead"] = bridge
    # the rest falls into a western and an eastern piece
    west, east = [], []
    for p in parts(rest):
        (west if p.centroid.x < 33.3 else east).append(p)
    raw["north-west"] = unary_union(west)
    raw["north-east"] = unary_union(east)
    return raw


def node_and_assign(raw):
    """Polygonize the noded boundaries of all zones and give every face to the zone
    that contains it, so shared edges have identical vertices."""
    lines = shapely.union_all([z.boundary for z in raw.values()], grid_size=GRID)
    faces = list(polygonize(lines))
    out = {k: [] for k in raw}
    for f in faces:
        p = f.representative_point()
        owners = [k for k, z in raw.items() if z.contains(p)]
        if not owners:  # a sliver of a gap: give it to the neighbour sharing most edge
            owners = sorted(raw, key=lambda k: -raw[k].boundary.intersection(f.boundary).length)
        out[owners[0]].append(f)
    res = {}
    for k, fs in out.items():
        g = shapely.union_all(fs, grid_size=GRID)
        res[k] = g
    return res


def ring_cw(coords, clockwise):
    ring = [(round(x, 5), round(y, 5)) for x, y in coords]
    # drop consecutive duplicates that rounding could create
    dedup = [ring[0]]
    for c in ring[1:]:
        if c != dedup[-1]:
            dedup.append(c)
    if dedup[0] != dedup[-1]:
        dedup.append(dedup[0])
    area2 = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(dedup, dedup[1:]))
    is_cw = area2 < 0
    if is_cw != clockwise:
        dedup.reverse()
    return [[x, y] for x, y in dedup]


def geom_json(g):
    polys = parts(g)
    polys.sort(key=lambda p: -p.area)
    out = []
    for p in polys:
        rings = [ring_cw(p.exterior.coords, True)]  # exterior clockwise (d3 convention)
        for h in p.interiors:
            rings.append(ring_cw(h.coords, False))  # holes counter-clockwise
        out.append(rings)
    if len(out) == 1:
        return {"type": "Polygon", "coordinates": out[0]}
    return {"type": "MultiPolygon", "coordinates": out}


NAMES = {z[0]: z[1] for z in ZONES}
NOTES = {z[0]: z[3] for z in ZONES}
NAMES.update({
    "kyrenia-bridgehead": "Kyrenia bridgehead (held from July 1974)",
    "north-west": "North-west (Morphou / Lefka), taken August 1974",
    "north-east": "North-east (Mesaoria, Famagusta, Karpas), taken August 1974",
    "kokkina": "Kokkina (Erenköy) exclave",
})
NOTES.update({
    "kyrenia-bridgehead": "Schematic: cut by hand from the Natural Earth 'N. Cyprus' outline "
                          "along the line in make_drawing.py (BRIDGEHEAD); about 3% of the island.",
    "north-west": "Natural Earth 'N. Cyprus' west of the schematic bridgehead line.",
    "north-east": "Natural Earth 'N. Cyprus' east of the schematic bridgehead line.",
    "kokkina": "Natural Earth 'N. Cyprus' exclave on Morphou Bay, a Turkish Cypriot "
               "enclave since 1964.",
})
APPROX = {"kyrenia-bridgehead", "north-west", "north-east"}
ORDER = ["south", "buffer-zone", "kyrenia-bridgehead", "north-west", "north-east",
         "kokkina", "akrotiri", "dhekelia"]


def write(zones):
    feats = []
    for zid in ORDER:
        props = {"id": zid, "name": NAMES[zid], "region": "cyprus"}
        if zid in APPROX:
            props["approximate"] = True
        props["note"] = NOTES[zid]
        feats.append({"type": "Feature", "properties": props, "geometry": geom_json(zones[zid])})
    fc = {"type": "FeatureCollection", "features": feats}
    text = json.dumps(fc, ensure_ascii=False, separators=(",", ":"))
    # one feature a line, as a diff-friendly export
    text = text.replace('{"type":"Feature",', '\n{"type":"Feature",').replace("]}}]}", "]}}\n]}")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text + "\n")


def check():
    from itertools import combinations
    from pyproj import Transformer
    import numpy as np

    def transform(tr, g):
        return shapely.transform(g, lambda c: np.column_stack(tr(c[:, 0], c[:, 1])))

    with open(OUT, encoding="utf-8") as f:
        fc = json.load(f)
    laea = Transformer.from_crs("EPSG:4326", "+proj=laea +lat_0=35 +lon_0=33.4 +datum=WGS84",
                                always_xy=True).transform
    ea = Transformer.from_crs("EPSG:4326", "EPSG:6933", always_xy=True).transform
    gs, bad_winding = {}, []
    for ft in fc["features"]:
        zid = ft["properties"]["id"]
        geo = ft["geometry"]
        polys = [geo["coordinates"]] if geo["type"] == "Polygon" else geo["coordinates"]
        for poly in polys:
            for i, ring in enumerate(poly):
                a2 = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:]))
                if (i == 0 and a2 >= 0) or (i > 0 and a2 <= 0):
                    bad_winding.append((zid, i))
        gs[zid] = shape(geo)
    print(f"{'zone':20s} {'valid':5s} {'parts':>5s} {'holes':>5s} {'km2 LAEA':>10s} {'km2 6933':>10s}")
    for zid, g in gs.items():
        holes = sum(len(p.interiors) for p in parts(g))
        print(f"{zid:20s} {str(g.is_valid):5s} {len(parts(g)):5d} {holes:5d} "
              f"{transform(laea, g).area / 1e6:10.2f} {transform(ea, g).area / 1e6:10.2f}")
    worst = (0.0, None)
    for a, b in combinations(gs, 2):
        i = gs[a].intersection(gs[b])
        ar = transform(laea, i).area / 1e6 if not i.is_empty else 0.0
        if ar > worst[0]:
            worst = (ar, (a, b))
    u = unary_union(list(gs.values()))
    total = transform(laea, u).area / 1e6
    holes = sum(len(p.interiors) for p in parts(u))
    print(f"largest pairwise overlap: {worst[0]:.9f} km2 {worst[1] or ''}")
    print(f"union: {total:.1f} km2 (official 9,251 km2, difference {100 * (total - 9251) / 9251:+.2f}%), "
          f"{len(parts(u))} part(s), {holes} hole(s) = gaps inside the island")
    print(f"sum of zone areas - union area: {sum(transform(laea, g).area for g in gs.values()) / 1e6 - total:.9f} km2")
    print("winding: exteriors clockwise, holes counter-clockwise:",
          "all OK" if not bad_winding else bad_winding)
    # vertex sharing: every vertex of a zone lying on another zone's boundary must be one of its vertices
    tj = 0
    verts = {k: {tuple(c) for p in parts(g) for r in [p.exterior, *p.interiors] for c in r.coords}
             for k, g in gs.items()}
    for a in gs:
        for b in gs:
            if a == b:
                continue
            bnd = gs[b].boundary
            for v in verts[a]:
                if v not in verts[b] and bnd.distance(Point(v)) < 1e-9:
                    tj += 1
    print("T-junctions (a vertex on a neighbour's edge that the neighbour lacks):", tj)
    print("file size:", os.path.getsize(OUT), "bytes")
    check_tables(gs)


def check_tables(gs):
    """The spreadsheet side: every zone and controller referred to exists, every zone
    has a row on the first date, every row has a source, places fall in a zone."""
    import csv
    from pyproj import Geod

    def rows(name):
        path = os.path.join(HERE, name)
        if not os.path.exists(path):
            return None
        with open(path, encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))

    ctl, tl, ph, pl = (rows(n) for n in ("controllers.csv", "timeline.csv", "phases.csv", "places.csv"))
    problems = []
    if ctl and tl:
        ids = {r["id"] for r in ctl}
        first = min(r["date"] for r in tl)
        for r in tl:
            if r["zone"] not in gs:
                problems.append(f"timeline: unknown zone {r['zone']}")
            if r["controller"] not in ids:
                problems.append(f"timeline: unknown controller {r['controller']}")
            if not r["source_url"].startswith("http"):
                problems.append(f"timeline: row without source {r}")
        missing = set(gs) - {r["zone"] for r in tl if r["date"] == first}
        if missing:
            problems.append(f"timeline: zones without a row on {first}: {sorted(missing)}")
    if ph:
        for r in ph:
            if not r["source_url"].startswith("http"):
                problems.append(f"phases: row without source {r['id']}")
    print("tables:", "consistent" if not problems else problems)
    if pl:
        geod = Geod(ellps="WGS84")
        for r in pl:
            p = Point(float(r["lon"]), float(r["lat"]))
            inside = [k for k, g in gs.items() if g.contains(p)]
            if inside:
                print(f"  place {r['id']:12s} in {inside[0]}")
            else:
                k, g = min(gs.items(), key=lambda kv: kv[1].distance(p))
                q = g.boundary.interpolate(g.boundary.project(p))
                print(f"  place {r['id']:12s} OUTSIDE every zone: "
                      f"{geod.inv(p.x, p.y, q.x, q.y)[2]:.0f} m from {k} (coarse 1:10m coast)")


if __name__ == "__main__":
    zones = node_and_assign(build_raw())
    write(zones)
    print("wrote", OUT)
    if "--check" in sys.argv:
        check()
