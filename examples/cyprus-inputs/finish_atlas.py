#!/usr/bin/env python3
"""Finishes the atlas `karabakh-atlas new` made from drawing.geojson (see make_atlas.sh): the
texts of atlas.json, the naming traditions, the region's name and official area, and the places
of places.csv as places.geojson. Writes the same bytes every run."""
import csv
import json
import os
import sys

inputs, out = sys.argv[1], sys.argv[2]


def load(name):
    with open(os.path.join(out, name), encoding="utf-8") as f:
        return json.load(f)


def save(name, value, one_feature_a_line=False):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        if one_feature_a_line:
            lines = [json.dumps(x, ensure_ascii=False) for x in value["features"]]
            f.write('{"type": "FeatureCollection", "features": [\n' + ",\n".join(lines) + "\n]}\n")
        else:
            json.dump(value, f, ensure_ascii=False, indent=2)
            f.write("\n")


atlas = load("atlas.json")
atlas["title"] = {"en": "Cyprus, 1960 to today", "vi": "Síp, từ 1960 đến nay"}
atlas["description"] = {
    "en": "Who controlled each part of Cyprus, from independence on 16 August 1960 to today: the Republic of Cyprus, "
          "the Turkish forces and Turkish Cypriot administration in the north from 1974, the UN buffer zone and the "
          "British Sovereign Base Areas. A second example atlas, made from a public drawing and a spreadsheet.",
    "vi": "Bên nào kiểm soát từng phần của đảo Síp, từ ngày độc lập 16/8/1960 đến nay: Cộng hòa Síp, quân đội Thổ Nhĩ Kỳ "
          "và chính quyền người Síp gốc Thổ ở phía bắc từ 1974, vùng đệm của Liên Hợp Quốc và các căn cứ có chủ quyền "
          "của Anh. Atlas ví dụ thứ hai, làm từ một bản vẽ công khai và một bảng tính.",
}
atlas["attribution"] = {
    "en": "Geometry: Natural Earth 1:10m admin-0 map units (public domain); the 1974 bridgehead line is schematic. "
          "Places: Wikipedia coordinates. Facts: the sources named in each phase and change.",
    "vi": "Hình học: Natural Earth 1:10m (phạm vi công cộng); đường đầu cầu 1974 là sơ đồ. Địa danh: tọa độ Wikipedia. "
          "Dữ kiện: các nguồn ghi ở từng giai đoạn và thay đổi.",
}
atlas["name_traditions"] = [
    {"key": "el", "label": {"en": "Greek usage", "vi": "Theo cách gọi Hy Lạp"}},
    {"key": "tr", "label": {"en": "Turkish usage", "vi": "Theo cách gọi Thổ Nhĩ Kỳ"}},
]
save("atlas.json", atlas)

regions = load("regions.geojson")
for f in regions["features"]:
    f["properties"].update({
        "name": {"en": "Cyprus", "vi": "Síp"},
        "official_area_km2": 9251,
        "area_tolerance_pct": 1,
        "area_note": "CIA World Factbook: 9,251 km², the whole island with the north, the buffer zone and the bases",
        "emphasis": True,
    })
save("regions.geojson", regions, one_feature_a_line=True)

places = []
with open(os.path.join(inputs, "places.csv"), encoding="utf-8") as f:
    for row in csv.DictReader(f):
        props = {"name": row["name"], "name_el": row["name_el"], "name_tr": row["name_tr"],
                 "kind": row["kind"], "rank": int(row["rank"]), "region": "cyprus"}
        places.append({"type": "Feature", "id": row["id"], "properties": props,
                       "geometry": {"type": "Point", "coordinates": [float(row["lon"]), float(row["lat"])]}})
save("places.geojson", {"type": "FeatureCollection", "features": places}, one_feature_a_line=True)
