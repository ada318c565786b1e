//! A layer of the map tessellated once and handed to egui in chunks, in the plane where it was
//! made, with the transform that puts it on screen.
//!
//! Two costs of a cached layer grow with its size, not with what the screen shows: egui copies
//! every mesh it is given into its output each frame, and moving a layer (panning, or stretching
//! it while the camera flies) touched every vertex. In chunks of a few thousand vertices, egui
//! leaves out those whose bounds miss the screen (its coarse culling); with the transform applied
//! by egui after tessellation (`transform_after_tessellation`), only the vertices it copies are
//! moved, and the cached chunks are never copied or changed. The chunks follow the primitives'
//! order, so the picture is drawn in the same order as one mesh would be.

use std::sync::Arc;

use egui::emath::TSTransform;
use egui::{Mesh, Painter, Shape};

use crate::scene::Primitive;

/// Vertices after which a chunk is closed (at the end of the shape that passed it). Small enough
/// that a zoomed-in screen leaves most of a layer out, large enough that the chunks of a whole
/// layer stay a few hundred shapes.
const CHUNK_VERTICES: usize = 2048;

/// A tessellated layer: its meshes in drawing order, in the plane it was made in.
#[derive(Clone, Default)]
pub struct MeshChunks {
    chunks: Vec<Arc<Mesh>>,
    /// The size of egui's font atlas its text was tessellated for: the atlas grows (doubling its
    /// height) as new letters are drawn, and a text's texture coordinates are fractions of it,
    /// so text made for a smaller atlas must be made again.
    pub font_image_size: [usize; 2],
}

impl MeshChunks {
    /// Tessellates `primitives` (text laid out with `ctx`'s fonts) at `pixels_per_point`. Needs
    /// no `Ui`, so that it can run off the window's thread.
    pub fn tessellate(ctx: &egui::Context, primitives: &[Primitive], pixels_per_point: f32) -> Self {
        // Laying the text out first: it may grow the font atlas, whose size the texture
        // coordinates are reckoned in.
        let shapes = super::map_view::to_shapes(ctx, primitives);
        let options = ctx.tessellation_options(|o| *o);
        let font_image_size = ctx.fonts(|f| f.font_image_size());
        let mut tessellator = egui::epaint::Tessellator::new(pixels_per_point, options, font_image_size, Vec::new());
        let mut chunks = Vec::new();
        let mut mesh = Mesh::default();
        for shape in shapes {
            tessellator.tessellate_shape(shape, &mut mesh);
            if mesh.vertices.len() >= CHUNK_VERTICES {
                chunks.push(Arc::new(std::mem::take(&mut mesh)));
            }
        }
        if !mesh.is_empty() {
            chunks.push(Arc::new(mesh));
        }
        Self { chunks, font_image_size }
    }

    /// Keeps the text's texture coordinates true to egui's font atlas of `now`'s size. The atlas
    /// grows by doubling its height, its letters staying where they are, so text made for a
    /// shorter atlas is mended by scaling its coordinates down the page (the blank texel every
    /// other shape samples is at the origin and stays there). Returns whether the layer fits the
    /// atlas: false if the atlas changed otherwise, and the layer must be made again.
    pub fn fit_font_atlas(&mut self, now: [usize; 2]) -> bool {
        let [width, height] = self.font_image_size;
        if [width, height] == now || self.chunks.is_empty() {
            self.font_image_size = now;
            return true;
        }
        if width != now[0] || height == 0 || now[1] < height {
            return false;
        }
        let ratio = height as f32 / now[1] as f32;
        for chunk in &mut self.chunks {
            for v in &mut Arc::make_mut(chunk).vertices {
                v.uv.y *= ratio;
            }
        }
        self.font_image_size = now;
        true
    }

    /// Hands the chunks to `painter`'s layer, put on screen by `screen_from_plane` and cut at the
    /// painter's clip rectangle. Copies no vertex: egui does, for the chunks the screen shows.
    pub fn paint(&self, painter: &Painter, screen_from_plane: TSTransform) {
        if self.chunks.is_empty() || !screen_from_plane.is_valid() {
            return;
        }
        // egui maps the clip rectangle by the transform too: given in the plane, it lands on the
        // painter's.
        let clip_in_plane = screen_from_plane.inverse() * painter.clip_rect();
        painter.ctx().graphics_mut(|layers| {
            let list = layers.entry(painter.layer_id());
            let start = list.next_idx();
            for chunk in &self.chunks {
                list.add(clip_in_plane, Shape::Mesh(chunk.clone()));
            }
            let end = list.next_idx();
            list.transform_after_rounding_range(start, end, screen_from_plane);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Color32, Pos2, Rect, vec2};

    /// A context whose fonts are ready, as they are after the window's first frame.
    fn context() -> egui::Context {
        let ctx = egui::Context::default();
        crate::fonts::install(&ctx);
        ctx.run_ui(egui::RawInput::default(), |_| {}).textures_delta.clear();
        ctx
    }

    /// A row of `n` squares 10 points apart, each its own primitive.
    fn squares(n: usize) -> Vec<Primitive> {
        (0..n)
            .map(|i| {
                let at = Pos2::new(i as f32 * 10.0, 0.0);
                Primitive::Area {
                    vertices: vec![at, at + vec2(8.0, 0.0), at + vec2(8.0, 8.0), at + vec2(0.0, 8.0)],
                    indices: vec![0, 1, 2, 0, 2, 3],
                    rings: Vec::new(),
                    colour: Color32::RED,
                }
            })
            .collect()
    }

    /// How many vertices egui draws of `chunks` on a screen `screen` with `transform`.
    fn drawn(ctx: &egui::Context, chunks: &MeshChunks, screen: Rect, transform: TSTransform) -> usize {
        let window = Rect::from_min_size(Pos2::ZERO, vec2(50_000.0, 1000.0));
        let input = egui::RawInput { screen_rect: Some(window), ..Default::default() };
        let mut out = ctx.run_ui(input, |ui| {
            let painter = ui.painter_at(screen);
            chunks.paint(&painter, transform);
        });
        out.textures_delta.clear();
        let clipped_to_screen = |c: &egui::epaint::ClippedShape| (c.clip_rect.min - screen.min).length() < 0.01;
        let shapes: Vec<_> = out.shapes.into_iter().filter(clipped_to_screen).collect();
        let meshes = ctx.tessellate(shapes, out.pixels_per_point);
        meshes
            .iter()
            .map(|p| match &p.primitive {
                egui::epaint::Primitive::Mesh(m) => m.vertices.len(),
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum()
    }

    #[test]
    fn a_layer_is_cut_in_order_into_chunks_egui_leaves_out_off_screen() {
        let ctx = context();
        let layer = MeshChunks::tessellate(&ctx, &squares(4000), 1.0);
        assert!(layer.chunks.len() >= 4, "{} chunks", layer.chunks.len());
        assert!(layer.chunks.iter().all(|c| c.vertices.len() < CHUNK_VERTICES + 64));
        // The chunks run left to right, as the squares were given.
        let lefts: Vec<f32> = layer.chunks.iter().map(|c| c.calc_bounds().min.x).collect();
        assert!(lefts.windows(2).all(|w| w[0] < w[1]), "{lefts:?}");
        let all: usize = layer.chunks.iter().map(|c| c.vertices.len()).sum();
        // The whole row on a screen 40,000 points wide: every vertex.
        let wide = Rect::from_min_size(Pos2::ZERO, vec2(40_000.0, 100.0));
        assert_eq!(drawn(&ctx, &layer, wide, TSTransform::IDENTITY), all);
        // A screen 500 points wide shows one or two chunks.
        let narrow = Rect::from_min_size(Pos2::ZERO, vec2(500.0, 100.0));
        let shown = drawn(&ctx, &layer, narrow, TSTransform::IDENTITY);
        assert!(shown > 0 && shown <= 2 * (CHUNK_VERTICES + 64), "{shown} of {all}");
        // Halved and moved 20,000 points left, the far end of the row is what shows.
        let moved = TSTransform::new(vec2(-20_000.0 + 250.0, 0.0), 0.5);
        let far = drawn(&ctx, &layer, narrow, moved);
        assert!(far > 0 && far < all / 2, "{far} of {all}");
    }

    #[test]
    fn text_is_reckoned_in_the_font_atlas_it_grew() {
        let ctx = context();
        let before = ctx.fonts(|f| f.font_image_size());
        // Many letters at a large size, never drawn before: the atlas has to grow for them.
        let text: String = ('A'..='Z').chain('a'..='z').chain('0'..='9').collect();
        let primitives: Vec<Primitive> = [60.0, 90.0, 120.0]
            .into_iter()
            .map(|size| Primitive::Text {
                pos: Pos2::ZERO,
                align: egui::Align2::LEFT_TOP,
                text: text.clone(),
                size,
                bold: false,
                colour: Color32::BLACK,
                halo: Color32::WHITE,
            })
            .collect();
        let layer = MeshChunks::tessellate(&ctx, &primitives, 1.0);
        let after = ctx.fonts(|f| f.font_image_size());
        assert_ne!(before, after, "the atlas did not grow: the test shows nothing");
        assert_eq!(layer.font_image_size, after);
        // Made again for a taller atlas, the same letters sit at the same texels.
        let texels = |l: &MeshChunks| -> Vec<(f32, f32)> {
            let [w, h] = l.font_image_size;
            l.chunks
                .iter()
                .flat_map(|c| c.vertices.iter().map(move |v| (v.uv.x * w as f32, v.uv.y * h as f32)))
                .collect()
        };
        let mut mended = layer.clone();
        assert!(mended.fit_font_atlas([after[0], after[1] * 4]));
        assert_eq!(mended.font_image_size, [after[0], after[1] * 4]);
        let near = |a: &[(f32, f32)], b: &[(f32, f32)]| {
            a.len() == b.len() && a.iter().zip(b).all(|(p, q)| (p.0 - q.0).abs() < 0.01 && (p.1 - q.1).abs() < 0.01)
        };
        assert!(near(&texels(&layer), &texels(&mended)));
        assert!(layer.chunks.iter().flat_map(|c| &c.vertices).any(|v| v.uv.y > 0.0), "the text samples the atlas");
        // An atlas of another width cannot be mended.
        assert!(!mended.fit_font_atlas([after[0] * 2, after[1] * 4]));
    }
}
