//! The land's lines and areas in the base layer: lakes, rivers thinning with rank, and roads on
//! the days they were in use, drawn dashed where they are only schematic.

use egui::Pos2;

use super::geometry::WaterGeometry;
use super::{Primitive, SceneInput, ScreenTransform};

/// Adds lakes, rivers and roads to the base layer, over the zones and under the lines of control.
pub(super) fn compose_water_and_roads(
    input: &SceneInput<'_>,
    t: ScreenTransform,
    lod: usize,
    out: &mut Vec<Primitive>,
) {
    let SceneInput { atlas, geometry, style, date, options, .. } = *input;
    let to_screen = |p: Pos2| t.screen_from_map(p);
    if options.layers.water {
        for (w, g) in atlas.land.water.iter().zip(&geometry.land.water) {
            match g {
                WaterGeometry::Area(shape) => {
                    let level = shape.at(lod);
                    let rings: Vec<Vec<Pos2>> =
                        level.rings.iter().map(|r| r.iter().map(|&p| to_screen(p)).collect()).collect();
                    out.push(Primitive::Area {
                        vertices: level.vertices.iter().map(|&p| to_screen(p)).collect(),
                        indices: level.indices.clone(),
                        rings: rings.clone(),
                        colour: style.lake,
                    });
                    for ring in rings {
                        out.push(Primitive::Polyline { points: ring, width: 0.8, colour: style.river, dash: None });
                    }
                }
                WaterGeometry::Line(lines) => {
                    let width = style.river_width(w.rank);
                    for line in lines.at(lod) {
                        let points = line.iter().map(|&p| to_screen(p)).collect();
                        out.push(Primitive::Polyline { points, width, colour: style.river, dash: None });
                    }
                }
                WaterGeometry::Point(p) => out.push(Primitive::Circle {
                    centre: to_screen(*p),
                    radius: 4.5,
                    fill: style.lake,
                    stroke_width: 1.0,
                    stroke: style.river,
                }),
            }
        }
    }
    if options.layers.roads {
        for (road, lines) in atlas.land.roads.iter().zip(&geometry.land.roads) {
            if !road.applies_on(date) {
                continue;
            }
            // Schematic roads are dashed: they say which places a road joined, not where it ran.
            let dash = road.schematic.then_some((6.0, 3.5));
            for line in lines.at(lod) {
                let points: Vec<Pos2> = line.iter().map(|&p| to_screen(p)).collect();
                out.push(Primitive::Polyline {
                    points: points.clone(),
                    width: 4.2,
                    colour: style.road_casing,
                    dash: None,
                });
                out.push(Primitive::Polyline { points, width: 2.0, colour: style.road, dash });
            }
        }
    }
}
