//! Teaching aids drawn over the map in the window: a scale bar, a graticule, a locator inset and a
//! measuring line with the geodesic distance.

use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Stroke, pos2, vec2};
use geo::Distance as _;

use crate::scene::{MapGeometry, ScreenTransform, Style, lod_for_scale, scale_bar_km};

/// The scale bar, bottom left: a round length (the rule exports use too), in two tones.
pub fn scale_bar(painter: &Painter, rect: Rect, t: ScreenTransform) {
    let km = scale_bar_km(t.scale, 140.0);
    let len = km * t.scale;
    let at = pos2(rect.left() + 16.0, rect.bottom() - 18.0);
    let back = Rect::from_min_max(at - vec2(8.0, 24.0), at + vec2(len + 8.0, 8.0));
    painter.rect_filled(back, 4.0, Color32::from_white_alpha(220));
    painter.rect_filled(Rect::from_min_size(at, vec2(len, 4.0)), 0.0, Color32::from_gray(30));
    painter.rect_filled(Rect::from_min_size(at, vec2(len / 2.0, 4.0)), 0.0, Color32::from_gray(150));
    painter.text(
        at + vec2(len / 2.0, -3.0),
        Align2::CENTER_BOTTOM,
        format!("{km} km"),
        FontId::proportional(12.0),
        Color32::from_gray(30),
    );
}

/// Lines of longitude and latitude every 0.5° (0.1° when zoomed in), labelled at the map's edges.
pub fn graticule(painter: &Painter, rect: Rect, t: ScreenTransform, geometry: &MapGeometry) {
    let inverse = |p: Pos2| t.map_from_screen(p);
    let (lon0, lat1) = geometry.projection.lonlat_from_map(inverse(rect.left_top()));
    let (lon1, lat0) = geometry.projection.lonlat_from_map(inverse(rect.right_bottom()));
    let step = if (lon1 - lon0) > 3.0 {
        0.5
    } else if (lon1 - lon0) > 0.8 {
        0.25
    } else {
        0.1
    };
    let stroke = Stroke::new(0.8, Color32::from_rgba_unmultiplied(60, 80, 110, 90));
    let font = FontId::proportional(10.5);
    let ink = Color32::from_rgb(60, 80, 110);
    let mut lon = (lon0 / step).ceil() * step;
    while lon <= lon1 {
        let x = t.screen_from_map(geometry.projection.map_from_lonlat(lon, lat0)).x;
        painter.line_segment([pos2(x, rect.top()), pos2(x, rect.bottom())], stroke);
        painter.text(
            pos2(x + 2.0, rect.top() + 2.0),
            Align2::LEFT_TOP,
            format!("{lon:.2}°E").replace(".00", ""),
            font.clone(),
            ink,
        );
        lon += step;
    }
    let mut lat = (lat0 / step).ceil() * step;
    while lat <= lat1 {
        let y = t.screen_from_map(geometry.projection.map_from_lonlat(lon0, lat)).y;
        painter.line_segment([pos2(rect.left(), y), pos2(rect.right(), y)], stroke);
        painter.text(
            pos2(rect.right() - 2.0, y - 1.0),
            Align2::RIGHT_BOTTOM,
            format!("{lat:.2}°N").replace(".00", ""),
            font.clone(),
            ink,
        );
        lat += step;
    }
}

/// The locator inset, bottom right: the wider region (the atlas's `locator.geojson`, else its
/// context countries) in neutral greys, never in a side's colour, with the atlas's area outlined
/// and the part on screen in red.
pub fn locator(
    painter: &Painter,
    rect: Rect,
    t: ScreenTransform,
    (atlas, geometry): (&crate::atlas::Atlas, &MapGeometry),
    style: &Style,
    lang: crate::i18n::Lang,
) {
    let land = &geometry.land;
    let wide = !land.locator.is_empty();
    let shapes: Vec<&crate::scene::AreaShape> =
        if wide { land.locator.iter().flatten().collect() } else { geometry.context.iter().collect() };
    let mut world = Rect::NOTHING;
    for c in &shapes {
        world = world.union(c.bounds);
    }
    if !world.is_finite() || world.width() <= 0.0 || world.height() <= 0.0 {
        return;
    }
    let size = vec2(200.0, 200.0 * world.height() / world.width()).min(vec2(200.0, 150.0));
    let inset = Rect::from_min_size(pos2(rect.right() - size.x - 12.0, rect.bottom() - size.y - 12.0), size);
    let k = (size.x / world.width()).min(size.y / world.height());
    let small = ScreenTransform { scale: k, offset: inset.min.to_vec2() - world.min.to_vec2() * k };
    let painter = painter.with_clip_rect(inset);
    painter.rect_filled(inset, 0.0, style.lake);
    let lod = lod_for_scale(k);
    for c in &shapes {
        let level = c.at(lod);
        let mut mesh = egui::Mesh::default();
        for &v in &level.vertices {
            mesh.colored_vertex(small.screen_from_map(v), Color32::from_gray(226));
        }
        mesh.indices = level.indices.clone();
        painter.add(egui::Shape::mesh(mesh));
        for ring in &level.rings {
            let points: Vec<Pos2> = ring.iter().map(|&p| small.screen_from_map(p)).collect();
            painter.add(egui::Shape::line(points, Stroke::new(0.5, Color32::from_gray(150))));
        }
    }
    // The atlas's area: its regions' outlines, dark.
    for r in &geometry.regions {
        for ring in &r.at(lod).rings {
            let points: Vec<Pos2> = ring.iter().map(|&p| small.screen_from_map(p)).collect();
            painter.add(egui::Shape::line(points, Stroke::new(1.0, Color32::from_gray(60))));
        }
    }
    // Names of the seas, and of the countries large enough in the inset to hold one.
    let features = atlas.land.locator.iter().zip(&land.locator).zip(&land.locator_labels);
    for ((f, shape), &at) in features {
        let sea = f.kind == crate::atlas::LocatorKind::Sea;
        let room = shape.as_ref().map_or(f32::INFINITY, |s| s.bounds.width() * k);
        let name = f.name.get(lang.code());
        if sea || room > name.chars().count() as f32 * 5.0 + 6.0 {
            let colour = if sea { style.water_label } else { Color32::from_gray(85) };
            painter.text(small.screen_from_map(at), Align2::CENTER_CENTER, name, FontId::proportional(9.0), colour);
        }
    }
    // The view's rectangle, in the inset.
    let inverse = |p: Pos2| t.map_from_screen(p);
    let view = Rect::from_min_max(small.screen_from_map(inverse(rect.min)), small.screen_from_map(inverse(rect.max)))
        .intersect(inset);
    painter.rect_stroke(view, 0.0, Stroke::new(1.5, Color32::from_rgb(0xc8, 0x10, 0x2e)), egui::StrokeKind::Middle);
    painter.rect_stroke(inset, 0.0, Stroke::new(1.0, Color32::from_gray(120)), egui::StrokeKind::Outside);
}

/// Geodesic distance in km between two longitude/latitude points.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    geo::Geodesic.distance(geo::Point::new(a.0, a.1), geo::Point::new(b.0, b.1)) / 1000.0
}

/// The measuring line between the points clicked, with its length.
pub fn measure_line(
    painter: &Painter,
    t: ScreenTransform,
    geometry: &MapGeometry,
    points: &[(f64, f64)],
    lang: crate::i18n::Lang,
) {
    let screen: Vec<Pos2> =
        points.iter().map(|&(lon, lat)| t.screen_from_map(geometry.projection.map_from_lonlat(lon, lat))).collect();
    for p in &screen {
        painter.circle(*p, 4.0, Color32::WHITE, Stroke::new(2.0, Color32::from_rgb(0x10, 0x30, 0x90)));
    }
    if let ([a, b], [from, to]) = (&screen[..], points) {
        let (a, b) = (*a, *b);
        painter.line_segment([a, b], Stroke::new(2.0, Color32::from_rgb(0x10, 0x30, 0x90)));
        let km = distance_km(*from, *to);
        let label = format!("{} km", crate::i18n::decimal(km, 1, lang));
        let mid = a + (b - a) * 0.5;
        let galley = painter.layout_no_wrap(label, FontId::proportional(14.0), Color32::from_rgb(0x10, 0x30, 0x90));
        let r = Rect::from_center_size(mid - vec2(0.0, 14.0), galley.size() + vec2(10.0, 4.0));
        painter.rect_filled(r, 4.0, Color32::from_white_alpha(235));
        painter.galley(r.min + vec2(5.0, 2.0), galley, Color32::BLACK);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stepanakert_to_talish_is_about_63_km() {
        // Stepanakert (39.8177 N, 46.7528 E) to Talish (40.3814 N, 46.7408 E): 0.5637° of latitude.
        let d = distance_km((46.7528, 39.8177), (46.7408, 40.3814));
        assert!((d - 62.6).abs() < 0.5, "{d}");
    }
}
