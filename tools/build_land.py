#!/usr/bin/env python3
"""Build the land layers of the Karabakh atlas (assets/karabakh/) from data/reference/.

Reproducible: the same inputs give the same bytes. Needs Python 3.10+ with shapely>=2 and pyproj:

    pip install shapely pyproj
    python3 tools/build_atlas.py     # first: writes regions.geojson, which this script reads
    python3 tools/build_land.py

Inputs (all committed; tools/import_reference.py brings them in, data/reference/MANIFEST.sha256):
  data/reference/physical/{rivers,lakes,peaks,roads_schematic}.geojson, relief_globe_30s.{bil,hdr}
  data/reference/settlements/settlements.csv      Who's On First localities (CC0 / GeoNames CC BY 4.0)
  data/reference/places.geojson                   curated place points (GeoNames / Wikipedia)
  data/reference/locator/countries-50m.json       Natural Earth 1:50m countries (TopoJSON)
  assets/karabakh/regions.geojson                 the eight regions, as tools/build_atlas.py drew them
Outputs: assets/karabakh/{elevation.hdr, elevation.bil, water.geojson, heights.geojson,
roads.geojson, places.geojson, locator.geojson} and data/land_report.md.

Names: `name` is the English name; `name_az` Azerbaijani (Latin); `name_hy` the Armenian-usage name
romanised (BGN/PCGN 1981, simplified as described at `romanise_hy`); `other_names` every other
spelling we have (Armenian script, Russian, GeoNames/WOF forms, Natural Earth alternatives), so a
search finds a place under any of them.
"""
import csv
import hashlib
import json
import math
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, Polygon, box, mapping, shape
from shapely.geometry.polygon import orient
from shapely.ops import linemerge, unary_union

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REF = os.path.join(ROOT, "data", "reference")
OUT = os.path.join(ROOT, "assets", "karabakh")


# ---------------------------------------------------------------------------------------------
# Output helpers: compact JSON, one feature a line, coordinates rounded.
def _round(c, nd):
    if isinstance(c, (list, tuple)):
        if c and isinstance(c[0], (int, float)):
            return [round(float(v), nd) for v in c]
        return [_round(x, nd) for x in c]
    return c


def geom_json(g, nd=5):
    m = mapping(g)
    return {"type": m["type"], "coordinates": _round(m["coordinates"], nd)}


def feature(fid, props, geom):
    return {"type": "Feature", "id": fid, "properties": props, "geometry": geom}


def dumps(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def write_fc(name, features):
    """A FeatureCollection with one feature on each line (so the loader's line numbers name a feature)."""
    body = ",\n".join(dumps(f) for f in features)
    text = '{"type":"FeatureCollection","features":[\n' + body + "\n]}\n"
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return len(text.encode("utf-8"))


def load_fc(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["features"]


def text(en, vi=None):
    return {"en": en, "vi": vi} if vi is not None else {"en": en}


def distinct(names, exclude=()):
    """Distinct non-empty strings in order, without any equal (case-insensitively) to `exclude`."""
    seen = {e.casefold() for e in exclude if e}
    out = []
    for n in names:
        n = (n or "").strip()
        if n and n.casefold() not in seen:
            seen.add(n.casefold())
            out.append(n)
    return out


def km(lon1, lat1, lon2, lat2):
    """Great-circle distance in km (spherical, R = 6371 km): enough to compare points a few km apart."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


# ---------------------------------------------------------------------------------------------
# Romanisation.
# Armenian: BGN/PCGN 1981 (Eastern Armenian), with its context rules: ե is "ye" at the start of a word
# and after a vowel letter (ա ե է ը ի ո ու օ), else "e"; ո is "vo" at the start of a word (but ու is
# "u"), else "o"; և is "yev" at the start and after a vowel, else "ev". Two simplifications, as in
# English-language maps and the curated names (Stepanakert, Karvachar, Berdzor): the aspiration
# apostrophes of թ չ ց փ ք are left out, and ռ is written "r" like ր (BGN/PCGN: "rr").
HY = {
    "ա": "a", "բ": "b", "գ": "g", "դ": "d", "զ": "z", "է": "e", "ը": "y", "թ": "t", "ժ": "zh",
    "ի": "i", "լ": "l", "խ": "kh", "ծ": "ts", "կ": "k", "հ": "h", "ձ": "dz", "ղ": "gh", "ճ": "ch",
    "մ": "m", "յ": "y", "ն": "n", "շ": "sh", "չ": "ch", "պ": "p", "ջ": "j", "ռ": "r", "ս": "s",
    "վ": "v", "տ": "t", "ր": "r", "ց": "ts", "փ": "p", "ք": "k", "օ": "o", "ֆ": "f", "ւ": "v",
}
HY_VOWELS = set("աեէըիոօ")


def romanise_hy(s):
    out = []
    low = s.lower()
    i = 0
    while i < len(low):
        c = low[i]
        upper = s[i] != c
        start = i == 0 or not low[i - 1].isalpha()
        after_vowel = i > 0 and (low[i - 1] in HY_VOWELS or (low[i - 1] == "ւ" and i > 1 and low[i - 2] == "ո"))
        if c == "ո" and i + 1 < len(low) and low[i + 1] == "ւ":
            r, i = "u", i + 2
        elif c == "ո":
            r, i = ("vo" if start else "o"), i + 1
        elif c == "ե":
            r, i = ("ye" if start or after_vowel else "e"), i + 1
        elif c == "և":
            r, i = ("yev" if start or after_vowel else "ev"), i + 1
        elif c in HY:
            r, i = HY[c], i + 1
        elif c in "’'՚":
            r, i = "", i + 1
        else:
            r, i = s[i], i + 1
        if upper and r:
            r = r[0].upper() + r[1:]
        out.append(r)
    return "".join(out)


def has_armenian(s):
    return any("\u0530" <= ch <= "\u058f" for ch in s)


# Azerbaijani Latin -> Wikipedia-style English (ə→a, ş→sh, ç→ch, ğ→gh, x→kh, c→j, ı→i, ö→o, ü→u; q kept).
AZ_EN = {"ə": "a", "ş": "sh", "ç": "ch", "ğ": "gh", "x": "kh", "c": "j", "ı": "i", "i": "i", "ö": "o", "ü": "u", "ë": "e", "’": ""}


def az_to_en(s):
    out = []
    for ch in s:
        if ch == "İ":
            out.append("I")
            continue
        low = ch.lower()
        r = AZ_EN.get(low)
        if r is None:
            out.append(ch)
        elif ch != low and r:
            out.append(r[0].upper() + r[1:])
        else:
            out.append(r)
    return "".join(out)


def fold(s):
    """For comparing names across spellings: Azerbaijani letters transliterated, accents dropped, lower case."""
    s = az_to_en(s or "")
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if ch.isalnum()).lower()


def unaccent(s):
    """For comparing Azerbaijani spellings that differ only in diacritics (Canyataq = Çanyataq)."""
    s = (s or "").replace("ı", "i").replace("İ", "I").replace("ə", "e").replace("Ə", "E")
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if ch.isalnum()).lower()


def same_name(a, b):
    return bool(a and b) and (fold(a) == fold(b) or unaccent(a) == unaccent(b))


def strip_qualifier(title):
    """'Sus, Lachin' -> 'Sus'; 'Aghdara (town)' -> 'Aghdara'; 'Ağbulaq (Mysmana), Khojavend' -> 'Ağbulaq'."""
    t = title.split(",")[0]
    t = re.sub(r"\s*\([^)]*\)", "", t)
    return t.strip()


# ---------------------------------------------------------------------------------------------
# Elevation: the GLOBE crop, copied unchanged.
def build_elevation(report):
    src_hdr = os.path.join(REF, "physical", "relief_globe_30s.hdr")
    src_bil = os.path.join(REF, "physical", "relief_globe_30s.bil")
    with open(src_hdr, encoding="ascii") as f:
        hdr = dict(line.split(None, 1) for line in f.read().splitlines() if line.strip())
    hdr = {k.upper(): v.strip() for k, v in hdr.items()}
    need = {"BYTEORDER": "I", "LAYOUT": "BIL", "NBANDS": "1", "NBITS": "16", "PIXELTYPE": "SIGNEDINT"}
    for k, v in need.items():
        if hdr.get(k) != v:
            sys.exit(f"elevation: header {k} is {hdr.get(k)!r}, expected {v}")
    for k in ["NROWS", "NCOLS", "ULXMAP", "ULYMAP", "XDIM", "YDIM", "NODATA"]:
        if k not in hdr:
            sys.exit(f"elevation: header has no {k}")
    rows, cols = int(hdr["NROWS"]), int(hdr["NCOLS"])
    size = os.path.getsize(src_bil)
    if size != rows * cols * 2:
        sys.exit(f"elevation: {src_bil} has {size} bytes, expected {rows}×{cols}×2")
    with open(src_bil, "rb") as f:
        data = f.read()
    with open(src_hdr, "rb") as f:
        hdr_bytes = f.read()
    for name, b in [("elevation.hdr", hdr_bytes), ("elevation.bil", data)]:
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(b)
    vals = [int.from_bytes(data[i:i + 2], "little", signed=True) for i in range(0, len(data), 2)]
    report += ["## Elevation", "",
               f"`elevation.hdr` + `elevation.bil`: the GLOBE 30″ crop copied unchanged: {cols} columns × {rows} rows, "
               f"int16 little-endian, upper-left cell centre {hdr['ULXMAP']} E {hdr['ULYMAP']} N, cell {hdr['XDIM']}°, "
               f"values {min(vals):,}–{max(vals):,} m, NODATA {hdr['NODATA']} ({sum(1 for v in vals if v == int(hdr['NODATA']))} cells).", ""]


# ---------------------------------------------------------------------------------------------
# Water: rivers and lakes from Natural Earth (via data/reference/physical), names and notes by hand.
# id -> (source ids, en, vi, name_hy, name_az, other_names, kind, rank, note_en, note_vi)
WATER = [
    ("river-aras", ["river-ne-911-river"], "Aras", "Sông Aras", "Araks", "Araz", ["Արաքս", "Аракс", "Araxes"], "river", 1,
     "Border with Iran: the Aras is the frontier of Nakhchivan, Armenia and Azerbaijan along this stretch, including the southern edge of Fuzuli, Jabrayil and Zangilan.",
     "Biên giới với Iran: trên đoạn này sông Aras là biên giới của Nakhchivan, Armenia và Azerbaijan, kể cả rìa phía nam của Fuzuli, Jabrayil và Zangilan."),
    ("river-kura", ["river-ne-747-river", "river-ne-747-lake-centerline"], "Kura", "Sông Kura", "Kur", "Kür", ["Կուր", "Кура"], "river", 1,
     "The main river of the South Caucasus; the line through the Mingachevir Reservoir is Natural Earth's centre line of the reservoir.",
     "Con sông chính của Nam Kavkaz; đoạn chạy qua hồ chứa Mingachevir là đường trung tâm của hồ theo Natural Earth."),
    ("river-terter", ["river-ne-406293-river"], "Terter", "Sông Terter", "Tartar", "Tərtər", ["Թարթառ", "Тертер", "Tartar"], "river", 2,
     "Natural Earth's only river across the former NKAO; it passes within about 1 km of Kalbajar town, the Sarsang dam and Tartar town.",
     "Con sông duy nhất chảy qua NKAO cũ trong dữ liệu Natural Earth; sông chảy cách thị trấn Kalbajar, đập Sarsang và thị trấn Tartar khoảng 1 km."),
    ("river-vorotan", ["river-ne-406469-vorotan"], "Vorotan", "Sông Vorotan", "Vorotan", "Bərgüşad", ["Որոտան", "Воротан", "Bazarçay"], "river", 2,
     "From Sisian in Armenia through Qubadli to its confluence with the Hakari; Natural Earth's line was split there.",
     "Từ Sisian ở Armenia chảy qua Qubadli đến chỗ hợp lưu với sông Hakari; đường của Natural Earth được tách tại đó."),
    ("river-hakari", ["river-ne-406469-hakari"], "Hakari (lower course)", "Sông Hakari (hạ lưu)", "Hakari", "Həkəri", ["Հակարի", "Հագարի", "Hagari", "Акера", "Akera"], "river", 2,
     "Only the last 13 km, from the Vorotan confluence to the Aras; the upper Hakari through Lachin and Kalbajar is in no open vector source.",
     "Chỉ 13 km cuối, từ chỗ hợp lưu với sông Vorotan đến sông Aras; thượng nguồn sông Hakari qua Lachin và Kalbajar không có trong nguồn dữ liệu mở nào."),
    ("river-hrazdan", ["river-ne-401498-river", "river-ne-401498-lake-centerline"], "Hrazdan", "Sông Hrazdan", "Hrazdan", None, ["Հրազդան", "Раздан"], "river", 2, None, None),
    ("river-karasu", ["river-ne-401163-river"], "Karasu", "Sông Karasu", None, None, [], "river", 3, None, None),
    ("river-alazani", ["river-ne-405440-river", "river-ne-405440-lake-centerline"], "Alazani", "Sông Alazani", None, None, [], "river", 3, None, None),
    ("river-iori", ["river-ne-406228-river", "river-ne-406228-lake-centerline"], "Iori", "Sông Iori", None, None, [], "river", 3, None, None),
    ("river-pambak", ["river-ne-406827-river"], "Pambak", "Sông Pambak", None, None, ["Debed"], "river", 3,
     "Natural Earth's alternative name: Debed.", "Tên khác trong Natural Earth: Debed."),
    ("river-qotur", ["river-ne-407551-river"], "Qotur / Ghotour Chai", "Sông Qotur (Ghotour Chai)", None, None, ["Qotur/Ghotour Chai"], "river", 3, None, None),
    ("river-ne-405225", ["river-ne-405225-river"], None, None, None, None, [], "river", 4, None, None),
    ("river-ne-407498", ["river-ne-407498-river"], None, None, None, None, [], "river", 4, None, None),
    ("river-ne-408956", ["river-ne-408956-river"], None, None, None, None, [], "river", 4, None, None),
    ("river-ne-408978", ["river-ne-408978-river"], None, None, None, None, [], "river", 4, None, None),
    ("lake-sevan", ["lake-sevan"], "Lake Sevan", "Hồ Sevan", "Sevana lich", "Göyçə gölü", ["Սևանա լիճ", "Севан", "Sevan"], "lake", 1, None, None),
    ("reservoir-mingachevir", ["lake-mingachevir"], "Mingachevir Reservoir", "Hồ chứa Mingachevir", None, "Mingəçevir su anbarı",
     ["Мингечаурское водохранилище", "Mingevir Reservoir"], "reservoir", 1,
     "Natural Earth names it 'Mingevir Reservoir'.", "Natural Earth ghi tên là 'Mingevir Reservoir'."),
    ("lake-urmia", ["lake-urmia"], "Lake Urmia", "Hồ Urmia", None, "Urmiya gölü", ["Урмия"], "lake", 2,
     "A salt lake in Iran; only its northern tip lies on the map.", "Hồ nước mặn ở Iran; chỉ phần mũi phía bắc nằm trong bản đồ."),
    ("reservoir-araz", ["lake-araz-reservoir"], "Araz reservoir", "Hồ chứa Araz", None, "Araz su anbarı", [], "reservoir", 2,
     "Unnamed in Natural Earth; identified by its position on the Aras between Nakhchivan and Iran.",
     "Không có tên trong Natural Earth; được xác định nhờ vị trí trên sông Aras giữa Nakhchivan và Iran."),
    ("lake-ne-82053", ["lake-ne-untitled-82053"], None, None, None, None, [], "lake", 4,
     "A small lake in the Kura–Aras lowland, unnamed in Natural Earth and not identified.",
     "Một hồ nhỏ ở vùng đất thấp Kura–Aras, không có tên trong Natural Earth và chưa xác định được."),
    ("reservoir-sarsang", ["reservoir-sarsang"], "Sarsang reservoir", "Hồ chứa Sarsang", "Sarsangi jrambar", "Sərsəng su anbarı",
     ["Սարսանգի ջրամբար", "Сарсангское водохранилище", "Sarsang"], "reservoir", 2,
     "On the Terter, upstream of the dam: built 1976, dam 125 m high, normal water level 726 m, about 11.75 × 1.75 km, 14.2 km². Outline not available: drawn as a point.",
     "Trên sông Terter, phía thượng lưu đập: xây năm 1976, đập cao 125 m, mực nước dâng bình thường 726 m, khoảng 11,75 × 1,75 km, 14,2 km². Không có đường viền: vẽ bằng một điểm."),
]


def merged_lines(geoms):
    lines = []
    for g in geoms:
        lines += list(g.geoms) if isinstance(g, MultiLineString) else [g]
    m = linemerge(lines) if len(lines) > 1 else lines[0]
    parts = list(m.geoms) if isinstance(m, MultiLineString) else [m]
    parts.sort(key=lambda l: (l.coords[0], l.coords[-1]))
    return parts[0] if len(parts) == 1 else MultiLineString(parts)


def build_water(report):
    src = {f["id"]: f for f in load_fc(os.path.join(REF, "physical", "rivers.geojson"))}
    src.update({f["id"]: f for f in load_fc(os.path.join(REF, "physical", "lakes.geojson"))})
    used = set()
    feats = []
    rows = []
    for wid, ids, en, vi, hy, az, other, kind, rank, note_en, note_vi in WATER:
        fs = [src[i] for i in ids]
        used.update(ids)
        geoms = [shape(f["geometry"]) for f in fs]
        if kind == "river":
            g = merged_lines(geoms)
        else:
            g = geoms[0]
            if isinstance(g, (Polygon, MultiPolygon)):
                g = orient(g, 1.0) if isinstance(g, Polygon) else MultiPolygon([orient(p, 1.0) for p in g.geoms])
        p = fs[0]["properties"]
        props = {}
        if en:
            props["name"] = text(en, vi)
        if hy:
            props["name_hy"] = hy
        if az:
            props["name_az"] = az
        ne_names = [f["properties"].get("ne_name", "") for f in fs] + [f["properties"].get("ne_name_alt", "") for f in fs]
        others = distinct(other + ne_names + [f["properties"].get("name_ru", "") for f in fs], exclude=[en or "", hy or "", az or ""])
        if others:
            props["other_names"] = others
        props["kind"] = kind
        props["rank"] = rank
        if note_en:
            props["note"] = text(note_en, note_vi)
        elif not en:
            props["note"] = text("Unnamed in Natural Earth.", "Không có tên trong Natural Earth.")
        props["source"] = " ; ".join(distinct([f["properties"]["source"] for f in fs]))
        feats.append(feature(wid, props, geom_json(g)))
        rows.append(f"| {wid} | {en or '(unnamed)'} | {kind} | {rank} | {g.geom_type} | {' + '.join(ids)} |")
    missing = set(src) - used
    if missing:
        sys.exit(f"water: source features not used: {sorted(missing)}")
    size = write_fc("water.geojson", feats)
    report += ["## Water (`water.geojson`)", "",
               f"{len(feats)} features ({size:,} bytes): {sum(1 for f in feats if f['properties']['kind'] == 'river')} rivers, "
               f"{sum(1 for f in feats if f['properties']['kind'] == 'lake')} lakes, {sum(1 for f in feats if f['properties']['kind'] == 'reservoir')} reservoirs "
               "(Sarsang as a point). The Natural Earth river and lake-centreline pieces of one river are merged into one feature.", "",
               "| id | name | kind | rank | geometry | from |", "|---|---|---|---|---|---|"] + rows + [""]


# ---------------------------------------------------------------------------------------------
# Heights
# id -> (kind, en, vi, name_hy, other_names, note_en, note_vi); elevations and DEM values from the source.
HEIGHTS = {
    "peak-gamish": ("peak", "Gamish (Gomshasar)", "Núi Gamish (Gomshasar)", "Gomshasar", ["Գոմշասար", "Gyamysh", "Qamışdağ"],
                    "{elev} m is the summit (en.wikipedia 'Murovdag'; garabagh.net gives 3,774 m). The point is ru.wikipedia's point for the Murovdag range, whose highest peak Gamish is, and may not be the exact summit. The DEM shows {dem} m here ({dem25} m within 2.5 km).",
                    "{elev_vi} m là độ cao của đỉnh (en.wikipedia 'Murovdag'; garabagh.net ghi 3.774 m). Điểm này là tọa độ của dãy Murovdag trên ru.wikipedia, mà Gamish là đỉnh cao nhất, nên có thể không đúng vị trí đỉnh. Mô hình độ cao (DEM) cho {dem_vi} m tại đây ({dem25_vi} m trong vòng 2,5 km)."),
    "peak-kyapaz": ("peak", "Kyapaz (Kapaz)", "Núi Kyapaz (Kapaz)", None, ["Kapaz", "Кяпаз", "Alharak"],
                    "{elev} m is the summit (ru.wikipedia; en.wikipedia 3,065 m). ru.wikipedia's point, about 5 km south of Lake Göygöl, is used: en.wikipedia's lies on the Murovdag ridge 2.5 km from Gamish. No current Armenian name was found (historical Armenian name: Alharak). The DEM shows {dem} m here ({dem25} m within 2.5 km).",
                    "{elev_vi} m là độ cao của đỉnh (ru.wikipedia; en.wikipedia ghi 3.065 m). Dùng tọa độ của ru.wikipedia, cách hồ Göygöl khoảng 5 km về phía nam: tọa độ của en.wikipedia nằm trên sống núi Murovdag, cách Gamish 2,5 km. Không tìm thấy tên tiếng Armenia hiện dùng (tên Armenia cổ: Alharak). Mô hình độ cao (DEM) cho {dem_vi} m tại đây ({dem25_vi} m trong vòng 2,5 km)."),
    "peak-boyuk-kirs": ("peak", "Boyuk Kirs (Mets Kirs)", "Núi Boyuk Kirs (Mets Kirs)", "Mets Kirs", ["Մեծ Քիրս", "Kirs"],
                        "{elev} m is the summit (az.wikipedia; Armenian sources 2,724.6 m), on the Shusha–Khojavend district border; often named the highest peak of the Karabakh range. The DEM shows {dem} m here.",
                        "{elev_vi} m là độ cao của đỉnh (az.wikipedia; nguồn Armenia ghi 2.724,6 m), trên ranh giới huyện Shusha–Khojavend; thường được coi là đỉnh cao nhất của dãy Karabakh. Mô hình độ cao (DEM) cho {dem_vi} m tại đây."),
    "range-murovdag": ("range", "Murovdag (Mrav) range", "Dãy núi Murovdag (Mrav)", "Mrav range", ["Մռավի լեռնաշղթա", "Муровдаг", "Murovdag", "Mrav"],
                       "Label point for the range, about 70 km long. {elev} m is Gamish, its highest peak. From 1994 to 2020 the northern part of the line of contact ran along it. The DEM shows {dem} m at the label point ({dem25} m within 2.5 km).",
                       "Điểm đặt nhãn cho dãy núi dài khoảng 70 km. {elev_vi} m là độ cao của Gamish, đỉnh cao nhất. Từ 1994 đến 2020, phần phía bắc của đường tiếp xúc chạy dọc theo dãy núi này. Mô hình độ cao (DEM) cho {dem_vi} m tại điểm nhãn ({dem25_vi} m trong vòng 2,5 km)."),
    "range-karabakh": ("range", "Karabakh range", "Dãy núi Karabakh", "Artsakh range", ["Արցախի լեռնաշղթա", "Карабахский хребет"],
                       "Label point. The range runs from the Terter to the Aras, east of the Hakari valley; {elev} m is Boyuk Kirs (ru/it.wikipedia). The DEM shows {dem} m at the label point ({dem25} m within 2.5 km).",
                       "Điểm đặt nhãn. Dãy núi chạy từ sông Terter đến sông Aras, phía đông thung lũng Hakari; {elev_vi} m là độ cao của Boyuk Kirs (ru/it.wikipedia). Mô hình độ cao (DEM) cho {dem_vi} m tại điểm nhãn ({dem25_vi} m trong vòng 2,5 km)."),
    "plateau-karabakh": ("plateau", "Karabakh plateau", "Cao nguyên Karabakh", "Gharabagh plateau",
                         ["Ղարաբաղի բարձրավանդակ", "Syunik plateau", "Սյունիքի բարձրավանդակ"],
                         "Label point. {elev} m is Dəlidağ (Delidag), the plateau's highest point, which is not at this point (it has no sourced coordinates); the highest volcano is Qızılboğaz, 3,581 m. The DEM shows {dem} m here ({dem25} m within 2.5 km).",
                         "Điểm đặt nhãn. {elev_vi} m là độ cao của Dəlidağ (Delidag), điểm cao nhất của cao nguyên, không nằm ở điểm này (chưa có tọa độ có nguồn); núi lửa cao nhất là Qızılboğaz, 3.581 m. Mô hình độ cao (DEM) cho {dem_vi} m tại đây ({dem25_vi} m trong vòng 2,5 km)."),
}


def n_en(v):
    return f"{v:,}"


def n_vi(v):
    return f"{v:,}".replace(",", ".")


def build_heights(report):
    feats, rows = [], []
    src = load_fc(os.path.join(REF, "physical", "peaks.geojson"))
    if sorted(f["id"] for f in src) != sorted(HEIGHTS):
        sys.exit("heights: the peaks file and the HEIGHTS table disagree")
    for f in src:
        p = f["properties"]
        kind, en, vi, hy, other, note_en, note_vi = HEIGHTS[f["id"]]
        e, d, d25 = int(p["elevation_m"]), int(p["globe_m"]), int(p["globe_max_2_5km_m"])
        fmt = dict(elev=n_en(e), dem=n_en(d), dem25=n_en(d25), elev_vi=n_vi(e), dem_vi=n_vi(d), dem25_vi=n_vi(d25))
        props = {"name": text(en, vi)}
        if hy:
            props["name_hy"] = hy
        if p.get("name_az"):
            props["name_az"] = p["name_az"]
        others = distinct(other + [p.get("name_hy", ""), p.get("name", "")] + [s.strip() for s in p.get("name", "").split("/")],
                          exclude=[en, hy or "", p.get("name_az", "")])
        if others:
            props["other_names"] = others
        props.update({"kind": kind, "elevation_m": e, "note": text(note_en.format(**fmt), note_vi.format(**fmt)),
                      "source": f"{p['source']} ; {p['source_url']}"})
        lon, lat = f["geometry"]["coordinates"]
        feats.append(feature(f["id"], props, {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]}))
        rows.append(f"| {f['id']} | {en} | {kind} | {e:,} | {d:,} | {d25:,} | {d - e:+,} |")
    size = write_fc("heights.geojson", feats)
    report += ["## Heights (`heights.geojson`)", "", f"{len(feats)} points ({size:,} bytes).", "",
               "| id | name | kind | elevation_m (sourced) | DEM at point | DEM max 2.5 km | DEM − sourced |", "|---|---|---|---|---|---|---|"] + rows + [""]


# ---------------------------------------------------------------------------------------------
# Roads (schematic)
ROADS = {
    "road-lachin-corridor-1992-2022": (
        "Lachin road (schematic), 1992–2022", "Đường Lachin (sơ đồ), 1992–2022", "Lachin corridor", "Laçın dəhlizi",
        "Schematic: straight lines through the places the road linked (Stepanakert, Shusha, Lisagor, Lachin, Aghavno, Kornidzor, Goris), not the road's course. The only road between Armenia and Karabakh from the capture of Lachin (18 May 1992) until the switch to the new route in late August 2022; under Russian peacekeepers from 10 Nov 2020. After 8 Nov 2020 the road no longer passed through Shusha; that bypass is not drawn.",
        "Sơ đồ: các đoạn thẳng nối những nơi con đường đi qua (Stepanakert, Shusha, Lisagor, Lachin, Aghavno, Kornidzor, Goris), không phải lộ trình thật. Con đường duy nhất giữa Armenia và Karabakh từ khi Lachin bị chiếm (18/5/1992) đến khi chuyển sang tuyến mới cuối tháng 8/2022; do lực lượng gìn giữ hòa bình Nga kiểm soát từ 10/11/2020. Sau ngày 8/11/2020 đường không còn đi qua Shusha; đoạn tránh đó không được vẽ."),
    "road-lachin-corridor-2022": (
        "Lachin corridor, new route (schematic), 2022–2023", "Hành lang Lachin, tuyến mới (sơ đồ), 2022–2023", None, None,
        "Schematic: straight lines through Stepanakert, Mets Shen, Hin Shen, Kornidzor and Tegh, not the road's course. Where the new road leaves the old one (Kanach Tala) and where it crosses the border have no sourced coordinates, so the line runs straight from Hin Shen to Kornidzor. In Armenia the Tegh–Kornidzor section carried the traffic only from 1 Apr 2023.",
        "Sơ đồ: các đoạn thẳng nối Stepanakert, Mets Shen, Hin Shen, Kornidzor và Tegh, không phải lộ trình thật. Nơi đường mới tách khỏi đường cũ (Kanach Tala) và nơi đường vượt biên giới chưa có tọa độ có nguồn, nên đường kẻ thẳng từ Hin Shen đến Kornidzor. Trên đất Armenia, đoạn Tegh–Kornidzor chỉ bắt đầu gánh giao thông từ ngày 1/4/2023."),
    "road-goris-kapan-m2": (
        "Goris–Kapan road (M2, schematic)", "Đường Goris–Kapan (M2, sơ đồ)", None, None,
        "Schematic: straight lines through Goris, Vorotan (village), Shurnukh and Kapan, not the road's course. A Soviet-era road in use throughout. Sections near Vorotan and Shurnukh cross Qubadli district and have been under Azerbaijani control since December 2020; closed on 25 Aug 2021 and reopened days later with Russian border guards.",
        "Sơ đồ: các đoạn thẳng nối Goris, làng Vorotan, Shurnukh và Kapan, không phải lộ trình thật. Con đường từ thời Xô viết, được dùng suốt thời gian này. Các đoạn gần Vorotan và Shurnukh đi qua huyện Qubadli và do Azerbaijan kiểm soát từ tháng 12/2020; bị đóng ngày 25/8/2021 rồi mở lại vài ngày sau với lính biên phòng Nga."),
}


def build_roads(report):
    feats, rows = [], []
    for f in load_fc(os.path.join(REF, "physical", "roads_schematic.geojson")):
        p = f["properties"]
        en, vi, hy, az, note_en, note_vi = ROADS[f["id"]]
        props = {"name": text(en, vi)}
        if hy:
            props["name_hy"] = hy
        if az:
            props["name_az"] = az
        others = distinct([p.get("name_hy", ""), p.get("name", "")], exclude=[en, hy or "", az or ""])
        if others:
            props["other_names"] = others
        props.update({"kind": "road", "schematic": True})
        for k in ("valid_from", "valid_to"):
            if p.get(k):
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", p[k]):
                    sys.exit(f"roads: {f['id']} {k} {p[k]!r} is not YYYY-MM-DD")
                props[k] = p[k]
        props["note"] = text(note_en, note_vi)
        props["source"] = f"{p['source']} ; waypoints: {p['waypoint_sources']}"
        feats.append(feature(f["id"], props, geom_json(shape(f["geometry"]))))
        rows.append(f"| {f['id']} | {en} | {p.get('valid_from') or '–'} | {p.get('valid_to') or '–'} | {len(f['geometry']['coordinates'])} |")
    size = write_fc("roads.geojson", feats)
    report += ["## Roads (`roads.geojson`)", "", f"{len(feats)} schematic lines ({size:,} bytes): straight segments through cited waypoints, not road geometry.", "",
               "| id | name | valid_from | valid_to | waypoints |", "|---|---|---|---|---|"] + rows + [""]


# ---------------------------------------------------------------------------------------------
# Places. The 30 curated places (moved here from tools/build_atlas.py; the timeline refers to their
# ids) come first, then every Who's On First settlement of data/reference/settlements/ that is not
# the same place as a curated one.
# Coordinates from the reference layer (GeoNames cities500, CC BY 4.0, or Wikipedia), or from
# facts/places.md (Wikipedia) where the reference has none. Names in both traditions from
# facts/places.md. rank: 1 capital, 2 district centre, 3 town, 4 village / point.
PLACES = [
    # id, ref id or (lat, lon, source), en, Armenian usage, Azerbaijani usage, kind, rank, region
    ("stepanakert", "place-stepanakert", "Stepanakert", "Stepanakert", "Xankəndi", "capital", 1, "nkao"),
    ("shusha", "place-shusha", "Shusha", "Shushi", "Şuşa", "town", 2, "nkao"),
    ("martakert", "place-martakert", "Martakert", "Martakert", "Ağdərə", "town", 2, "nkao"),
    ("martuni", "place-martuni", "Martuni", "Martuni", "Xocavənd", "town", 2, "nkao"),
    ("askeran", "place-askeran", "Askeran", "Askeran", "Əsgəran", "town", 3, "nkao"),
    ("khojaly", "place-khojaly", "Khojaly", "Khojalu", "Xocalı", "town", 3, "nkao"),
    ("hadrut", "place-hadrut", "Hadrut", "Hadrut", "Hadrut", "town", 2, "nkao"),
    ("talish", "place-talish", "Talish", "Talish", "Talış", "village", 2, "nkao"),
    ("madagiz", "place-madagiz", "Madagiz", "Mataghis", "Suqovuşan", "village", 3, "nkao"),
    ("lachin", "place-lachin", "Lachin", "Berdzor", "Laçın", "town", 2, "lachin"),
    ("kalbajar", "place-kalbajar", "Kalbajar", "Karvachar", "Kəlbəcər", "town", 2, "kalbajar"),
    ("aghdam", "place-aghdam", "Aghdam", "Akna", "Ağdam", "town", 2, "aghdam"),
    ("fuzuli", "place-fuzuli", "Fuzuli", "Varanda", "Füzuli", "town", 2, "fuzuli"),
    ("jabrayil", "place-jabrayil", "Jabrayil", "Jrakan", "Cəbrayıl", "town", 2, "jabrayil"),
    ("qubadli", "place-qubadli", "Qubadli", "Kashunik", "Qubadlı", "town", 2, "qubadli"),
    ("zangilan", "place-zangilan", "Zangilan", "Kovsakan", "Zəngilan", "town", 2, "zangilan"),
    ("horadiz", "place-horadiz", "Horadiz", "Horadiz", "Horadiz", "town", 3, "fuzuli"),
    ("horadiz_village", (39.4514, 47.2403, "Wikipedia, 'Horadiz (village)'"), "Horadiz (village)", "Horadiz", "Kənd Horadiz", "village", 4, "fuzuli"),
    ("lele_tepe", (39.4086, 47.2686, "Wikipedia, 'Lalatapa'"), "Lele Tepe", "Varazatumb", "Lələtəpə", "point", 4, None),
    ("jojug_marjanli", (39.3928, 47.2967, "Wikipedia, 'Jojug Marjanli'"), "Jojug Marjanli", "Jojug Marjanli", "Cocuq Mərcanlı", "village", 4, None),
    ("tonashen", (40.3028, 46.6906, "Wikipedia, 'Tonashen'"), "Tonashen", "Tonashen", "Təpəkənd", "village", 4, "nkao"),
    ("chankatagh", (40.1386, 46.7692, "Wikipedia, 'Canyataq'"), "Chankatagh", "Chankatagh", "Canyataq", "village", 4, "nkao"),
    ("sus", (39.6269, 46.5128, "Wikipedia, 'Sus, Lachin'"), "Sus", "Sus", "Sus", "village", 4, "lachin"),
    ("aghavno", (39.5897, 46.5433, "Wikipedia, 'Zabukh'"), "Aghavno / Zabukh", "Aghavno", "Zabux", "village", 4, "lachin"),
    ("shahumyan", (40.4222, 46.5600, "Wikipedia, 'Aşağı Ağcakənd'"), "Shahumyan", "Shahumyan", "Aşağı Ağcakənd", "village", 3, None),
    ("martunashen", (40.4644, 46.3950, "Wikipedia, 'Qarabulaq, Goygol'"), "Martunashen", "Martunashen", "Qarabulaq", "village", 4, None),
    ("tartar", "place-tartar", "Tartar", "Tartar", "Tərtər", "town", 3, None),
    ("barda", "place-barda", "Barda", "Partav", "Bərdə", "town", 3, None),
    ("goris", "place-goris", "Goris", "Goris", "Gorus", "town", 3, None),
    ("yerevan", "place-yerevan", "Yerevan", "Yerevan", "İrəvan", "capital", 1, None),
]
# The region a point is checked against must contain it; Lele Tepe and Jojug Marjanli sit on the
# Jabrayil–Fuzuli boundary as Natural Earth draws it, so we let the geometry decide for them.

# Same place, but neither the GeoNames id nor the Azerbaijani name says so: curated id -> (WOF id, reason).
MANUAL_MERGES = {
    "lachin": (1125773715, "WOF/GeoNames 147625 'Laçın' is the town: its point lies 4.7 km south of the Wikipedia point used "
                           "(PROVENANCE.md, source F), and the record has no name_az"),
}
MERGE_KM = 3.0

SOVIET_UNIT_REGION = {"NKAO": "nkao", "Kalbajar": "kalbajar", "Lachin": "lachin", "Qubadli": "qubadli", "Zangilan": "zangilan",
                      "Jabrayil": "jabrayil", "Fuzuli": "fuzuli", "Aghdam": "aghdam"}


def wof_is_town(r):
    """GeoNames seat of an administrative unit, or a current WOF record whose geometry is a WOF/Quattroshapes
    town polygon rather than a GeoNames point (these are the towns and urban-type settlements)."""
    if r["feature_code"] in ("PPLA", "PPLA2"):
        return True
    return r["wof_is_current"] == "1" and ("quattroshapes" in r["source"] or "qs_pg" in r["source"])


def wof_names(r):
    """(name_en, name_hy, other_names) of a settlement row, before de-duplication against the others."""
    if r["wikipedia_en"]:
        en, en_from = strip_qualifier(r["wikipedia_en"]), "wikipedia"
    elif r["name_az"]:
        en, en_from = az_to_en(r["name_az"]), "name_az"
    else:
        en, en_from = r["name"].replace("'", "").replace("’", ""), "wof"  # GeoNames ASCII: Mt'nadzor -> Mtnadzor
    hy = None
    script = r["name_hy"] if r["name_hy_script"] == "armenian" else ""
    if script:
        hy = romanise_hy(script)
    elif r["name_hy_script"] == "latin" and r["name_hy"]:
        hy = r["name_hy"].replace("’", "").replace("'", "")
    alts = [a.strip() for a in r["name_hy_alt"].split("|") if a.strip()]
    others = [script] + alts + [r["name_ru"], r["name"], r["name_hy_latin"]] + [romanise_hy(a) for a in alts if has_armenian(a)]
    return en, en_from, hy, others


def build_places(report):
    regions = {f["id"]: shape(f["geometry"]) for f in load_fc(os.path.join(OUT, "regions.geojson"))}
    ref = {f["id"]: f for f in load_fc(os.path.join(REF, "places.geojson"))}
    with open(os.path.join(REF, "settlements", "settlements.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    if len(rows) != 1091:
        print(f"note: settlements.csv has {len(rows)} rows (1,091 expected for WOF admin-az@e174b861)", file=sys.stderr)
    by_id = {int(r["id"]): r for r in rows}
    by_gn = defaultdict(list)
    for r in rows:
        if r["geonames_id"]:
            by_gn[r["geonames_id"]].append(r)

    def region_of(pt):
        inside = [rid for rid, g in regions.items() if g.contains(pt)]
        return inside[0] if inside else None

    # 1. Curated places, and the WOF records that are the same place.
    curated = []
    merged_into = {}
    merge_rows = []
    for pid, refid, en, hy, az, kind, rank, region in PLACES:
        if isinstance(refid, str):
            rf = ref[refid]
            lon, lat = rf["geometry"]["coordinates"]
            src = rf["properties"]["source"]
        else:
            rf = None
            lat, lon, src = refid
        pt = Point(lon, lat)
        if region is None:
            region = region_of(pt)
        if region and not regions[region].contains(pt):
            sys.exit(f"place {pid} is not inside its region {region}")
        matches = []
        m = re.search(r"geonameid (\d+)", src)
        if m:
            for r in by_gn.get(m.group(1), []):
                matches.append((r, f"same GeoNames id {m.group(1)}"))
        if pid in MANUAL_MERGES:
            wid, why = MANUAL_MERGES[pid]
            matches.append((by_id[wid], "by hand: " + why))
        # Same Azerbaijani name (letters folded: Cocuq = Çocuq) or same English name within 3 km. For the
        # GeoNames-sourced places this also catches second WOF records of the same town.
        for r in rows:
            d = km(lon, lat, float(r["lon"]), float(r["lat"]))
            if d > MERGE_KM or any(r is x for x, _ in matches):
                continue
            if same_name(r["name_az"], az):
                matches.append((r, f"same name_az '{r['name_az']}' {d:.1f} km away"))
            elif r["wikipedia_en"] and same_name(strip_qualifier(r["wikipedia_en"]), strip_qualifier(en)):
                matches.append((r, f"same English Wikipedia name '{r['wikipedia_en']}' {d:.1f} km away"))
            elif same_name(r["name_az"], strip_qualifier(en)):
                matches.append((r, f"name_az '{r['name_az']}' is the English name transliterated, {d:.1f} km away"))
        wofs = []
        for r, why in matches:
            wid = int(r["id"])
            if wid in merged_into:
                sys.exit(f"WOF {wid} would merge into both {merged_into[wid]} and {pid}")
            merged_into[wid] = pid
            wofs.append(r)
            d = km(lon, lat, float(r["lon"]), float(r["lat"]))
            merge_rows.append(f"| {pid} | {wid} | {r['name']} / {r['name_az'] or '–'} | {d:.2f} | {why} |")
        others = []
        if rf:
            p = rf["properties"]
            others += [p.get("name_hy") or ""] + [s.strip() for s in p["name"].split("/")]
        others += [s.strip() for s in en.split("/")]
        elevation = district = None
        for r in wofs:
            _, _, whf, o = wof_names(r)
            others += o + [r["name_az"], whf or ""]
            if r["wikipedia_en"]:
                others.append(strip_qualifier(r["wikipedia_en"]))
            if elevation is None and r["elevation_m"]:
                elevation = int(float(r["elevation_m"]))
            if district is None and (r["district_gn"] or r["district"]):
                district = r["district_gn"] or r["district"]
        if district is None and rf and rf["properties"].get("expected_district"):
            district = rf["properties"]["expected_district"]
        props = {"name": {"en": en}, "name_hy": hy, "name_az": az}
        o = distinct([x for x in others if x], exclude=[en, hy, az])
        if o:
            props["other_names"] = o
        props.update({"kind": kind, "rank": rank})
        if elevation is not None:
            props["elevation_m"] = elevation
        if district:
            props["district"] = district
        props["source"] = src
        if region:
            props["region"] = region
        curated.append(feature(pid, props, {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]}))

    # 2. The other WOF settlements.
    wof = []
    region_notes = []
    en_from = Counter()
    for r in rows:
        wid = int(r["id"])
        if wid in merged_into:
            continue
        lon, lat = float(r["lon"]), float(r["lat"])
        pt = Point(lon, lat)
        en, frm, hy, others = wof_names(r)
        en_from[frm] += 1
        if not en.strip():
            sys.exit(f"WOF {wid} has no name")
        abandoned = r["feature_code"] == "PPLQ"
        town = wof_is_town(r)
        if abandoned:
            rank = 7
        elif r["feature_code"] in ("PPLA", "PPLA2"):
            rank = 3
        elif town:
            rank = 4
        elif r["wikipedia_en"]:
            rank = 5
        else:
            rank = 6
        region = None
        su = SOVIET_UNIT_REGION.get(r["soviet_unit"])
        if su and regions[su].contains(pt):
            region = su
        else:
            found = region_of(pt)
            if found:
                region = found
                region_notes.append(f"| {wid} | {en} | soviet_unit '{r['soviet_unit'] or '–'}' | inside {found} in regions.geojson: {found} used |")
            elif su:
                region_notes.append(f"| {wid} | {en} | soviet_unit '{r['soviet_unit']}' | outside every region of regions.geojson: no region |")
        props = {"name": {"en": en}}
        if hy:
            props["name_hy"] = hy
        if r["name_az"]:
            props["name_az"] = r["name_az"]
        o = distinct(others, exclude=[en, hy or "", r["name_az"]])
        if o:
            props["other_names"] = o
        props["kind"] = "town" if town else "village"
        props["rank"] = rank
        if abandoned:
            props["abandoned"] = True
        if r["elevation_m"]:
            props["elevation_m"] = int(float(r["elevation_m"]))
        district = r["district_gn"] or r["district"]
        if district:
            props["district"] = district
        src = f"Who's On First (CC0) wof:id {wid}"
        if r["geonames_id"]:
            src += f"; GeoNames (CC BY 4.0) geonameid {r['geonames_id']}"
        props["source"] = src
        if region:
            props["region"] = region
        wof.append((rank, wid, feature(f"wof-{wid}", props, {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]})))
    wof.sort(key=lambda t: (t[0], t[1]))
    feats = curated + [f for _, _, f in wof]

    # Search check: the names a reader may type must reach the curated places.
    def reach(fid, query):
        p = next(f for f in feats if f["id"] == fid)["properties"]
        names = [p["name"]["en"], p.get("name_hy", ""), p.get("name_az", "")] + p.get("other_names", [])
        return any(query.casefold() == n.casefold() for n in names)

    for fid, q in [("shusha", "Shushi"), ("shusha", "Шуша"), ("stepanakert", "Stepanakert"), ("stepanakert", "Ստեփանակերտ"),
                   ("lachin", "Berdzor"), ("lachin", "Лачин"), ("kalbajar", "Karvachar"), ("martakert", "Мардакерт")]:
        if not reach(fid, q):
            sys.exit(f"search check: {fid} is not found under {q!r}")
    ids = [f["id"] for f in feats]
    if len(set(ids)) != len(ids):
        sys.exit("places: duplicate ids")

    size = write_fc("places.geojson", feats)

    # Report
    P = [f["properties"] for f in feats]
    W = [f["properties"] for _, _, f in wof]
    by_rank = Counter(p["rank"] for p in P)
    by_region = Counter(p.get("region", "(none)") for p in P)
    by_kind = Counter(p["kind"] for p in P)
    report += ["## Places (`places.geojson`)", "",
               f"{len(feats):,} places ({size:,} bytes): {len(curated)} curated (the `PLACES` table, ids unchanged) and "
               f"{len(wof):,} Who's On First settlements; {len(merged_into)} WOF records were merged into curated places, so "
               f"{len(curated)} + {len(rows):,} − {len(merged_into)} = {len(feats):,}.", "",
               "| rank | places |", "|---|---|"] + [f"| {k} | {v:,} |" for k, v in sorted(by_rank.items())] + [
               "", "| region | places |", "|---|---|"] + [f"| {k} | {v:,} |" for k, v in sorted(by_region.items())] + [
               "", "| kind | places |", "|---|---|"] + [f"| {k} | {v:,} |" for k, v in sorted(by_kind.items())] + [
               "",
               f"- with `name_hy`: {sum(1 for p in P if p.get('name_hy')):,}; without: {sum(1 for p in P if not p.get('name_hy')):,}",
               f"- with `name_az`: {sum(1 for p in P if p.get('name_az')):,}; without: {sum(1 for p in P if not p.get('name_az')):,}",
               f"- with neither: {sum(1 for p in P if not p.get('name_hy') and not p.get('name_az')):,}",
               f"- `abandoned` (GeoNames PPLQ): {sum(1 for p in P if p.get('abandoned')):,}; with `elevation_m`: {sum(1 for p in P if 'elevation_m' in p):,}; with `district`: {sum(1 for p in P if 'district' in p):,}",
               f"- English name of the WOF places from: English Wikipedia title {en_from['wikipedia']:,}, transliterated `name_az` {en_from['name_az']:,}, WOF `name` {en_from['wof']:,}",
               f"- WOF towns: {', '.join(p['name']['en'] for p in W if p['kind'] == 'town') or 'none'} (GeoNames PPLA/PPLA2, or a current WOF record with a Quattroshapes town polygon)",
               "", "### Merges into curated places", "",
               "| curated | WOF id | WOF name / name_az | km | why |", "|---|---|---|---|---|"] + merge_rows + [
               "", "Curated places with no WOF record: " + ", ".join(f["id"] for f in curated if not any(v == f["id"] for v in merged_into.values())) + ".",
               "", "### Region assignments that needed the geometry", "",
               "`region` comes from `soviet_unit` and is kept only when the point lies inside that region's polygon in "
               "`assets/karabakh/regions.geojson`; otherwise the polygon that contains the point is used, or none.", "",
               "| WOF id | name | source says | result |", "|---|---|---|---|"] + (region_notes or ["| – | – | – | none |"]) + [""]
    return feats, rows, merged_into


# ---------------------------------------------------------------------------------------------
# Locator inset: Natural Earth 1:50m countries (TopoJSON from npm world-atlas 2.0.2).
LOCATOR_BOX = (26.0, 33.0, 60.0, 48.0)
COUNTRY_VI = {
    "Azerbaijan": "Azerbaijan", "Armenia": "Armenia", "Georgia": "Gruzia", "Turkey": "Thổ Nhĩ Kỳ", "Iran": "Iran", "Russia": "Nga",
    "Syria": "Syria", "Iraq": "Iraq", "Turkmenistan": "Turkmenistan", "Kazakhstan": "Kazakhstan", "Uzbekistan": "Uzbekistan",
    "Ukraine": "Ukraina", "Bulgaria": "Bulgaria", "Romania": "Romania", "Moldova": "Moldova", "Greece": "Hy Lạp", "Cyprus": "Síp",
    "N. Cyprus": "Bắc Síp", "Lebanon": "Liban", "Israel": "Israel", "Jordan": "Jordan", "Afghanistan": "Afghanistan",
    "Saudi Arabia": "Ả Rập Xê Út", "Palestine": "Palestine", "Macedonia": "Bắc Macedonia", "North Macedonia": "Bắc Macedonia",
}
COUNTRY_LABEL_AT = {"Azerbaijan": [48.3, 40.4], "Armenia": [45.0, 40.3], "Georgia": [43.6, 42.1], "Turkey": [35.0, 39.0],
                    "Iran": [53.0, 35.6], "Russia": [44.0, 46.0]}
SEAS = [("black-sea", "Black Sea", "Biển Đen", [34.5, 43.3]), ("caspian-sea", "Caspian Sea", "Biển Caspi", [50.8, 42.0])]


def topo_geometries(topo, obj):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(idx):
        pts = []
        for i in idx:
            a = arcs[i] if i >= 0 else arcs[~i][::-1]
            pts += a if not pts else a[1:]
        return pts

    for g in topo["objects"][obj]["geometries"]:
        if g["type"] == "Polygon":
            polys = [g["arcs"]]
        elif g["type"] == "MultiPolygon":
            polys = g["arcs"]
        else:
            continue
        geom = MultiPolygon([Polygon(ring(p[0]), [ring(h) for h in p[1:]]) for p in polys]).buffer(0)
        yield g.get("id"), g.get("properties", {}).get("name"), geom


def build_locator(report):
    with open(os.path.join(REF, "locator", "countries-50m.json"), encoding="utf-8") as f:
        topo = json.load(f)
    bx = box(*LOCATOR_BOX)
    feats, rows = [], []
    for cid, name, g in sorted(topo_geometries(topo, "countries"), key=lambda t: t[1] or ""):
        if not g.intersects(bx):
            continue
        part = g.intersection(bx).simplify(0.03, preserve_topology=True)
        polys = [p for p in (part.geoms if hasattr(part, "geoms") else [part]) if isinstance(p, Polygon) and p.area > 1e-4]
        if not polys:
            continue
        polys = [orient(Polygon([(round(x, 4), round(y, 4)) for x, y in p.exterior.coords],
                                [[(round(x, 4), round(y, 4)) for x, y in h.coords] for h in p.interiors]).buffer(0), 1.0)
                 for p in polys]
        polys = [q for p in polys for q in (p.geoms if hasattr(p, "geoms") else [p]) if not q.is_empty]
        polys.sort(key=lambda p: -p.area)
        geom = polys[0] if len(polys) == 1 else MultiPolygon(polys)
        if name not in COUNTRY_VI:
            sys.exit(f"locator: no Vietnamese name for {name!r}")
        label = COUNTRY_LABEL_AT.get(name)
        if label is None:
            rp = max(polys, key=lambda p: p.area).representative_point()
            label = [round(rp.x, 2), round(rp.y, 2)]
        if not geom.contains(Point(label)):
            sys.exit(f"locator: the label point of {name} is not inside it")
        fid = "country-" + re.sub(r"[^a-z]+", "-", name.lower()).strip("-")
        props = {"kind": "country", "name": text(name, COUNTRY_VI[name]), "label_at": label,
                 "source": f"Natural Earth 4.1.0 admin-0 countries 1:50m (public domain), ISO numeric {cid}; via npm world-atlas 2.0.2"}
        feats.append(feature(fid, props, geom_json(geom, 4)))
        rows.append(f"| {fid} | {name} | {COUNTRY_VI[name]} | {sum(len(p.exterior.coords) for p in polys)} |")
    land = unary_union([shape(f["geometry"]) for f in feats])
    for sid, en, vi, at in SEAS:
        if land.contains(Point(at)):
            sys.exit(f"locator: {en} label is on land")
        feats.append(feature(sid, {"kind": "sea", "name": text(en, vi), "source": "label point placed by the project"},
                             {"type": "Point", "coordinates": at}))
    size = write_fc("locator.geojson", feats)
    if size > 150_000:
        sys.exit(f"locator.geojson is {size:,} bytes, over 150 KB")
    report += ["## Locator (`locator.geojson`)", "",
               f"{len(feats)} features ({size:,} bytes): {len(rows)} countries clipped to lon {LOCATOR_BOX[0]}–{LOCATOR_BOX[2]} E, "
               f"lat {LOCATOR_BOX[1]}–{LOCATOR_BOX[3]} N, simplified (0.03°), 4 decimals; 2 sea labels.", "",
               "| id | en | vi | vertices |", "|---|---|---|---|"] + rows + [""]


# ---------------------------------------------------------------------------------------------
def names_report(report, rows, merged_into):
    """What is missing per naming tradition, and what looks wrong."""
    wof = [r for r in rows if int(r["id"]) not in merged_into]
    inside = [r for r in wof if r["in_nkao7"] == "True"]
    hy_az_only = [r for r in wof if r["name_hy_script"] == "armenian" and r["name_az"] and fold(romanise_hy(r["name_hy"])) == fold(r["name_az"])]
    names = Counter((r["name_az"] or r["name"]).casefold() for r in wof)
    dups = []
    for r in wof:
        for s in wof:
            if int(r["id"]) < int(s["id"]) and (r["name_az"] or r["name"]) == (s["name_az"] or s["name"]):
                d = km(float(r["lon"]), float(r["lat"]), float(s["lon"]), float(s["lat"]))
                if d < 3:
                    dups.append(f"{r['name_az'] or r['name']} (wof {r['id']} / {s['id']}, {d:.1f} km apart)")
    report += ["## Names", "",
               f"WOF settlements not merged: {len(wof):,} ({len(inside):,} inside NKAO+7).", "",
               f"- no Armenian name (`name_hy` absent): {sum(1 for r in wof if r['name_hy_script'] == 'missing'):,} "
               f"({sum(1 for r in inside if r['name_hy_script'] == 'missing'):,} inside NKAO+7); Latin-only Armenian name used as is: "
               f"{sum(1 for r in wof if r['name_hy_script'] == 'latin')}",
               f"- Armenian name that only transliterates the Azerbaijani one (romanised `name_hy` = `name_az`, letters folded): {len(hy_az_only):,}; "
               "the Armenian-usage name is then often among `other_names` (from WOF's Armenian variants)",
               f"- Armenian name taken from a WOF *variant* rather than the preferred name: {sum(1 for r in wof if r['name_hy_origin'] == 'variant'):,}",
               f"- no Azerbaijani name (`name_az` absent): {sum(1 for r in wof if not r['name_az']):,} ({sum(1 for r in inside if not r['name_az']):,} inside NKAO+7)",
               f"- no Russian name: {sum(1 for r in wof if not r['name_ru']):,}",
               "",
               "Romanisation of Armenian: BGN/PCGN 1981 (Eastern Armenian) with its ե/ո/և rules, written without the aspiration "
               "apostrophes and with ռ as r (Ստեփանակերտ → Stepanakert, Քարվաճառ → Karvachar, Շուշի → Shushi). Curated places keep "
               "their curated `name_hy`.", "",
               "### Suspicious", ""]
    sus = [
        "WOF 890445283 (the Zangilan town record, merged into `zangilan`) has `name_az` 'İçəri'; the curated name Zəngilan is kept.",
        "WOF 1141908131 is a second Stepanakert record (Natural Earth geometry, no GeoNames id), merged into `stepanakert`.",
        "The Lachin WOF/GeoNames point (1125773715) is 4.7 km south of the town; merged by hand into `lachin`, whose Wikipedia point is kept.",
        "Some English Wikipedia titles are former or Russian-era names (e.g. 'Kirov, Shusha' → 'Kirov' for Kiçik Qaladərəsi / Hin Shen); they are used as given.",
        "The two Sirik records of Jabrayil have crossed `name` / `name_az` (settlements/README.md); kept as in the source.",
    ]
    if dups:
        sus.append("Near-duplicate WOF points (same name within 3 km): " + "; ".join(dups) + ".")
    report += [f"- {s}" for s in sus] + [""]


def main():
    os.makedirs(OUT, exist_ok=True)
    if not os.path.exists(os.path.join(OUT, "regions.geojson")):
        sys.exit("assets/karabakh/regions.geojson is missing: run tools/build_atlas.py first")
    report = ["# Land layers report (tools/build_land.py)", "",
              "Written by `tools/build_land.py` from `data/reference/` (see `data/reference/MANIFEST.sha256`). "
              "Sources, licences and known gaps: `assets/karabakh/SOURCES.md`.", ""]
    build_elevation(report)
    build_water(report)
    build_heights(report)
    build_roads(report)
    _, rows, merged = build_places(report)
    names_report(report, rows, merged)
    build_locator(report)
    with open(os.path.join(ROOT, "data", "land_report.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(report) + "\n")
    print("\n".join(report))


if __name__ == "__main__":
    main()
