#!/usr/bin/env python3
"""Build the embedded Karabakh atlas (assets/karabakh/) from the reference data in data/.

Reproducible: the same inputs give the same bytes. Needs Python 3.10+ with shapely>=2 and pyproj:

    pip install shapely pyproj
    python3 tools/build_atlas.py

Inputs (all committed):
  data/reference/*.geojson   Natural Earth-derived reference layers (see data/reference/PROVENANCE.md)
  data/text/phases.json      phase titles, summaries and sources (en, vi)
  data/text/events.json      dated events (en, vi) with sources
Outputs: assets/karabakh/{atlas.json, regions.geojson, zones.geojson, context.geojson,
lines.geojson} and data/build_report.md (areas against official figures). places.geojson and the
land layers (elevation, water, heights, roads, locator) are written by tools/build_land.py, which
reads regions.geojson: run this script first, then that one.

Every correction made to the reference geometry is listed in CORRECTIONS below and repeated in
assets/karabakh/SOURCES.md, with its reason.
"""
import json
import os
import sys
from datetime import date, timedelta

import numpy as np
import shapely
from pyproj import Geod, Transformer
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, Polygon, box, mapping, shape
from shapely.geometry.polygon import orient
from shapely.ops import linemerge, unary_union

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REF = os.path.join(ROOT, "data", "reference")
TEXT = os.path.join(ROOT, "data", "text")
OUT = os.path.join(ROOT, "assets", "karabakh")
GEOD = Geod(ellps="WGS84")
NE = "Natural Earth 1:10m (public domain), via the project's reference layers; see SOURCES.md"


def km2(g):
    return abs(GEOD.geometry_area_perimeter(g)[0]) / 1e6


def load(name):
    with open(os.path.join(REF, name), encoding="utf-8") as f:
        return {ft["id"]: ft for ft in json.load(f)["features"]}


def polygons(g):
    if g.is_empty:
        return []
    if isinstance(g, Polygon):
        return [g]
    if isinstance(g, MultiPolygon):
        return list(g.geoms)
    return [p for p in getattr(g, "geoms", []) if isinstance(p, (Polygon, MultiPolygon)) for p in polygons(p)]


def clean(g, min_km2):
    """Drop pieces (and holes) smaller than min_km2: boolean operations between independently
    drawn Natural Earth layers leave hairline slivers that mean nothing on the ground."""
    parts = []
    for p in polygons(g.buffer(0)):
        if km2(p) < min_km2:
            continue
        holes = [h for h in p.interiors if km2(Polygon(h)) >= min_km2]
        parts.append(Polygon(p.exterior, holes))
    if not parts:
        return Polygon()
    return unary_union(parts)


def rounded(g):
    """Snap to a 1e-5° grid (about 1 m, the precision of the reference layers), keeping the
    geometry valid, and orient rings as RFC 7946 asks (exterior counter-clockwise)."""
    g = shapely.make_valid(shapely.set_precision(g, 1e-5))
    parts = [orient(p, 1.0) for p in polygons(g) if not p.is_empty]
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def _round(c):
    if isinstance(c, (list, tuple)):
        if c and isinstance(c[0], float):
            return [round(v, 5) for v in c]
        return [_round(x) for x in c]
    return c


def geom_json(g):
    m = mapping(g)
    return {"type": m["type"], "coordinates": _round(m["coordinates"])}


def feature(fid, geom, props):
    return {"type": "Feature", "id": fid, "properties": props, "geometry": geom_json(geom)}


def write(name, obj):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=None, separators=(",", ":"))
        f.write("\n")


def fc(features, **meta):
    return {"type": "FeatureCollection", **meta, "features": features}


# ---------------------------------------------------------------------------------------------
# Reference layers
nkao_ref = load("nkao.geojson")
c94_ref = load("control_1994.geojson")
c20_ref = load("control_2020.geojson")
seven_ref = load("districts_soviet_seven.geojson")
districts_ref = load("districts.geojson")
countries_ref = load("countries.geojson")

NKAO = shape(nkao_ref["nkao"]["geometry"])
C94 = shape(c94_ref["control-1994"]["geometry"])
C20 = shape(c20_ref["control-2020"]["geometry"])
CORRIDOR = shape(c20_ref["lachin-corridor-2020"]["geometry"])

# The eight named regions, drawn for the Soviet period: the NKAO and the seven districts with
# the NKAO cut out and Natural Earth's "orphan" slivers given back to the district they touch.
SEVEN = [
    # id, NE code, English, Azerbaijani, Armenian usage (district centre), official km², tolerance %
    ("kalbajar", "AZE-1682", "Kalbajar", "Kəlbəcər", "Karvachar", 3054, 10),
    ("lachin", "AZE-1735", "Lachin", "Laçın", "Berdzor", 1835, 10),
    ("qubadli", "AZE-1736", "Qubadli", "Qubadlı", "Kashunik", 802, 10),
    ("zangilan", "AZE-1740", "Zangilan", "Zəngilan", "Kovsakan", 707, 10),
    ("jabrayil", "AZE-1699", "Jabrayil", "Cəbrayıl", "Jrakan", 1050, 20),
    ("fuzuli", "AZE-1702", "Fuzuli", "Füzuli", "Varanda", 1386, 10),
    ("aghdam", "AZE-1691", "Aghdam", "Ağdam", "Akna", 1094, 10),
]
VI_DISTRICT = "Huyện {}"

regions = {"nkao": NKAO.buffer(0)}
for rid, code, *_ in SEVEN:
    parts = [shape(seven_ref["district-soviet-" + code]["geometry"])]
    parts += [
        shape(f["geometry"])
        for f in seven_ref.values()
        if f["id"].startswith("orphan-") and f["properties"].get("suggested_district") == code
    ]
    regions[rid] = clean(unary_union(parts), 0.05)

# ---------------------------------------------------------------------------------------------
# Corrections to the reference, each with its reason (repeated in SOURCES.md).
CORRECTIONS = []

# Jabrayil's eastern end: Natural Earth gives it to Fuzuli, yet Jojug Marjanli (Cocuq Mərcanlı), the
# Lele Tepe (Lələtəpə) hill and the villages round them are in the Jabrayil district (Wikipedia
# 'Lalatapa', 'Jojug Marjanli'; GeoNames admin-1 of Mirzənağılı, Mehdili, Nuzgər, Şəybəy, Quycaq). The
# part of the drawn Fuzuli district west of 47.317° E (the 1994 line there) and south of 39.435° N
# (north of it, Kənd Horadiz and Dörtçinar are Fuzuli villages) goes to Jabrayil.
JABRAYIL_EAST = box(47.10, 39.30, 47.317, 39.435)
_moved = regions["fuzuli"].intersection(JABRAYIL_EAST)
regions["jabrayil"] = clean(unary_union([regions["jabrayil"], _moved]), 0.05)
regions["fuzuli"] = clean(regions["fuzuli"].difference(JABRAYIL_EAST), 0.05)
CORRECTIONS.append("Jabrayil's eastern end: Natural Earth gives the eastern end of the Jabrayil district to Fuzuli, "
                   "although Jojug Marjanli/Cocuq Mərcanlı, the Lele Tepe/Lələtəpə hill and the villages round them "
                   "(Mirzənağılı, Mehdili, Nuzgər, Şəybəy, Quycaq in GeoNames) are in Jabrayil. The part of the drawn "
                   "Fuzuli district west of 47.317° E and south of 39.435° N is given to Jabrayil; approximate.")
# Jojug Marjanli: inside Natural Earth's 1994 polygon, but held by Azerbaijan from January 1994 to 2020
# (a village on the line of contact, "the only village of the Jabrayil district effectively controlled
# by the Azerbaijani Armed Forces"). Lele Tepe, 2.9 km north-west, was Armenian-held from February 1994
# until Azerbaijan took it on 2 Apr 2016. Both are drawn by the project, approximately.
JOJUG_AREA = box(47.284, 39.36, 47.33, 39.401)
LELE_TEPE_AREA = Point(47.2686, 39.4086).buffer(0.011)
CORRECTIONS.append("Jojug Marjanli and Lele Tepe: Natural Earth's 1994 polygon puts Jojug Marjanli/Cocuq Mərcanlı on the "
                   "Armenian-held side, although it was held by Azerbaijan from January 1994 to 2020. The zone "
                   "jabrayil-jojug-marjanli is a box drawn by the project between the village and the 1994 line "
                   "(47.284–47.33° E, 39.36–39.401° N); the zone jabrayil-lele-tepe is a disc of about 1 km round the "
                   "Lele Tepe hill, taken by Azerbaijan on 2 Apr 2016. Both approximate.")

# Shusha: NE's 2020 line runs ~5 km south of the town, so the town would stay Armenian-held.
# Azerbaijan took it on 8 Nov 2020 while Stepanakert (6 km north) did not change hands. We draw an
# approximate zone around the town and the plateau south-east of it.
SHUSHA_AREA = Polygon([(46.700, 39.748), (46.735, 39.782), (46.790, 39.780), (46.880, 39.745),
                       (46.880, 39.700), (46.720, 39.705)])
CORRECTIONS.append("Shusha: Natural Earth's 2020 line leaves Shusha/Şuşa on the Armenian-held side, "
                   "although Azerbaijan took the town on 8 Nov 2020 (the NKR confirmed the loss on 9 Nov). "
                   "The zone nkao-shusha is drawn by the project around the town and the plateau south-east of "
                   "it, stopping short of Stepanakert; it is marked approximate.")
# Talish and Madagiz: NE's northern 2020 line is the old NKAO border with a small cut at the tip.
TALISH_AREA = box(46.62, 40.31, 47.00, 40.46)
CORRECTIONS.append("Talish and Madagiz: Natural Earth's 2020 line in the north follows the old NKAO border, "
                   "so Talish/Talış and Madagiz/Suqovuşan, taken by Azerbaijan on 3 Oct 2020, would stay "
                   "Armenian-held. The zone nkao-talish cuts the NKAO north of 40.31° N and east of 46.62° E (about 2.4 km south of "
                   "Madagiz and just north of Tonashen, which stayed Armenian-held until 2023); it is marked approximate.")
# Martakert district, held by Azerbaijan from the summer 1992 offensive until 27 Jun 1993.
MARTAKERT_AREA = box(46.30, 40.06, 47.00, 40.46)
CORRECTIONS.append("Martakert 1992–93: no open line exists for Azerbaijan's 1992 hold of the Martakert "
                   "district; the zone nkao-martakert is the former NKAO north of 40.06° N (south of Talish) "
                   "and is marked approximate.")
# Horadiz town, held by Karabakh Armenian forces from 23/24 Oct 1993 to 6 Jan 1994.
HORADIZ_AREA = box(47.19, 39.39, 47.42, 39.53)
CORRECTIONS.append("Horadiz 1993–94: the area round Horadiz town held by Karabakh Armenian forces between "
                   "23/24 Oct 1993 and 6 Jan 1994 is drawn as a box (47.19–47.42° E, 39.39–39.53° N) clipped to "
                   "the part of Fuzuli held by Azerbaijan after 1994; approximate.")
# Lachin corridor: NE draws it ~8 km wide with straight edges, and Lachin town (Wikipedia point)
# falls 1.7 km outside it, yet the town, Zabukh/Aghavno and Sus were inside the corridor.
LACHIN_TOWN = Point(46.54694, 39.64083)
CORRIDOR_VILLAGES = unary_union([LACHIN_TOWN, Point(46.5128, 39.6269), Point(46.5433, 39.5897)]).convex_hull.buffer(0.018)
CORRECTIONS.append("Lachin corridor: Natural Earth's corridor (70 km², straight edges) leaves Lachin/Berdzor "
                   "town outside, but the town, Aghavno/Zabux and Sus stayed inside the corridor until 26 Aug 2022. "
                   "The corridor zone adds a ~2 km band round those three places; approximate.")
# Lachin corridor after 26 Aug 2022: the corridor under the Russian peacekeepers moved to the new road
# (Stepanakert – Mets Shen – Hin Shen – Kornidzor) and stayed there until the exodus of September 2023.
# No open geometry exists: the zone is a band of 2.5 km each side of the schematic road of
# data/reference/physical/roads_schematic.geojson (half the 5 km of the 10 Nov 2020 statement), less the
# part held by the Karabakh Armenian side (Stepanakert to Hin Shen) and less the area round Lachin town,
# Aghavno/Zabux and Sus handed to Azerbaijan on 26 Aug 2022.
_roads = {f["id"]: f for f in json.load(open(os.path.join(REF, "physical", "roads_schematic.geojson"), encoding="utf-8"))["features"]}
ROAD_2022 = shape(_roads["road-lachin-corridor-2022"]["geometry"])
_aeqd = Transformer.from_crs("EPSG:4326", "+proj=aeqd +lat_0=39.7 +lon_0=46.6 +units=m +ellps=WGS84", always_xy=True)
_aeqd_inv = Transformer.from_crs("+proj=aeqd +lat_0=39.7 +lon_0=46.6 +units=m +ellps=WGS84", "EPSG:4326", always_xy=True)
CORRIDOR_2022_BAND = shapely.transform(
    shapely.transform(ROAD_2022, lambda c: np.column_stack(_aeqd.transform(c[:, 0], c[:, 1]))).buffer(2500, quad_segs=8),
    lambda c: np.column_stack(_aeqd_inv.transform(c[:, 0], c[:, 1])))
CORRECTIONS.append("Lachin corridor 2022–2023: no line exists for the corridor on the new road opened on 26 Aug 2022. "
                   "The zones lachin-corridor-2022, lachin-corridor-2022-border and lachin-corridor-2022-shusha are a band "
                   "of 2.5 km each side of the schematic road Stepanakert – Mets Shen – Hin Shen – Kornidzor, clipped to the "
                   "regions, without the part held by the Karabakh Armenian side and without the area round Lachin town, "
                   "Aghavno/Zabux and Sus handed over on 26 Aug 2022; approximate.")
# Kalbajar: NE's district reaches ~200 km² north of NE's 1994 polygon, yet sources say the whole
# Soviet-era district was held from April 1993 to November 2020.
CORRECTIONS.append("Kalbajar: Natural Earth's 1994 polygon leaves ~200 km² of the district's north outside, "
                   "while the sources (NKR district table: all of the Soviet-era district, 1,936 km²) say all of it "
                   "was held; the zone kalbajar is the whole district.")

# ---------------------------------------------------------------------------------------------
# Zones: each region carved in a fixed order, so zones tile it with no overlap.
def carve(region, steps):
    rest = region
    out = []
    for zid, g in steps:
        piece = clean(rest.intersection(g), 0.5)
        rest = clean(rest.difference(piece), 0.01)
        out.append((zid, piece))
    return out, rest


C94_K = unary_union([C94, regions["kalbajar"]])  # corrected 1994 hold (see Kalbajar above)
zones = []
# NKAO
held94 = regions["nkao"].intersection(C94_K)
lost20 = clean(held94.difference(C20), 0.5)
lost_south = unary_union([p for p in polygons(lost20) if p.centroid.y < 39.8])
lost_nw = unary_union([p for p in polygons(lost20) if p.centroid.y >= 39.8])
nk, nk_rest = carve(regions["nkao"], [
    ("nkao-east", regions["nkao"].difference(C94_K)),
    ("nkao-talish", TALISH_AREA),
    ("nkao-shusha", SHUSHA_AREA),
    ("nkao-hadrut", lost_south),
    ("nkao-northwest", lost_nw),
    ("nkao-martakert", MARTAKERT_AREA),
])
nk.append(("nkao-core", nk_rest))
# The 2022–2023 corridor is cut out of the zones it crosses outside the Armenian-held part: out of the
# 2020 corridor, the rest of the Lachin district and the Shusha area (one zone for each, since each had
# the history of the zone it was cut from until 26 Aug 2022; see CORRIDOR_2022_FROM below).
band22 = CORRIDOR_2022_BAND.difference(CORRIDOR_VILLAGES)
nk_geoms = dict(nk)
band22_nkao = clean(band22.intersection(nk_geoms["nkao-shusha"]), 0.5)
nk = [(z, clean(g.difference(band22_nkao), 0.01)) for z, g in nk] + [("lachin-corridor-2022-shusha", band22_nkao)]
zones = [(z, "nkao", g) for z, g in nk]
# Seven districts
corridor = clean(unary_union([CORRIDOR, CORRIDOR_VILLAGES]).intersection(regions["lachin"]), 0.5)
la, la_rest = carve(regions["lachin"], [("lachin-corridor-2022", band22.intersection(corridor)), ("lachin-corridor", corridor),
                                        ("lachin-corridor-2022-border", band22)])
zones += [(z, "lachin", g) for z, g in la] + [("lachin", "lachin", la_rest)]
for rid in ["kalbajar", "qubadli", "zangilan"]:
    zones.append((rid, rid, regions[rid]))
jb, jb_rest = carve(regions["jabrayil"], [("jabrayil-lele-tepe", LELE_TEPE_AREA), ("jabrayil-jojug-marjanli", JOJUG_AREA)])
zones += [("jabrayil", "jabrayil", jb_rest)] + [(z, "jabrayil", g) for z, g in jb]
fz, fz_rest = carve(regions["fuzuli"], [("fuzuli-west", C94), ("fuzuli-horadiz", HORADIZ_AREA)])
zones += [(z, "fuzuli", g) for z, g in fz] + [("fuzuli-east", "fuzuli", fz_rest)]
ag, ag_rest = carve(regions["aghdam"], [("aghdam-west", C94)])
zones += [(z, "aghdam", g) for z, g in ag] + [("aghdam-east", "aghdam", ag_rest)]

ZONE_TEXT = {
    "nkao-core": ("Stepanakert, Askeran, Martuni and Khojaly", "Stepanakert, Askeran, Martuni và Khojaly", False,
                  "The part of the former NKAO held by the Karabakh Armenian side until September 2023 (Natural Earth 2020 line)."),
    "nkao-martakert": ("Martakert district (south of Talish)", "Huyện Martakert (phía nam Talish)", True,
                       "Northern former NKAO; held by Azerbaijan from July 1992 to June 1993. Southern edge at 40.06° N is the project's approximation; the box is too coarse for the front: by an Armenian account the Sarsang reservoir area was retaken in February 1993, yet the whole zone stays Azerbaijani until Martakert town was retaken on 27 Jun 1993."),
    "nkao-talish": ("Talish and Madagiz", "Talish và Madagiz", True,
                    "Northern tip of the former NKAO with Talish/Talış and Madagiz/Suqovuşan; southern edge at 40.31° N, north of Tonashen, drawn by the project."),
    "nkao-shusha": ("Shusha (Shushi) area", "Khu vực Shusha (Shushi)", True,
                    "Drawn by the project round Shusha/Şuşa: Natural Earth's 2020 line wrongly leaves the town on the Armenian-held side."),
    "nkao-hadrut": ("Hadrut and the southern edge", "Hadrut và rìa phía nam", True,
                    "Southern former NKAO taken by Azerbaijan in October–November 2020. The whole zone changes on 9 Oct 2020, the day of Azerbaijan's claim to Hadrut, which the NKR denied; independent sources confirmed the town Azerbaijani-held on 14–15 Oct, and villages in the zone fell until November."),
    "nkao-northwest": ("North-western edge of the former NKAO", "Rìa tây bắc của NKAO cũ", True,
                       "Uninhabited strip on the Murov slopes outside Natural Earth's 2020 line, shown handed over with Kalbajar on 25 Nov 2020. Reports say the handover followed the Soviet-era district line (Charektar and Aknaberd, south of this strip, stayed Armenian-held), so the strip may instead have been lost in the fighting; approximate."),
    "nkao-east": ("Eastern edge of the former NKAO", "Rìa phía đông của NKAO cũ", True,
                  "Parts of the former NKAO that stayed under Azerbaijan in 1994–2020 (Natural Earth 1994 line). The NKR's district table gives a larger Azerbaijani share (about 560 km²)."),
    "kalbajar": ("Kalbajar district", "Huyện Kalbajar", False, "Whole Soviet-era district."),
    "lachin": ("Lachin district", "Huyện Lachin", False, "Lachin district outside the 2020–2022 corridor."),
    "lachin-corridor": ("Lachin corridor (2020–2022)", "Hành lang Lachin (2020–2022)", True,
                        "Natural Earth's corridor widened round Lachin town, Aghavno/Zabux and Sus; the 10 Nov 2020 statement says 5 km wide."),
    "lachin-corridor-2022": ("Lachin corridor, new route (2022–2023)", "Hành lang Lachin, tuyến mới (2022–2023)", True,
                             "Part of the 2020 corridor that the new road (Mets Shen, Hin Shen, Kornidzor) kept after 26 Aug 2022: a band of about 2.5 km each side of the schematic road, drawn by the project."),
    "lachin-corridor-2022-border": ("Lachin corridor, new route near the border", "Hành lang Lachin, tuyến mới gần biên giới", True,
                                    "Where the new road of 2022 runs outside the 2020 corridor towards the Armenian border and the Hakari bridge: a band of about 2.5 km each side of the schematic road, drawn by the project."),
    "lachin-corridor-2022-shusha": ("Lachin corridor below Shusha (2022–2023)", "Hành lang Lachin dưới chân Shusha (2022–2023)", True,
                                    "Where the corridor road runs through the Shusha (Şuşa) area held by Azerbaijan from 8 Nov 2020; the road was blocked here from 12 Dec 2022. A band of about 2.5 km each side of the schematic road, drawn by the project."),
    "qubadli": ("Qubadli district", "Huyện Qubadli", False, "Whole district."),
    "zangilan": ("Zangilan district", "Huyện Zangilan", False, "Whole district."),
    "jabrayil": ("Jabrayil district", "Huyện Jabrayil", False,
                 "The district except Jojug Marjanli and Lele Tepe; Natural Earth draws the district about 10 % small even with its eastern end given back (see SOURCES.md)."),
    "jabrayil-jojug-marjanli": ("Jojug Marjanli (Cocuq Mərcanlı)", "Jojug Marjanli (Cocuq Mərcanlı)", True,
                                "Village on the 1994–2020 line of contact, held by Azerbaijan from January 1994; Natural Earth's 1994 line leaves it on the Armenian-held side. Box drawn by the project."),
    "jabrayil-lele-tepe": ("Lele Tepe (Lələtəpə) hill", "Đồi Lele Tepe (Lələtəpə)", True,
                           "The 271-m hill 2.9 km north-west of Jojug Marjanli: Armenian-held from February 1994, taken by Azerbaijan on 2 Apr 2016. Disc of about 1 km drawn by the project."),
    "fuzuli-west": ("Western Fuzuli", "Tây Fuzuli", True,
                    "Part of Fuzuli west of the 1994 line (Natural Earth). Sources disagree on the share held: 33% (NKR table), about half, or 90% (Azerbaijani figures); the line follows Natural Earth, which gives about 44% of the district as drawn."),
    "fuzuli-horadiz": ("Horadiz area", "Khu vực Horadiz", True, "Round Horadiz town; held by Karabakh Armenian forces from 23/24 Oct 1993 to 6 Jan 1994. Box drawn by the project."),
    "fuzuli-east": ("Eastern Fuzuli", "Đông Fuzuli", True, "Part of Fuzuli east of the 1994 line, held by Azerbaijan throughout."),
    "aghdam-west": ("Western Aghdam", "Tây Aghdam", True, "Part of Aghdam west of the 1994 line, incl. Aghdam town (Natural Earth: about 85%; sources 73–81%)."),
    "aghdam-east": ("Eastern Aghdam", "Đông Aghdam", True, "Part of Aghdam east of the 1994 line, held by Azerbaijan throughout."),
}
ZONE_NOTES_VI = {
    'nkao-core': 'Phần của NKAO cũ do phía người Armenia ở Karabakh nắm giữ đến tháng 9/2023 (theo đường năm 2020 của Natural Earth).',
    'nkao-martakert': 'Phía bắc NKAO cũ; Azerbaijan kiểm soát từ tháng 7/1992 đến tháng 6/1993. Rìa phía nam ở vĩ độ 40,06° B là ước lượng của dự án; khối này quá thô so với mặt trận: theo một tài liệu phía Armenia, khu vực hồ chứa Sarsang được chiếm lại vào tháng 2/1993, nhưng cả vùng vẫn thuộc Azerbaijan cho đến khi thị trấn Martakert bị chiếm lại ngày 27/6/1993.',
    'nkao-talish': 'Mũi phía bắc NKAO cũ, gồm Talish/Talış và Madagiz/Suqovuşan; rìa phía nam ở vĩ độ 40,31° B, phía bắc Tonashen, do dự án vẽ.',
    'nkao-shusha': 'Do dự án vẽ quanh Shusha/Şuşa: đường năm 2020 của Natural Earth để nhầm thị trấn này ở phía do người Armenia nắm giữ.',
    'nkao-hadrut': 'Phía nam NKAO cũ, bị Azerbaijan chiếm trong tháng 10–11/2020. Cả vùng đổi chủ ngày 9/10/2020, ngày Azerbaijan tuyên bố chiếm Hadrut, điều mà NKR bác bỏ; các nguồn độc lập xác nhận thị trấn thuộc Azerbaijan vào ngày 14–15/10, và các làng trong vùng thất thủ cho đến tháng 11.',
    'nkao-northwest': 'Dải đất không có dân trên sườn núi Murov, nằm ngoài đường năm 2020 của Natural Earth, được thể hiện là bàn giao cùng Kalbajar ngày 25/11/2020. Các nguồn tin cho biết việc bàn giao theo ranh giới huyện thời Xô viết (Charektar và Aknaberd, ở phía nam dải này, vẫn do người Armenia nắm giữ), nên dải đất có thể đã bị mất trong giao tranh; gần đúng.',
    'nkao-east': 'Những phần của NKAO cũ vẫn do Azerbaijan kiểm soát trong 1994–2020 (theo đường năm 1994 của Natural Earth). Bảng số liệu của NKR cho phần của Azerbaijan lớn hơn (khoảng 560 km²).',
    'kalbajar': 'Toàn bộ huyện thời Xô viết.',
    'lachin': 'Huyện Lachin bên ngoài hành lang 2020–2022.',
    'lachin-corridor': 'Hành lang theo Natural Earth, mở rộng quanh thị trấn Lachin, Aghavno/Zabux và Sus; tuyên bố ngày 10/11/2020 ghi rộng 5 km.',
    'lachin-corridor-2022': 'Phần của hành lang năm 2020 mà con đường mới (qua Mets Shen, Hin Shen, Kornidzor) vẫn đi qua sau ngày 26/8/2022: một dải rộng khoảng 2,5 km mỗi bên con đường vẽ theo sơ đồ, do dự án vẽ.',
    'lachin-corridor-2022-border': 'Đoạn con đường mới năm 2022 nằm ngoài hành lang năm 2020, hướng về biên giới Armenia và cầu Hakari: một dải rộng khoảng 2,5 km mỗi bên con đường vẽ theo sơ đồ, do dự án vẽ.',
    'lachin-corridor-2022-shusha': 'Đoạn đường hành lang đi qua khu vực Shusha (Şuşa) do Azerbaijan nắm giữ từ ngày 8/11/2020; từ ngày 12/12/2022 con đường bị chặn tại đây. Một dải rộng khoảng 2,5 km mỗi bên con đường vẽ theo sơ đồ, do dự án vẽ.',
    'qubadli': 'Toàn bộ huyện.',
    'zangilan': 'Toàn bộ huyện.',
    'jabrayil': 'Cả huyện, trừ Jojug Marjanli và Lele Tepe; dù đã trả lại phần cực đông cho huyện, Natural Earth vẫn vẽ huyện nhỏ hơn khoảng 10% (xem SOURCES.md).',
    'jabrayil-jojug-marjanli': 'Làng nằm trên giới tuyến tiếp xúc 1994–2020, do Azerbaijan nắm giữ từ tháng 1/1994; đường năm 1994 của Natural Earth để làng này ở phía do người Armenia nắm giữ. Hình chữ nhật do dự án vẽ.',
    'jabrayil-lele-tepe': 'Ngọn đồi cao 271 m cách Jojug Marjanli 2,9 km về phía tây bắc: do phía Armenia nắm giữ từ tháng 2/1994, bị Azerbaijan chiếm ngày 2/4/2016. Hình tròn bán kính khoảng 1 km do dự án vẽ.',
    'fuzuli-west': 'Phần Fuzuli phía tây đường năm 1994 (Natural Earth). Các nguồn đưa ra tỷ lệ do phía NKR nắm giữ khác nhau: 33% (bảng số liệu của NKR), khoảng một nửa, hoặc 90% (số liệu của Azerbaijan); đường ranh ở đây theo Natural Earth, khoảng 44% diện tích huyện như được vẽ.',
    'fuzuli-horadiz': 'Quanh thị trấn Horadiz; lực lượng người Armenia ở Karabakh nắm giữ từ 23–24/10/1993 đến 6/1/1994. Hình chữ nhật do dự án vẽ.',
    'fuzuli-east': 'Phần Fuzuli phía đông đường năm 1994, do Azerbaijan nắm giữ suốt thời gian này.',
    'aghdam-west': 'Phần Aghdam phía tây đường năm 1994, gồm thị trấn Aghdam (Natural Earth: khoảng 85%; các nguồn: 73–81%).',
    'aghdam-east': 'Phần Aghdam phía đông đường năm 1994, do Azerbaijan nắm giữ suốt thời gian này.'}

COUNTRY_VI = {"Azerbaijan": "Azerbaijan", "Armenia": "Armenia", "Iran": "Iran", "Georgia": "Gruzia", "Turkey": "Thổ Nhĩ Kỳ", "Russia": "Nga"}

# ---------------------------------------------------------------------------------------------
# Places: places.geojson (the curated PLACES table and the Who's On First settlements) is written by
# tools/build_land.py, which reads the regions.geojson written here.

# Where each country's name is drawn on the main map: inside that country's part of the map's box,
# away from the NKAO and the seven districts (checked in main()).
COUNTRY_LABEL_AT = {
    "country-AZE": [47.8, 40.3],   # Kura lowland
    "country-ARM": [45.6, 39.75],  # Vayots Dzor, inside the default (fitted) view
    "country-IRN": [47.55, 39.15],  # south of the Aras, inside the default view
    "country-GEO": [46.45, 41.19],  # Georgia's strip along the top edge is widest here (Lagodekhi)
    "country-TUR": [44.24, 39.8],  # Turkey's part of the box west of Nakhchivan
    "country-RUS": [47.75, 41.25],  # the tip of Dagestan in the north-east corner
}


# ---------------------------------------------------------------------------------------------
def lines_features(zone_geoms):
    aze = shape(countries_ref["country-AZE"]["geometry"])
    arm = shape(countries_ref["country-ARM"]["geometry"])
    irn = shape(countries_ref["country-IRN"]["geometry"])
    feats = []

    def line(fid, g, props):
        g = linemerge(g) if isinstance(g, MultiLineString) else g
        pieces = [l for l in getattr(g, "geoms", [g]) if isinstance(l, LineString) and l.length > 0.002]
        g = pieces[0] if len(pieces) == 1 else MultiLineString(pieces)
        g = g.simplify(0.0, preserve_topology=True)
        m = mapping(g)
        rnd = lambda cs: [[round(x, 5), round(y, 5)] for x, y in cs]
        if m["type"] == "LineString":
            m = {"type": "LineString", "coordinates": rnd(m["coordinates"])}
        else:
            m = {"type": "MultiLineString", "coordinates": [rnd(c) for c in m["coordinates"]]}
        feats.append({"type": "Feature", "id": fid, "properties": props, "geometry": m})

    border_src = "Natural Earth 5.1.1 admin-0 (public domain)"
    line("border-arm-aze", aze.boundary.intersection(arm.buffer(1e-4)),
         {"kind": "border", "name": {"en": "Armenia–Azerbaijan border", "vi": "Biên giới Armenia–Azerbaijan"}, "source": border_src})
    line("border-iran", irn.boundary.intersection(unary_union([aze, arm]).buffer(1e-4)),
         {"kind": "border", "name": {"en": "Border with Iran (Araz river)", "vi": "Biên giới với Iran (sông Araz)"}, "source": border_src})
    near_border = unary_union([arm, irn]).buffer(0.003)

    held94 = unary_union([g for z, g in zone_geoms.items() if z in HELD_1994])
    loc94 = held94.boundary.difference(near_border)
    line("loc-1994", loc94, {"kind": "line_of_contact", "name": {"en": "Line of contact 1994–2020", "vi": "Đường tiếp xúc 1994–2020"},
                             "valid_from": "1994-05-12", "valid_to": "2020-09-26", "approximate": True,
                             "note": {"en": "Natural Earth 4.0 1994 line, with Kalbajar corrected (see SOURCES.md)."},
                             "source": "Natural Earth 4.0 'Nagorno-Karabakh' breakaway area (public domain)"})
    held20 = unary_union([g for z, g in zone_geoms.items() if z in HELD_2021])
    loc20 = held20.boundary.difference(near_border)
    line("loc-2020", loc20, {"kind": "ceasefire_line", "name": {"en": "Ceasefire line of 10 Nov 2020", "vi": "Giới tuyến ngừng bắn ngày 10/11/2020"},
                             "valid_from": "2020-11-10", "valid_to": "2023-09-20", "approximate": True,
                             "note": {"en": "Natural Earth 5.x 2020 line, corrected at Shusha and Talish (see SOURCES.md)."},
                             "source": "Natural Earth 5.x disputed-area boundary lines (public domain)"})
    corridor20 = unary_union([zone_geoms[z] for z in CORRIDOR_ZONES])
    line("lachin-corridor", corridor20.boundary.difference(near_border),
         {"kind": "corridor", "name": {"en": "Lachin corridor", "vi": "Hành lang Lachin"},
          "valid_from": "2020-11-10", "valid_to": "2022-08-25", "approximate": True,
          "note": {"en": "The road link to Armenia under Russian peacekeepers; re-routed south of Lachin town on 26 Aug 2022 (see the new route's line).",
                   "vi": "Tuyến đường nối với Armenia do lực lượng gìn giữ hòa bình Nga kiểm soát; ngày 26/8/2022 được chuyển sang tuyến mới ở phía nam thị trấn Lachin (xem đường của tuyến mới)."},
          "source": "Natural Earth 5.x, widened round Lachin town (see SOURCES.md)"})
    corridor22 = unary_union([zone_geoms[z] for z in CORRIDOR_2022_FROM])
    outline22 = corridor22.boundary.difference(near_border)
    src22 = "Band of 2.5 km each side of the schematic road road-lachin-corridor-2022 (roads.geojson), drawn by the project (see SOURCES.md)"
    how = {"en": "A band of about 2.5 km each side of the schematic new road (Stepanakert – Mets Shen – Hin Shen – Kornidzor), outside the Armenian-held area; not the corridor's surveyed edge.",
           "vi": "Một dải rộng khoảng 2,5 km mỗi bên con đường mới vẽ theo sơ đồ (Stepanakert – Mets Shen – Hin Shen – Kornidzor), bên ngoài khu vực do người Armenia nắm giữ; không phải ranh giới đo đạc của hành lang."}
    line("lachin-corridor-2022", outline22,
         {"kind": "corridor", "name": {"en": "Lachin corridor, new route", "vi": "Hành lang Lachin, tuyến mới"},
          "valid_from": "2022-08-26", "valid_to": "2022-12-11", "approximate": True,
          "note": {"en": "The corridor under Russian peacekeepers on the new road from 26 Aug 2022. " + how["en"],
                   "vi": "Hành lang do lực lượng gìn giữ hòa bình Nga kiểm soát trên con đường mới từ ngày 26/8/2022. " + how["vi"]},
          "source": src22})
    line("lachin-corridor-blockade", outline22,
         {"kind": "blockade", "name": {"en": "Lachin corridor, blocked (12 Dec 2022 – 23 Sep 2023)", "vi": "Hành lang Lachin bị chặn (12/12/2022 – 23/9/2023)"},
          "valid_from": "2022-12-12", "valid_to": "2023-09-23", "approximate": True,
          "note": {"en": "Blocked near Shusha from 12 Dec 2022 (the ICJ ordered Azerbaijan on 22 Feb 2023 to ensure unimpeded movement along it); Azerbaijani checkpoint at the Hakari bridge from 23 Apr 2023. " + how["en"],
                   "vi": "Bị chặn gần Shusha từ ngày 12/12/2022 (ngày 22/2/2023 Tòa án Công lý Quốc tế ra lệnh Azerbaijan bảo đảm việc đi lại không bị cản trở trên hành lang); trạm kiểm soát của Azerbaijan tại cầu Hakari từ ngày 23/4/2023. " + how["vi"]},
          "source": src22})
    line("lachin-corridor-exodus", outline22,
         {"kind": "corridor", "name": {"en": "Lachin corridor: the exodus (24–30 Sep 2023)", "vi": "Hành lang Lachin: cuộc di tản (24–30/9/2023)"},
          "valid_from": "2023-09-24", "valid_to": "2023-09-30", "approximate": True,
          "note": {"en": "The road by which almost all Karabakh Armenians left for Armenia; Armenia's government counted 100,417 arrivals by 30 Sep 2023. " + how["en"],
                   "vi": "Con đường mà gần như toàn bộ người Armenia ở Karabakh đã theo đó rời sang Armenia; chính phủ Armenia ghi nhận 100.417 người đến tính tới ngày 30/9/2023. " + how["vi"]},
          "source": src22})
    # Where the road was closed or controlled: drawn as a sign at the point, on the dates it applies.
    def sign(fid, lon, lat, props):
        feats.append({"type": "Feature", "id": fid, "properties": props,
                      "geometry": {"type": "Point", "coordinates": [lon, lat]}})
    sign("blockade-shusha-junction", 46.695, 39.76,
         {"kind": "checkpoint", "name": {"en": "Road blocked near Shusha (Shushi) (12 Dec 2022 – 28 Apr 2023)",
                                         "vi": "Đường bị chặn gần Shusha (Shushi) (12/12/2022 – 28/4/2023)"},
          "valid_from": "2022-12-12", "valid_to": "2023-04-28", "approximate": True,
          "note": {"en": "Azerbaijanis presenting themselves as environmental activists stood on the road near the Shusha–Dashalti (Karin Tak) junction from 12 Dec 2022; Armenia and the NKR called it a blockade, Azerbaijan said civilian traffic was not prevented. They suspended the protest at 18:00 on 28 Apr 2023, after the checkpoint at the Hakari bridge was set up. The sign is on the schematic road near the junction, approximately, where the event of 12 Dec 2022 is marked.",
                   "vi": "Những người Azerbaijan tự giới thiệu là nhà hoạt động môi trường đứng chắn trên đường gần ngã ba Shusha–Dashalti (Karin Tak) từ ngày 12/12/2022; Armenia và NKR gọi đó là cuộc phong tỏa, Azerbaijan nói giao thông dân sự không bị ngăn cản. Họ tạm dừng cuộc biểu tình lúc 18 giờ ngày 28/4/2023, sau khi trạm kiểm soát tại cầu Hakari được lập. Ký hiệu đặt trên con đường vẽ theo sơ đồ gần ngã ba, ở vị trí gần đúng, nơi đánh dấu sự kiện ngày 12/12/2022."},
          "source": "Position on the schematic road near the Shusha–Dashalti junction, approximate; dates: https://news.am/eng/news/757285.html (Armenian source) and https://apa.az/en/social/azerbaijani-eco-activists-protest-action-on-lachin-khankandi-road-is-temporarily-suspended-photo-video-402053 (Azerbaijani source)"})
    sign("checkpoint-hakari-bridge", 46.527, 39.547,
         {"kind": "checkpoint", "name": {"en": "Azerbaijani checkpoint at the Hakari bridge (from 23 Apr 2023)",
                                         "vi": "Trạm kiểm soát của Azerbaijan tại cầu Hakari (từ 23/4/2023)"},
          "valid_from": "2023-04-23", "approximate": True,
          "note": {"en": "Set up by Azerbaijan's State Border Service where the Lachin road enters from Armenia, on 23 Apr 2023. Armenia called it a gross violation of the 10 Nov 2020 statement; Azerbaijan said it was to stop the transport of troops, weapons and mines. Drawn where the new road enters from Armenia, approximately.",
                   "vi": "Do Cơ quan Biên phòng Nhà nước Azerbaijan lập ngày 23/4/2023, nơi con đường Lachin đi vào từ phía Armenia. Armenia gọi đây là vi phạm nghiêm trọng tuyên bố ngày 10/11/2020; Azerbaijan nói trạm nhằm ngăn việc vận chuyển quân, vũ khí và mìn. Vẽ ở nơi con đường mới đi vào từ phía Armenia, ở vị trí gần đúng."},
          "source": "Where the schematic road road-lachin-corridor-2022 enters from Armenia, approximate; date: https://news.am/eng/news/756701.html (Armenian source) and Reuters via https://www.tribuneindia.com/news/world/tension-escalates-as-azerbaijan-blocks-armenias-access-to-contested-region-500391"})
    talish = Point(46.74083, 40.38139)
    front = loc94.intersection(talish.buffer(0.13))
    line("talish-front", front, {"kind": "front", "name": {"en": "Talish front", "vi": "Mặt trận Talish"},
                                 "valid_from": "1994-04-11", "valid_to": "2020-10-03", "approximate": True,
                                 "note": {"en": "The stretch of the line of contact near Talish, fought over in April 2016 and taken by Azerbaijan on 3 Oct 2020."},
                                 "source": "Natural Earth 4.0 (public domain); dates from facts/timeline.md"})
    return feats

# ---------------------------------------------------------------------------------------------
# Timeline: controllers, and for each phase the controller of every zone at its start plus dated
# changes inside it. Dates and their caveats are from facts/timeline.md and facts/events.md.
CONTROLLERS = [
    {"id": "az", "name": {"en": "Azerbaijan", "vi": "Azerbaijan"}, "colour": "#5b8fb9",
     "description": {"en": "The Azerbaijani state: the Azerbaijan SSR, renamed the Republic of Azerbaijan on 5 Feb 1991; independence restored by the declaration of 30 Aug 1991.",
                     "vi": "Nhà nước Azerbaijan: CHXHCN Xô viết Azerbaijan (từ 5/2/1991 đổi tên thành Cộng hòa Azerbaijan; tuyên bố khôi phục độc lập ngày 30/8/1991)."}},
    {"id": "ka", "name": {"en": "Karabakh Armenian forces (NKR)", "vi": "Lực lượng người Armenia ở Karabakh (NKR)"}, "colour": "#d9883e",
     "description": {"en": "Karabakh Armenian forces and authorities, the Nagorno-Karabakh Republic (Republic of Artsakh from 2017), with Armenia's armed forces: recognised by no UN member state. The European Court of Human Rights (Chiragov v. Armenia, 2015) found that Armenia exercised effective control over the area; Azerbaijan calls it occupation by Armenia, Armenia the NKR's self-defence.",
                     "vi": "Lực lượng và chính quyền người Armenia ở Karabakh, tức Cộng hòa Nagorno-Karabakh (từ 2017 là Cộng hòa Artsakh), cùng lực lượng vũ trang Armenia; không được quốc gia thành viên LHQ nào công nhận. Tòa án Nhân quyền châu Âu (vụ Chiragov kiện Armenia, 2015) kết luận Armenia kiểm soát thực tế khu vực này; Azerbaijan gọi đây là sự chiếm đóng của Armenia, còn Armenia gọi là lực lượng tự vệ của NKR."}},
    {"id": "sov", "name": {"en": "Soviet central administration", "vi": "Chính quyền trung ương Liên Xô"}, "colour": "#9a86b5",
     "description": {"en": "Direct rule from Moscow through the Special Administration Committee, 20 Jan – 28 Nov 1989.",
                     "vi": "Moskva cai quản trực tiếp qua Ủy ban Quản lý Đặc biệt, 20/1 – 28/11/1989."}},
    {"id": "rpk", "name": {"en": "Russian peacekeepers (Lachin corridor)", "vi": "Lực lượng gìn giữ hòa bình Nga (hành lang Lachin)"}, "colour": "#d4b83a",
     "description": {"en": "The corridor linking Armenia and Karabakh under the 10 Nov 2020 statement, controlled by Russian peacekeepers and used by the Karabakh Armenians: through Lachin town until 25 Aug 2022, then on the new road through Mets Shen and Hin Shen until the exodus of September 2023.",
                     "vi": "Hành lang nối Armenia với Karabakh theo tuyên bố ngày 10/11/2020, do lực lượng gìn giữ hòa bình Nga kiểm soát và người Armenia ở Karabakh sử dụng: qua thị trấn Lachin đến ngày 25/8/2022, sau đó trên con đường mới qua Mets Shen và Hin Shen cho đến cuộc di tản tháng 9/2023."}},
    {"id": "contested", "name": {"en": "Contested / front line", "vi": "Đang giao tranh / tiền tuyến"}, "colour": "#a3a3a3",
     "description": {"en": "Fighting, a moving front, or a patchwork of places held by different sides.",
                     "vi": "Đang giao tranh, tiền tuyến thay đổi, hoặc xen kẽ các nơi do các bên khác nhau nắm giữ."}},
]

NKAO_ZONES = ["nkao-core", "nkao-martakert", "nkao-talish", "nkao-shusha", "nkao-hadrut", "nkao-northwest", "nkao-east"]
HELD_1994 = ["nkao-core", "nkao-martakert", "nkao-talish", "nkao-shusha", "nkao-hadrut", "nkao-northwest", "kalbajar",
             "lachin", "lachin-corridor", "qubadli", "zangilan", "jabrayil", "fuzuli-west", "aghdam-west",
             "lachin-corridor-2022", "lachin-corridor-2022-border", "lachin-corridor-2022-shusha", "jabrayil-lele-tepe"]
HELD_2021 = ["nkao-core", "nkao-martakert", "lachin-corridor", "lachin-corridor-2022"]
CORRIDOR_ZONES = ["lachin-corridor", "lachin-corridor-2022"]
# The 2022–2023 corridor zones had, until the new road took over on 26 Aug 2022, the history of the
# zone each was cut from; build_phases() copies it (start sets and dated changes) up to that day.
CORRIDOR_2022_FROM = {"lachin-corridor-2022": "lachin-corridor", "lachin-corridor-2022-border": "lachin",
                      "lachin-corridor-2022-shusha": "nkao-shusha"}
CORRIDOR_2022_START = "2022-08-26"
# Jojug Marjanli followed the Jabrayil district until Azerbaijan retook it (by 6 Jan 1994), Lele Tepe until
# Azerbaijan took it on 2 Apr 2016.
# child zone -> (zone whose start sets and dated changes it copies, first day it no longer does)
INHERIT = {z: (parent, CORRIDOR_2022_START) for z, parent in CORRIDOR_2022_FROM.items()}
INHERIT["jabrayil-jojug-marjanli"] = ("jabrayil", "1994-01-06")
INHERIT["jabrayil-lele-tepe"] = ("jabrayil", "2016-04-02")


def src(title, url):
    return {"title": title, "url": url}


WP = lambda t: src(f"Wikipedia, '{t}'", "https://en.wikipedia.org/wiki/" + t.replace(" ", "_"))

# phase id -> (zones set at the start of the phase, [changes])
# A change: (date, zones, controller, claim note or None, sources)
CONTROL = {
    "P01": ({z: "az" for z in []}, []),  # filled below: everything Azerbaijani
    "P02": ({}, [
        ("1989-01-20", NKAO_ZONES, "sov", None, [src("Los Angeles Times, 15 Jan 1989", "https://www.latimes.com/archives/la-xpm-1989-01-15-mn-748-story.html")]),
        ("1989-11-28", NKAO_ZONES, "az", None, [WP("Special Administration Committee")]),
    ]),
    "P03": ({z: "contested" for z in ["nkao-core", "nkao-martakert", "nkao-talish", "nkao-hadrut", "nkao-northwest"]}, []),
    "P04": ({z: "ka" for z in ["nkao-core", "nkao-martakert", "nkao-talish", "nkao-shusha", "nkao-hadrut", "nkao-northwest"]}, [
        ("1992-05-18", ["lachin", "lachin-corridor"], "ka",
         {"en": "18 May is the date both governments use; other sources give 15 or 16–17 May.",
          "vi": "Ngày 18/5 là ngày cả hai chính phủ dùng; nguồn khác ghi 15 hoặc 16–17/5."},
         [src("Azerbaijani official list (virtualkarabakh.az)", "http://www.virtualkarabakh.az/read.php?lang=2&menu=42&id=5814")]),
    ]),
    "P05": ({"nkao-martakert": "contested", "nkao-talish": "contested", "nkao-northwest": "contested"}, [
        ("1992-07-04", ["nkao-martakert", "nkao-talish", "nkao-northwest"], "az",
         {"en": "Martakert town fell on 4 Jul 1992; the zone's extent is approximate. The zone stays Azerbaijani until 27 Jun 1993, although by an Armenian account the Sarsang reservoir area in it was retaken in February 1993.",
          "vi": "Thị trấn Martakert thất thủ ngày 4/7/1992; phạm vi vùng là ước lượng. Vùng này vẫn thuộc Azerbaijan đến ngày 27/6/1993, dù theo một tài liệu phía Armenia, khu vực hồ chứa Sarsang trong vùng đã được chiếm lại vào tháng 2/1993."},
         [WP("Operation Goranboy"), WP("Martakert"), src("ArmenianHistory.info: History of Karabakh, part 5 (Armenian source)", "https://armenianhistory.info/history-of-karabakh-part5")]),
    ]),
    "P06": ({"kalbajar": "contested"}, [
        ("1993-04-03", ["kalbajar"], "ka",
         {"en": "Kalbajar town fell on 3 Apr 1993; Azerbaijan's official chronology gives 2 Apr.",
          "vi": "Thị trấn Kalbajar thất thủ ngày 3/4/1993; niên biểu chính thức của Azerbaijan ghi ngày 2/4."},
         [WP("Battle of Kalbajar")]),
    ]),
    "P07": ({"nkao-martakert": "ka", "nkao-northwest": "ka"}, []),
    "P08": ({"aghdam-west": "ka"}, []),
    "P09": ({"jabrayil": "contested", "fuzuli-west": "contested"}, [
        ("1993-08-23", ["jabrayil"], "ka",
         {"en": "Dates differ: 18 Aug (Azerbaijani defence ministry, quoted by The Guardian), 23 Aug (Azerbaijani official chronology), 25–26 Aug (Armenian-side dating). The atlas uses 23 Aug.",
          "vi": "Các nguồn khác nhau: 18/8 (Bộ Quốc phòng Azerbaijan, theo The Guardian), 23/8 (niên biểu chính thức Azerbaijan), 25–26/8 (phía Armenia). Atlas dùng ngày 23/8."},
         [src("The Guardian, 20 Aug 1993 (repost)", "https://caucasusrecord.com/?p=442")]),
        ("1993-08-23", ["fuzuli-west"], "ka", None,
         [src("The Independent, Aug 1993", "https://www.independent.co.uk/news/world/armenians-seize-key-town-1463037.html")]),
        ("1993-08-31", ["qubadli"], "ka", None, [src("Today.az", "http://www.today.az/news/politics/185861.html")]),
    ]),
    "P10": ({"fuzuli-horadiz": "ka"}, [
        ("1993-10-29", ["zangilan"], "ka",
         {"en": "29 Oct 1993 (Los Angeles Times; Azerbaijani official); one Azerbaijani outlet says 28–29 Oct.",
          "vi": "29/10/1993 (Los Angeles Times; nguồn chính thức Azerbaijan); một báo Azerbaijan ghi 28–29/10."},
         [src("Los Angeles Times, 1 Nov 1993", "https://www.latimes.com/archives/la-xpm-1993-11-01-mn-51997-story.html")]),
    ]),
    "P11": ({"fuzuli-horadiz": "az", "jabrayil-jojug-marjanli": "az"}, [
        ("1994-04-11", ["nkao-talish"], "ka",
         {"en": "Madagiz was retaken on 10 Apr and Talish on 11 Apr 1994.",
          "vi": "Madagiz bị chiếm lại ngày 10/4 và Talish ngày 11/4/1994."},
         [WP("Talish, Tartar")]),
    ]),
    "P12": ({}, []),
    "P13": ({"jabrayil-lele-tepe": "az"}, []),
    "P14": ({}, []),
    "P15": ({}, [
        ("2020-10-03", ["nkao-talish"], "az", None, [WP("Madagiz offensive")]),
        ("2020-10-04", ["jabrayil"], "az",
         {"en": "Date of Azerbaijan's announcement of Jabrayil town (footage from it only on 9 Oct); the whole district changes that day, but Azerbaijan announced the capture of its villages until about 21 Oct.",
          "vi": "Ngày Azerbaijan tuyên bố chiếm thị trấn Jabrayil (đến ngày 9/10 mới có hình ảnh quay tại đây); cả huyện đổi chủ từ ngày đó, nhưng Azerbaijan còn tuyên bố chiếm các làng trong huyện cho đến khoảng ngày 21/10."},
         [src("Turan", "https://turan.az/en/politics/jabrayil-regional-center-villages-around-liberated"),
          src("Al-Masdar News: Azerbaijan announces capture of Jabrayil villages", "https://www.almasdarnews.com/article/azerbaijan-announces-capture-of-strategic-city-in-karabakh/")]),
        ("2020-10-09", ["nkao-hadrut"], "az",
         {"en": "Date of Azerbaijan's claim to Hadrut; the NKR denied it, Russian reporters filmed the town Armenian-held on 10 Oct, and independent sources confirmed Azerbaijani control on 14–15 Oct. The whole zone changes on the day of the claim, although villages in it fell until November.",
          "vi": "Ngày Azerbaijan tuyên bố chiếm Hadrut; NKR bác bỏ, phóng viên Nga quay được cảnh thị trấn vẫn do phía Armenia nắm giữ ngày 10/10, và các nguồn độc lập xác nhận Azerbaijan kiểm soát vào ngày 14–15/10. Cả vùng đổi chủ từ ngày có tuyên bố, dù các làng trong vùng còn thất thủ cho đến tháng 11."},
         [src("Armenpress", "https://armenpress.am/eng/news/1031038/"), WP("Hadrut Province"),
          src("Bellingcat, 15 Oct 2020: an execution in Hadrut", "http://www.bellingcat.com/news/rest-of-world/2020/10/15/an-execution-in-hadrut-karabakh/")]),
        ("2020-10-17", ["fuzuli-west"], "az",
         {"en": "Date of Azerbaijan's announcement that it had taken Fuzuli town; the remaining villages followed by 9 Nov.",
          "vi": "Ngày Azerbaijan tuyên bố chiếm thị trấn Fuzuli; các làng còn lại bị chiếm đến ngày 9/11."},
         [src("Trend", "https://en.trend.az/azerbaijan/politics/3318694.html")]),
        ("2020-10-20", ["zangilan"], "az", {"en": "Date of Azerbaijan's announcement for the town and the villages along the Araz; the whole district changes that day.",
                                              "vi": "Ngày Azerbaijan tuyên bố chiếm thị trấn và các làng dọc sông Araz; cả huyện đổi chủ từ ngày đó."},
         [src("Today.az", "http://www.today.az/news/politics/199004.html")]),
        ("2020-10-25", ["qubadli"], "az",
         {"en": "Date of Azerbaijan's announcement; Armenia's defence ministry acknowledged the loss of the town on 26 Oct.",
          "vi": "Ngày Azerbaijan tuyên bố; Bộ Quốc phòng Armenia thừa nhận mất thị trấn ngày 26/10."},
         [src("AzerNews", "https://azernews.az/nation/171411.html")]),
        ("2020-11-08", ["nkao-shusha"], "az",
         {"en": "Azerbaijan announced the capture of Shusha on 8 Nov; the NKR confirmed the loss on 9 Nov.",
          "vi": "Azerbaijan tuyên bố chiếm Shusha ngày 8/11; NKR xác nhận mất thị trấn ngày 9/11."},
         [src("Al Arabiya, 8 Nov 2020", "https://english.alarabiya.net/en/News/world/2020/11/08/Azerbaijan-says-it-has-captured-Nagorno-Karabakh-town-of-Shusha")]),
    ]),
    "P16": ({"lachin-corridor": "rpk"}, [
        ("2020-11-20", ["aghdam-west"], "az", None, [src("TASS", "https://tass.com/world/1229757")]),
        ("2020-11-25", ["kalbajar", "nkao-northwest"], "az",
         {"en": "Handover date (moved from 15 Nov at Armenia's request). The uninhabited north-western NKAO strip, outside Natural Earth's 2020 line, is shown changing with it; reports say the handover followed the Soviet-era line (Charektar and Aknaberd stayed Armenian-held and are drawn so), so the strip's date is uncertain.",
          "vi": "Ngày bàn giao (dời từ 15/11 theo đề nghị của Armenia). Dải đất không có dân ở tây bắc NKAO, nằm ngoài đường năm 2020 của Natural Earth, được thể hiện là đổi chủ cùng lúc; các nguồn tin cho biết việc bàn giao theo ranh giới thời Xô viết (Charektar và Aknaberd vẫn do người Armenia nắm giữ và được vẽ như vậy), nên ngày đổi chủ của dải đất này không chắc chắn."},
         [src("TASS", "https://tass.com/world/1229757"), src("JAMnews", "https://jam-news.net/trilateral-agreement-kelbajar-region-postponement-of-november-25-azerbaijan-news/"),
          src("Armenia Today (armedia.am): Charektar and Aknaberd to remain under Armenian control (Armenian source)", "https://armedia.am/eng/news/89831/artsakhs-charektar-and-aknaberd-villages-to-remain-under-armenian-partys-control.html")]),
    ]),
    "P17": ({"lachin": "az"}, []),
    "P18": ({"lachin-corridor": "az", "lachin-corridor-2022": "rpk", "lachin-corridor-2022-border": "rpk",
             "lachin-corridor-2022-shusha": "rpk"}, []),
    "P19": ({}, []),
    "P20": ({"nkao-core": "contested", "nkao-martakert": "contested"}, []),
    "P21": ({"nkao-core": "az", "nkao-martakert": "az"}, [
        ("2023-10-01", ["lachin-corridor-2022", "lachin-corridor-2022-border", "lachin-corridor-2022-shusha"], "az",
         {"en": "The corridor's purpose ended with the exodus: Armenia's government counted 100,417 arrivals by 30 Sep 2023, and the map ends the corridor that day. The Russian peacekeepers closed their posts only gradually (the last in the Lachin district in November 2023).",
          "vi": "Hành lang hết vai trò khi cuộc di tản kết thúc: chính phủ Armenia ghi nhận 100.417 người đến tính tới ngày 30/9/2023, và bản đồ kết thúc hành lang vào ngày đó. Lực lượng gìn giữ hòa bình Nga chỉ đóng dần các trạm của họ (trạm cuối cùng ở huyện Lachin vào tháng 11/2023)."},
         [src("DW, 30 Sep 2023: over 100,000 flee to Armenia", "https://www.dw.com/en/nagorno-karabakh-over-100000-flee-to-armenia/a-66969667"),
          src("AzerNews, 6 Oct 2023: Russian peacekeepers close posts (Russian MoD; Azerbaijani outlet)", "https://www.azernews.az/karabakh/215724.html"),
          src("Balkan Periscope, 23 Nov 2023: peacekeepers close a post in the Lachin region (Russian MoD)", "https://www.echedoros-a.gr/2023/11/russian-peacekeepers-close-down-another.html")]),
    ]),
    "P22": ({}, []),
    "P23": ({}, []),
}


def build_phases(zone_ids):
    with open(os.path.join(TEXT, "phases.json"), encoding="utf-8") as f:
        texts = json.load(f)
    state = {z: "az" for z in zone_ids}
    phases = []
    for t in texts:
        start_set, changes = CONTROL[t["id"]]
        start_set = dict(start_set)
        for child, (parent, until) in INHERIT.items():
            if t["start"] < until and parent in start_set and child not in start_set:
                start_set[child] = start_set[parent]
        state.update(start_set)
        control = dict(state)
        out_changes = []
        for d, zs, ctl, claim, sources in changes:
            zs = list(zs) + [c for c, (parent, until) in INHERIT.items() if parent in zs and d < until and c not in zs]
            for z in zs:
                state[z] = ctl
            ch = {"date": d, "zones": zs, "controller": ctl, "sources": sources}
            if claim:
                ch["claim"] = claim
            out_changes.append(ch)
        p = {"id": t["id"], "start": t["start"], "end": t["end"], "title": t["title"], "summary": t["summary"],
             "sources": t["sources"], "control": control}
        if out_changes:
            p["changes"] = out_changes
        phases.append(p)
    return phases


def build_events():
    with open(os.path.join(TEXT, "events.json"), encoding="utf-8") as f:
        return json.load(f)


def main():
    os.makedirs(OUT, exist_ok=True)
    report = ["# Build report (tools/build_atlas.py)", "", "Geodesic areas on the WGS84 ellipsoid (pyproj).", ""]

    # Regions
    region_feats = []
    report += ["| region | as drawn (Soviet period) km² | today's boundaries km² | official km² | diff |", "|---|---|---|---|---|"]
    meta = {"nkao": ("Nagorno-Karabakh Autonomous Oblast (NKAO)", "Tỉnh tự trị Nagorno-Karabakh (NKAO)",
                     "Dağlıq Qarabağ Muxtar Vilayəti", "Lernayin Gharabaghi Inknavar Marz", 4388, 10, None)}
    for rid, code, en, az, hy, official, tol in SEVEN:
        meta[rid] = (f"{en} district", VI_DISTRICT.format(en), f"{az} rayonu", hy, official, tol, "district-" + code)
    for rid, g in regions.items():
        en, vi, az, hy, official, tol, today = meta[rid]
        today_g = shape(districts_ref[today]["geometry"]) if today else g
        a, at = km2(g), km2(today_g)
        report.append(f"| {rid} | {a:,.0f} | {at:,.0f} | {official:,} | {100 * (at - official) / official:+.1f} % |")
        label = {"en": "NKAO", "vi": "NKAO"} if rid == "nkao" else {"en": en.replace(" district", ""), "vi": en.replace(" district", "")}
        props = {"name": {"en": en, "vi": vi}, "label": label, "name_az": az, "name_hy": hy, "official_area_km2": official,
                 "area_tolerance_pct": tol, "source": NE}
        if today:
            props["today_boundary"] = today
        if rid == "nkao":
            # The region the atlas is about: drawn with a strong outline.
            props["emphasis"] = True
            props["valid_to"] = "1991-11-26"
        if tol != 10:
            props["area_note"] = {"en": "Natural Earth's polygon of today's district is 19% smaller than the official figure (its Khojavend polygon reaches over the district); held to a 20% tolerance. The region as drawn, with the eastern end Natural Earth gives to Fuzuli given back, is 7% smaller.",
                                  "vi": "Đa giác huyện hiện nay của Natural Earth nhỏ hơn số liệu chính thức 19% (đa giác Khojavend lấn sang huyện này); dung sai 20%. Vùng được vẽ ở đây, sau khi trả lại phần cực đông mà Natural Earth gán cho Fuzuli, nhỏ hơn 7%."}
        region_feats.append(feature(rid, rounded(g), props))
    overlap = sum(km2(regions["nkao"].intersection(regions[r])) for r, *_ in SEVEN)
    report += ["", f"Overlap of the NKAO with the seven districts as drawn: {overlap:.3f} km²", ""]

    # Zones
    zone_geoms = {}
    zone_feats = []
    report += ["| zone | region | km² |", "|---|---|---|"]
    for zid, rid, g in zones:
        g = rounded(g)
        zone_geoms[zid] = g
        en, vi, approx, note = ZONE_TEXT[zid]
        props = {"name": {"en": en, "vi": vi}, "region": rid, "approximate": approx, "note": {"en": note, "vi": ZONE_NOTES_VI[zid]}, "source": NE}
        zone_feats.append(feature(zid, g, props))
        report.append(f"| {zid} | {rid} | {km2(g):,.1f} |")
    for rid, g in regions.items():
        covered = sum(km2(zg) for z, r, zg in zones if r == rid)
        report.append(f"| (gap) | {rid} | {km2(g) - covered:,.2f} |")
    held94 = sum(km2(zone_geoms[z]) for z in HELD_1994)
    held21 = sum(km2(zone_geoms[z]) for z in HELD_2021 if z not in CORRIDOR_ZONES)
    report += ["", f"Held by the Armenian side in 1994–2020 (zones): {held94:,.0f} km² (NKR figure 11,458)",
               f"Held by the Armenian side from 1 Dec 2020 (zones, without the corridor): {held21:,.0f} km² (about 3,170 with the corridor)",
               f"Lachin corridor zones 2020–2022 (lachin-corridor + lachin-corridor-2022): {sum(km2(zone_geoms[z]) for z in CORRIDOR_ZONES):,.0f} km²",
               f"Lachin corridor zones 2022–2023 (the three lachin-corridor-2022 zones): {sum(km2(zone_geoms[z]) for z in CORRIDOR_2022_FROM):,.0f} km²",
               f"Western Fuzuli (fuzuli-west) as a share of the Fuzuli district as drawn: {100 * km2(zone_geoms['fuzuli-west']) / km2(regions['fuzuli']):.1f} %",
               f"Western Aghdam (aghdam-west) as a share of the Aghdam district as drawn: {100 * km2(zone_geoms['aghdam-west']) / km2(regions['aghdam']):.1f} %",
               f"NKAO held by the Armenian side on 1994-06-01 (zones): {100 * (1 - km2(zone_geoms['nkao-east']) / km2(regions['nkao'])):.1f} %", ""]

    # Context: countries and today's districts
    ctx = []
    for cid, f in countries_ref.items():
        name = f["properties"]["name"]
        g = rounded(shape(f["geometry"]))
        at = COUNTRY_LABEL_AT[cid]
        if not g.contains(Point(at)) or any(r.distance(Point(at)) < 0.2 for r in regions.values()):
            sys.exit(f"label_at of {cid} must lie inside the country and at least 0.2° from the regions")
        ctx.append(feature(cid, g, {"kind": "country", "name": {"en": name, "vi": COUNTRY_VI.get(name, name)}, "label_at": at, "source": "Natural Earth 5.1.1 (public domain)"}))
    for did, f in districts_ref.items():
        p = f["properties"]
        props = {"kind": "district", "name": {"en": p["name"]}, "source": "Natural Earth 5.x admin-1 lines (public domain), post-1991 boundaries"}
        if p.get("name_az"):
            props["name_az"] = p["name_az"]
        ctx.append(feature(did, rounded(shape(f["geometry"])), props))

    lines = lines_features(zone_geoms)

    atlas = {
        "format": "karabakh-atlas/1",
        "id": "karabakh",
        "title": {"en": "Nagorno-Karabakh and the seven surrounding districts, 1923 – today",
                  "vi": "Nagorno-Karabakh và bảy huyện xung quanh, 1923 – nay"},
        "description": {"en": "Who controlled each part of the former Nagorno-Karabakh Autonomous Oblast and the seven districts around it, from the oblast's creation on 7 July 1923 to today.",
                        "vi": "Bên nào kiểm soát từng phần của Tỉnh tự trị Nagorno-Karabakh cũ và bảy huyện xung quanh, từ khi tỉnh được lập ngày 7/7/1923 đến nay."},
        "attribution": {
            "en": "Geometry: Natural Earth (public domain). Relief: NOAA National Geophysical Data Center. 1999: GLOBE v.1. Settlements: Who's On First (CC0) and GeoNames (geonames.org), CC BY 4.0. Some coordinates and facts: Wikipedia.",
            "vi": "Hình học: Natural Earth (phạm vi công cộng). Địa hình: NOAA National Geophysical Data Center. 1999: GLOBE v.1. Khu dân cư: Who's On First (CC0) và GeoNames (geonames.org), CC BY 4.0. Một số tọa độ và dữ kiện: Wikipedia.",
        },
        "default_date": "2020-10-05",
        # The two naming traditions of the places, read from name_hy/name_az (and label_hy/label_az).
        "name_traditions": [
            {"key": "hy", "label": {"en": "Armenian usage", "vi": "Theo cách gọi của Armenia"}},
            {"key": "az", "label": {"en": "Azerbaijani usage", "vi": "Theo cách gọi của Azerbaijan"}},
        ],
        "controllers": CONTROLLERS,
        "phases": build_phases([z for z, _, _ in zones]),
        "events": build_events(),
    }
    write("regions.geojson", fc(region_feats))
    write("zones.geojson", fc(zone_feats))
    write("context.geojson", fc(ctx))
    write("lines.geojson", fc(lines))
    with open(os.path.join(OUT, "atlas.json"), "w", encoding="utf-8") as f:
        json.dump(atlas, f, ensure_ascii=False, indent=1)
        f.write("\n")
    verts = 0
    for name in ["regions", "zones", "context", "lines"]:
        with open(os.path.join(OUT, name + ".geojson"), encoding="utf-8") as f:
            s = f.read()
        verts += s.count("],[") + 1
    report += [f"Vertices written (all layers, approx.): {verts:,}", "", "## Corrections", ""] + [f"- {c}" for c in CORRECTIONS]
    with open(os.path.join(ROOT, "data", "build_report.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(report) + "\n")
    print("\n".join(report))


if __name__ == "__main__":
    main()
