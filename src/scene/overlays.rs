//! Plain GeoJSON overlays as scene primitives, in their simplestyle colours: drawn over the map
//! the same way in the window and in every export. An overlay is projected, simplified at each
//! level of detail and triangulated once ([`PreparedOverlay`], as the atlas's own layers are);
//! a picture then takes the level its zoom needs and only what lies in its window, and thins
//! points that would lie on one another, so a million points cost what a screenful does.

use egui::{Color32, Pos2, Rect};
use geo::Geometry;

use super::geometry::{AreaShape, Lod, Polylines, lod_for_scale};
use super::{LineStyle, Primitive, Projection, ScreenTransform};
use crate::atlas::Overlay;

/// The radius of an overlay's point, in points.
const POINT_RADIUS: f32 = 5.0;
/// The size of an overlay feature's label, in points.
const LABEL_SIZE: f32 = 12.5;
/// Most points of overlays one picture draws (three screens' worth, for the window): past it,
/// a cloud of points is thinned to one a grid cell, the cell growing until it is no more (a
/// screenful of dots reads as a cloud either way).
pub const MAX_DRAWN_POINTS: usize = 20_000;

fn rgb(c: [u8; 3]) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

/// An overlay in the map's km, ready to draw at any zoom.
pub struct PreparedOverlay {
    features: Vec<PreparedFeature>,
}

/// One feature's shapes in map km, with its colours.
struct PreparedFeature {
    stroke: Color32,
    stroke_width: f32,
    fill: Option<Color32>,
    /// Polygons, triangulated at every level of detail.
    areas: Vec<AreaShape>,
    /// Lines (and no rings: those are in `areas`) at every level of detail.
    lines: Polylines,
    points: Vec<Pos2>,
}

impl PreparedOverlay {
    /// Projects, simplifies and triangulates every feature of `overlay` for `projection`.
    pub fn new(overlay: &Overlay, projection: &Projection) -> Self {
        let features = overlay
            .features
            .iter()
            .map(|f| {
                let project = |c: &geo::Coord| projection.map_from_lonlat(c.x, c.y);
                let (mut areas, mut lines, mut points) = (Vec::new(), Vec::new(), Vec::new());
                let mut stack = vec![&f.geometry];
                while let Some(g) = stack.pop() {
                    match g {
                        Geometry::Point(p) => points.push(project(&p.0)),
                        Geometry::MultiPoint(ps) => points.extend(ps.iter().map(|p| project(&p.0))),
                        Geometry::LineString(l) => lines.push(l.coords().map(project).collect()),
                        Geometry::MultiLineString(ls) => {
                            lines.extend(ls.iter().map(|l| l.coords().map(project).collect()));
                        }
                        Geometry::Polygon(p) => {
                            areas.push(AreaShape::new(&geo::MultiPolygon::new(vec![p.clone()]), projection));
                        }
                        Geometry::MultiPolygon(ps) => {
                            areas.extend(
                                ps.iter().map(|p| AreaShape::new(&geo::MultiPolygon::new(vec![p.clone()]), projection)),
                            );
                        }
                        Geometry::GeometryCollection(gs) => stack.extend(gs.iter()),
                        _ => {}
                    }
                }
                let fill = f.fill.map(|[r, g, b, a]| Color32::from_rgba_unmultiplied(r, g, b, a));
                PreparedFeature {
                    stroke: rgb(f.stroke),
                    stroke_width: f.stroke_width,
                    fill,
                    areas,
                    lines: dense_lines(&lines),
                    points,
                }
            })
            .collect();
        Self { features }
    }
}

/// Lines at every level of detail, thinned then simplified (see
/// [`super::simplify::thinned_then_simplified`]).
fn dense_lines(lines: &[Vec<Pos2>]) -> Polylines {
    Lod::build(|tolerance| {
        lines
            .iter()
            .map(|l| {
                let coords: Vec<[f64; 2]> = l.iter().map(|p| [f64::from(p.x), f64::from(p.y)]).collect();
                super::simplify::thinned_then_simplified(&coords, f64::from(tolerance))
                    .into_iter()
                    .filter_map(|i| l.get(i).copied())
                    .collect()
            })
            .collect()
    })
}

/// Every feature of `overlays` for the transform `t`, as a map is drawn, projecting them for
/// this one picture: see [`compose_prepared`].
pub fn compose_overlays(
    overlays: &[std::sync::Arc<Overlay>],
    projection: &Projection,
    t: ScreenTransform,
    window: Rect,
) -> Vec<Primitive> {
    let prepared: Vec<PreparedOverlay> = overlays.iter().map(|o| PreparedOverlay::new(o, projection)).collect();
    compose_prepared(prepared.iter(), t, window)
}

/// Every feature of `overlays` that lies in `window` (screen points) for the transform `t`: all
/// fills, then all lines, then all points, so that no feature's fill hides another's point.
/// Their labels are placed with the map's ([`overlay_labels`]), first of all, so that none is
/// hidden.
pub fn compose_prepared<'a>(
    overlays: impl Iterator<Item = &'a PreparedOverlay> + Clone,
    t: ScreenTransform,
    window: Rect,
) -> Vec<Primitive> {
    let lod = lod_for_scale(t.scale);
    // The window in map km, to leave out what is not in it before transforming anything.
    let seen = Rect::from_two_pos(t.map_from_screen(window.min), t.map_from_screen(window.max));
    let features = || overlays.clone().flat_map(|o| &o.features);
    let mut fills = Vec::new();
    let mut lines = Vec::new();
    // The lines' runs in the window, each with its feature, thinned on screen once all are known.
    let mut runs: Vec<(&PreparedFeature, &[Pos2])> = Vec::new();
    for f in features() {
        for area in f.areas.iter().filter(|a| a.bounds.intersects(seen)) {
            let level = area.at(lod);
            let rings: Vec<Vec<Pos2>> =
                level.rings.iter().map(|r| r.iter().map(|&p| t.screen_from_map(p)).collect()).collect();
            if let Some(colour) = f.fill {
                fills.push(Primitive::Area {
                    vertices: level.vertices.iter().map(|&p| t.screen_from_map(p)).collect(),
                    indices: level.indices.clone(),
                    rings: rings.clone(),
                    colour,
                });
            }
            lines.extend(rings.into_iter().map(|points| f.line(points)));
        }
        for l in f.lines.at(lod) {
            runs.extend(runs_inside(l, seen).into_iter().map(|run| (f, run)));
        }
    }
    // A line denser than the screen can show (a zigzag filling a band) keeps a point every
    // `spacing` points along it, so that no picture holds more than about MAX_LINE_POINTS.
    let length: f32 =
        runs.iter().flat_map(|(_, run)| run.iter().zip(run.iter().skip(1))).map(|(a, b)| a.distance(*b)).sum::<f32>()
            * t.scale;
    let spacing = (length / MAX_LINE_POINTS as f32).max(0.5);
    for (f, run) in runs {
        let mut points: Vec<Pos2> = Vec::new();
        for (i, &p) in run.iter().enumerate() {
            let at = t.screen_from_map(p);
            if points.last().is_none_or(|q| q.distance(at) >= spacing) || i + 1 == run.len() {
                points.push(at);
            }
        }
        lines.push(f.line(points));
    }
    let mut out = fills;
    out.extend(lines);
    out.extend(thinned_points(features().map(|f| (f.stroke, &f.points[..])), t, window));
    out
}

/// Most points of lines one picture draws (see [`compose_prepared`]).
pub const MAX_LINE_POINTS: usize = 100_000;

impl PreparedFeature {
    fn line(&self, points: Vec<Pos2>) -> Primitive {
        Primitive::Polyline { points, width: self.stroke_width, colour: self.stroke, dash: None }
    }
}

/// The parts of a polyline whose segments touch `seen`, each with the points at its two ends.
fn runs_inside(line: &[Pos2], seen: Rect) -> Vec<&[Pos2]> {
    let mut runs = Vec::new();
    let mut start: Option<usize> = None;
    for (i, (&a, &b)) in line.iter().zip(line.iter().skip(1)).enumerate() {
        let touches = Rect::from_two_pos(a, b).intersects(seen);
        match (touches, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.extend(line.get(s..=i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.extend(line.get(s..));
    }
    runs
}

/// The points in `window` as circles, at most one a grid cell: the cell is a point's radius
/// (points closer are drawn one on another anyway), grown until no more than
/// [`MAX_DRAWN_POINTS`] are left where a cloud of points is denser than that.
fn thinned_points<'a>(
    points: impl Iterator<Item = (Color32, &'a [Pos2])> + Clone,
    t: ScreenTransform,
    window: Rect,
) -> Vec<Primitive> {
    let near = window.expand(POINT_RADIUS + 2.0);
    let on_screen = points.flat_map(|(colour, points)| points.iter().map(move |&p| (colour, t.screen_from_map(p))));
    let mut kept: Vec<(Color32, Pos2)> = on_screen.filter(|(_, at)| near.contains(*at)).collect();
    let mut cell = POINT_RADIUS;
    loop {
        kept = one_a_cell(kept, near, cell);
        if kept.len() <= MAX_DRAWN_POINTS {
            break;
        }
        cell *= 1.5;
    }
    kept.into_iter()
        .map(|(fill, centre)| Primitive::Circle {
            centre,
            radius: POINT_RADIUS,
            fill,
            stroke_width: 1.5,
            stroke: Color32::WHITE,
        })
        .collect()
}

/// The first of `points` in each cell of a grid of `cell` points over `area`.
fn one_a_cell(points: Vec<(Color32, Pos2)>, area: Rect, cell: f32) -> Vec<(Color32, Pos2)> {
    // One bit a cell: no hashing, and a few kilobytes.
    let (columns, rows) = ((area.width() / cell).ceil() as usize + 1, (area.height() / cell).ceil() as usize + 1);
    let mut taken = vec![0u64; (columns * rows).div_ceil(64)];
    points
        .into_iter()
        .filter(|(_, at)| {
            let index = ((at.y - area.min.y) / cell) as usize * columns + ((at.x - area.min.x) / cell) as usize;
            let (word, bit) = (index / 64, 1u64 << (index % 64));
            match taken.get_mut(word) {
                Some(w) if *w & bit == 0 => {
                    *w |= bit;
                    true
                }
                _ => false,
            }
        })
        .collect()
}

/// The line an overlay is drawn with in the legend: the stroke of its first feature.
pub fn overlay_line(overlay: &Overlay) -> LineStyle {
    let (colour, width) =
        overlay.features.first().map_or((Color32::from_gray(60), 2.0), |f| (rgb(f.stroke), f.stroke_width));
    LineStyle { width, colour, dash: None, glow: None }
}

/// An overlay feature's label: its text, where it is anchored, and the feature's point (which
/// other labels keep clear of), if it is one.
pub struct OverlayLabel {
    /// The feature's `name` or `title`.
    pub text: String,
    /// Beside its point, the middle of its line, or the first corner of its polygon.
    pub anchor: Pos2,
    /// Its point's centre, if the feature is a point.
    pub point: Option<Pos2>,
}

/// The labels of the features of `overlays` for the transform `t`.
pub fn overlay_labels(
    overlays: &[std::sync::Arc<Overlay>],
    projection: &Projection,
    t: ScreenTransform,
) -> Vec<OverlayLabel> {
    let to_screen = |c: geo::Coord| t.screen_from_map(projection.map_from_lonlat(c.x, c.y));
    let mut out = Vec::new();
    for f in overlays.iter().flat_map(|o| &o.features) {
        let Some(text) = &f.label else { continue };
        let mut stack = vec![&f.geometry];
        let mut found = None;
        while let (None, Some(g)) = (&found, stack.pop()) {
            found = match g {
                Geometry::Point(p) => Some((to_screen(p.0), Some(to_screen(p.0)))),
                Geometry::MultiPoint(ps) => ps.iter().next().map(|p| (to_screen(p.0), Some(to_screen(p.0)))),
                Geometry::LineString(l) => l.0.get(l.0.len() / 2).map(|c| (to_screen(*c), None)),
                Geometry::MultiLineString(ls) => {
                    ls.iter().next().and_then(|l| l.0.get(l.0.len() / 2)).map(|c| (to_screen(*c), None))
                }
                Geometry::Polygon(p) => p.exterior().0.first().map(|c| (to_screen(*c), None)),
                Geometry::MultiPolygon(ps) => {
                    ps.iter().next().and_then(|p| p.exterior().0.first()).map(|c| (to_screen(*c), None))
                }
                Geometry::GeometryCollection(gs) => {
                    stack.extend(gs.0.iter().rev());
                    None
                }
                _ => None,
            };
        }
        if let Some((anchor, point)) = found {
            out.push(OverlayLabel { text: text.clone(), anchor, point });
        }
    }
    out
}

/// The radius of an overlay's point and the size of its label, in points.
pub const OVERLAY_POINT_RADIUS: f32 = POINT_RADIUS;
/// The size of an overlay feature's label, in points.
pub const OVERLAY_LABEL_SIZE: f32 = LABEL_SIZE;

#[cfg(test)]
mod tests {
    use egui::{Pos2, Rect, vec2};

    use super::{MAX_DRAWN_POINTS, MAX_LINE_POINTS, PreparedOverlay, compose_prepared};
    use crate::atlas::read_overlay;
    use crate::scene::{Primitive, Projection, ScreenTransform};

    fn drawn(text: &str, scale: f32) -> Vec<Primitive> {
        let overlay = read_overlay("test.geojson", text).expect("overlay");
        let projection = Projection::centred_on(10.5, 10.5);
        let prepared = PreparedOverlay::new(&overlay, &projection);
        let window = Rect::from_min_size(Pos2::ZERO, vec2(1400.0, 900.0));
        let centre = projection.map_from_lonlat(10.5, 10.5);
        let t = ScreenTransform { scale, offset: window.center().to_vec2() - centre.to_vec2() * scale };
        compose_prepared(std::iter::once(&prepared), t, window)
    }

    fn circles(primitives: &[Primitive]) -> usize {
        primitives.iter().filter(|p| matches!(p, Primitive::Circle { .. })).count()
    }

    #[test]
    fn a_teachers_few_markers_are_all_drawn() {
        // Three markers about 11 km apart: a few points apart at the whole atlas's zoom, and all drawn.
        let three = r#"{"type":"MultiPoint","coordinates":[[10.4,10.5],[10.5,10.5],[10.6,10.5]]}"#;
        assert_eq!(circles(&drawn(three, 0.8)), 3);
        // One outside the window is left out.
        let far = r#"{"type":"MultiPoint","coordinates":[[10.5,10.5],[40,10.5]]}"#;
        assert_eq!(circles(&drawn(far, 4.0)), 1);
    }

    #[test]
    fn a_cloud_of_points_is_thinned_to_what_a_picture_holds() {
        let points: Vec<String> = (0..200_000)
            .map(|k| format!("[{:.5},{:.5}]", 10.0 + f64::from(k % 500) / 500.0, 10.0 + f64::from(k / 500) / 400.0))
            .collect();
        let text = format!(r#"{{"type":"MultiPoint","coordinates":[{}]}}"#, points.join(","));
        for scale in [2.0, 8.0, 40.0] {
            let n = circles(&drawn(&text, scale));
            assert!(n > 100 && n <= MAX_DRAWN_POINTS, "{n} circles at {scale} points a km");
        }
    }

    #[test]
    fn a_dense_line_is_drawn_with_at_most_the_points_a_picture_holds() {
        let line: Vec<String> = (0..300_000)
            .map(|k| format!("[{:.6},{:.6}]", 10.0 + f64::from(k) * 3e-6, 10.5 + 0.3 * (f64::from(k) / 300.0).sin()))
            .collect();
        let text = format!(r#"{{"type":"LineString","coordinates":[{}]}}"#, line.join(","));
        for scale in [2.0, 40.0] {
            let points: usize = drawn(&text, scale)
                .iter()
                .map(|p| match p {
                    Primitive::Polyline { points, .. } => points.len(),
                    _ => 0,
                })
                .sum();
            assert!(points > 100 && points <= MAX_LINE_POINTS + 1_000, "{points} points at {scale} points a km");
        }
    }
}
