//! The reader's overlays in the window, drawn from one cached mesh: each overlay is prepared
//! (projected, simplified, triangulated) once for an atlas, composed and tessellated once for a
//! zoom and a window of three screens round the view, and moved as the map pans. An idle frame
//! or a pan hands egui the same mesh; a million points cost their tessellation once per zoom,
//! not every frame. While the reader is zooming (frames at new zooms within
//! [`ZOOM_REST_SECONDS`] of one another) the mesh is stretched to the new zoom instead, and made
//! afresh once the zoom has rested, as web maps stretch their tiles.

use std::sync::Arc;

use egui::{Mesh, Rect, Shape, Ui, Vec2};

use crate::atlas::Overlay;
use crate::scene::{PreparedOverlay, Primitive, Projection, ScreenTransform, compose_prepared};

/// How long the zoom must stay unchanged before the stretched mesh is made afresh.
pub const ZOOM_REST_SECONDS: f64 = 0.25;

/// What the cached mesh was made for.
#[derive(Clone, Debug, PartialEq)]
struct Key {
    /// The overlays, by address (an overlay is never changed once read).
    overlays: Vec<usize>,
    generation: u64,
    scale: f32,
    pixels_per_point: f32,
    /// The part of the map's plane (screen points, the map's origin at 0) the mesh covers.
    window: Rect,
}

/// The overlays' mesh and what it was made from.
#[derive(Default)]
pub struct OverlayPainter {
    /// Each overlay prepared for the atlas of a generation, by the overlay's address.
    prepared: Vec<(usize, u64, Arc<PreparedOverlay>)>,
    key: Option<Key>,
    /// The mesh, stretched to `scale` and moved to `offset` on screen.
    mesh: Arc<Mesh>,
    offset: Vec2,
    scale: f32,
    /// When the zoom last changed (egui's clock, seconds).
    zoomed_at: f64,
    /// How many times the mesh was made (tests: panning and idle frames make none).
    pub rebuilds: u64,
}

impl OverlayPainter {
    /// Paints `overlays` into `rect` for the transform `t`.
    pub fn paint(
        &mut self,
        ui: &Ui,
        rect: Rect,
        overlays: &[Arc<Overlay>],
        projection: &Projection,
        t: ScreenTransform,
        generation: u64,
    ) {
        if overlays.is_empty() {
            self.key = None;
            self.prepared.clear();
            self.mesh = Arc::default();
            return;
        }
        let ids: Vec<usize> = overlays.iter().map(|o| Arc::as_ptr(o) as usize).collect();
        let ppp = ui.ctx().pixels_per_point();
        let seen = rect.translate(-t.offset);
        let now = ui.input(|i| i.time);
        let same_data = self
            .key
            .as_ref()
            .is_some_and(|k| k.overlays == ids && k.generation == generation && k.pixels_per_point == ppp);
        let made_at = self.key.as_ref().map_or(t.scale, |k| k.scale);
        let resting = now - self.zoomed_at >= ZOOM_REST_SECONDS;
        if t.scale != self.scale && resting {
            // The first frame of a zoom: made afresh below, at this zoom.
            self.zoomed_at = now;
        }
        if same_data && t.scale != made_at && !resting {
            // Zooming (a frame of egui's may also come twice at one zoom): stretch the mesh
            // about the map's origin, and come back when the zoom has rested to make it afresh.
            if t.scale != self.scale {
                let ratio = t.scale / self.scale;
                let mesh = Arc::make_mut(&mut self.mesh);
                for v in &mut mesh.vertices {
                    v.pos = egui::Pos2::ZERO + (v.pos - self.offset).to_vec2() * ratio + t.offset;
                }
                self.offset = t.offset;
                self.scale = t.scale;
                self.zoomed_at = now;
            }
            ui.ctx().request_repaint_after(std::time::Duration::from_secs_f64(ZOOM_REST_SECONDS * 1.2));
        } else if !(same_data && t.scale == made_at && self.key.as_ref().is_some_and(|k| k.window.contains_rect(seen)))
        {
            self.prepared.retain(|(id, g, _)| *g == generation && ids.contains(id));
            for (overlay, &id) in overlays.iter().zip(&ids) {
                if !self.prepared.iter().any(|(i, ..)| *i == id) {
                    self.prepared.push((id, generation, Arc::new(PreparedOverlay::new(overlay, projection))));
                }
            }
            let in_order = ids.iter().filter_map(|id| self.prepared.iter().find(|(i, ..)| i == id).map(|(.., p)| &**p));
            let window = seen.expand2(seen.size());
            let plane = ScreenTransform { scale: t.scale, offset: Vec2::ZERO };
            let primitives = compose_prepared(in_order, plane, window);
            self.mesh = Arc::new(tessellate(ui, &primitives, ppp));
            self.offset = Vec2::ZERO;
            self.scale = t.scale;
            self.rebuilds += 1;
            self.key = Some(Key { overlays: ids, generation, scale: t.scale, pixels_per_point: ppp, window });
        }
        if self.offset != t.offset {
            Arc::make_mut(&mut self.mesh).translate(t.offset - self.offset);
            self.offset = t.offset;
        }
        ui.painter_at(rect).add(Shape::Mesh(self.mesh.clone()));
    }
}

/// Tessellates `primitives` as the map does, except that circles (a cloud of points) are
/// tessellated once for each look and copied into place: the same triangles, at a fraction of
/// the cost of tessellating each one.
fn tessellate(ui: &Ui, primitives: &[Primitive], ppp: f32) -> Mesh {
    let (circles, rest): (Vec<&Primitive>, Vec<&Primitive>) =
        primitives.iter().partition(|p| matches!(p, Primitive::Circle { .. }));
    let rest: Vec<Primitive> = rest.into_iter().cloned().collect();
    let mut mesh = super::map_view::tessellate(ui, &rest, ppp);
    let mut looks: Vec<([u32; 4], Mesh)> = Vec::new();
    for circle in circles {
        let &Primitive::Circle { centre, radius, fill, stroke_width, stroke } = circle else { continue };
        let look = [fill.to_array(), stroke.to_array()].map(u32::from_le_bytes);
        let look = [look[0], look[1], radius.to_bits(), stroke_width.to_bits()];
        let template = match looks.iter().position(|(l, _)| *l == look) {
            Some(i) => &looks[i].1,
            None => {
                let at_origin = Primitive::Circle { centre: egui::Pos2::ZERO, radius, fill, stroke_width, stroke };
                looks.push((look, super::map_view::tessellate(ui, std::slice::from_ref(&at_origin), ppp)));
                &looks[looks.len() - 1].1
            }
        };
        let base = mesh.vertices.len() as u32;
        mesh.vertices
            .extend(template.vertices.iter().map(|v| egui::epaint::Vertex { pos: v.pos + centre.to_vec2(), ..*v }));
        mesh.indices.extend(template.indices.iter().map(|i| base + i));
    }
    mesh
}
