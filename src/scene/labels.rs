//! Label placement: labels never overlap; on a collision the less important one is dropped.

use std::collections::HashMap;

use egui::{Align2, Color32, Pos2, Rect, Vec2, vec2};

use super::Primitive;

/// A label that would like to be drawn.
#[derive(Clone, Debug)]
pub struct LabelCandidate {
    /// What the label says.
    pub text: String,
    /// The point labelled (a town's dot, a region's interior point), in screen points.
    pub anchor: Pos2,
    /// Lower is more important.
    pub priority: u32,
    /// Font size in points.
    pub size: f32,
    /// Centred on the anchor (regions), or beside a dot (places).
    pub centred: bool,
    /// Drawn in the bold face.
    pub bold: bool,
    /// Text colour.
    pub colour: Color32,
    /// Drawn with the label only if the label finds room (a village's dot: a dot without a name
    /// is noise on a map).
    pub symbol: Vec<Primitive>,
    /// Room the symbol takes, kept clear of other labels once placed.
    pub symbol_rect: Option<Rect>,
    /// The radius of a town's dot at the anchor (kept clear by the caller): the label stands
    /// off it, however large the dot is drawn (a presentation's towns are larger).
    pub dot_radius: f32,
    /// The caller's mark, to know which candidates found room.
    pub tag: Option<usize>,
}

impl LabelCandidate {
    /// A label with no symbol of its own.
    pub fn new(text: String, anchor: Pos2, priority: u32, size: f32, colour: Color32) -> Self {
        Self {
            text,
            anchor,
            priority,
            size,
            centred: false,
            bold: false,
            colour,
            symbol: Vec::new(),
            symbol_rect: None,
            dot_radius: 0.0,
            tag: None,
        }
    }
}

/// A label that found room: its box and where its text goes.
#[derive(Clone, Debug)]
pub struct PlacedLabel {
    /// The label as asked for.
    pub candidate: LabelCandidate,
    /// The box it takes, in screen points.
    pub rect: Rect,
    /// How the text sits at `pos`.
    pub align: Align2,
    /// Where the text is anchored.
    pub pos: Pos2,
}

/// Boxes already taken, bucketed on a coarse grid so that a test looks only at its neighbours:
/// placement stays linear in the number of labels.
struct Taken {
    cell: f32,
    rects: Vec<Rect>,
    buckets: HashMap<(i32, i32), Vec<usize>>,
}

impl Taken {
    fn new(cell: f32) -> Self {
        Self { cell, rects: Vec::new(), buckets: HashMap::new() }
    }

    fn cells(&self, r: Rect) -> impl Iterator<Item = (i32, i32)> + use<> {
        let c = self.cell;
        let (x0, x1) = ((r.min.x / c).floor() as i32, (r.max.x / c).floor() as i32);
        let (y0, y1) = ((r.min.y / c).floor() as i32, (r.max.y / c).floor() as i32);
        // A box larger than a screen (a blocked banner) is put in a bounded number of cells.
        let (x1, y1) = (x1.min(x0.saturating_add(64)), y1.min(y0.saturating_add(64)));
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    fn insert(&mut self, r: Rect) {
        if !r.is_finite() {
            return;
        }
        let i = self.rects.len();
        self.rects.push(r);
        for cell in self.cells(r) {
            self.buckets.entry(cell).or_default().push(i);
        }
    }

    fn hits(&self, r: Rect) -> bool {
        self.cells(r).any(|cell| {
            self.buckets
                .get(&cell)
                .is_some_and(|list| list.iter().any(|&i| self.rects.get(i).is_some_and(|t| t.intersects(r))))
        })
    }
}

/// Places labels greedily in order of importance. A place label tries right, left, above and
/// below its dot; a region label is centred. `measure` gives a text's size at a font size;
/// `blocked` are boxes labels must avoid; labels must lie inside `within`.
pub fn place_labels(
    mut candidates: Vec<LabelCandidate>,
    within: Rect,
    blocked: &[Rect],
    measure: impl Fn(&str, f32, bool) -> Vec2,
) -> Vec<PlacedLabel> {
    candidates.sort_by_key(|c| c.priority);
    let mut taken = Taken::new(64.0);
    for &b in blocked {
        taken.insert(b);
    }
    let mut placed = Vec::new();
    for c in candidates {
        let size = measure(&c.text, c.size, c.bold) + vec2(4.0, 2.0);
        // Beside a dot, clear of it: the dot's box reaches its radius and a point further.
        let gap = c.symbol_rect.map_or((c.dot_radius + 1.5).max(6.0), |r| r.width() / 2.0 + 3.0);
        let rise = (gap - 1.0).max(c.dot_radius + 1.5);
        // A centred label (a region's) may move a line up or down off a town's dot.
        let line = size.y;
        let centred = [
            (Align2::CENTER_CENTER, Vec2::ZERO),
            (Align2::CENTER_CENTER, vec2(0.0, line)),
            (Align2::CENTER_CENTER, vec2(0.0, -line)),
        ];
        let options: &[(Align2, Vec2)] = if c.centred {
            &centred
        } else {
            &[
                (Align2::LEFT_CENTER, vec2(gap, 0.0)),
                (Align2::RIGHT_CENTER, vec2(-gap, 0.0)),
                (Align2::CENTER_BOTTOM, vec2(0.0, -rise)),
                (Align2::CENTER_TOP, vec2(0.0, rise)),
            ]
        };
        if c.symbol_rect.is_some_and(|r| taken.hits(r)) {
            continue;
        }
        for &(align, offset) in options {
            let pos = c.anchor + offset;
            let rect = align.anchor_size(pos, size);
            if within.contains_rect(rect) && !taken.hits(rect) {
                taken.insert(rect);
                if let Some(r) = c.symbol_rect {
                    taken.insert(r);
                }
                placed.push(PlacedLabel { candidate: c, rect, align, pos });
                break;
            }
        }
    }
    placed
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use egui::pos2;

    #[test]
    fn a_town_label_stands_clear_of_its_dot_however_large_it_is_drawn() {
        // A capital's dot drawn half as large again (presentation mode): 5.5 points, its box 6.5
        // each way, kept clear; the label must still find room beside it.
        let at = pos2(200.0, 200.0);
        let radius = 4.5 * 1.5f32.sqrt();
        let dot = Rect::from_center_size(at, Vec2::splat(radius * 2.0 + 2.0));
        let mut c = LabelCandidate::new("Stepanakert".into(), at, 10, 22.5, Color32::BLACK);
        c.dot_radius = radius;
        let within = Rect::from_min_size(Pos2::ZERO, vec2(400.0, 400.0));
        let placed = place_labels(vec![c], within, &[dot], |t, size, _| vec2(t.len() as f32 * size * 0.5, size));
        assert_eq!(placed.len(), 1, "the capital is named");
        assert!(!placed[0].rect.intersects(dot), "{:?} clear of {dot:?}", placed[0].rect);
    }

    fn cand(text: &str, x: f32, priority: u32) -> LabelCandidate {
        LabelCandidate {
            centred: true,
            ..LabelCandidate::new(text.into(), pos2(x, 100.0), priority, 12.0, Color32::BLACK)
        }
    }

    #[test]
    fn the_less_important_label_gives_way() {
        let screen = Rect::from_min_size(Pos2::ZERO, vec2(400.0, 200.0));
        let measure = |t: &str, s: f32, _bold: bool| vec2(t.len() as f32 * s * 0.6, s);
        let placed = place_labels(
            vec![cand("Minor village", 105.0, 5), cand("Capital city", 100.0, 1), cand("Far town", 300.0, 3)],
            screen,
            &[],
            measure,
        );
        let names: Vec<_> = placed.iter().map(|p| p.candidate.text.as_str()).collect();
        assert_eq!(names, ["Capital city", "Far town"]);
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(!a.rect.intersects(b.rect));
            }
        }
    }

    #[test]
    fn a_thousand_crowded_labels_never_overlap() {
        let within = Rect::from_min_size(Pos2::ZERO, vec2(800.0, 600.0));
        let measure = |t: &str, s: f32, _bold: bool| vec2(t.len() as f32 * s * 0.55, s * 1.2);
        let candidates: Vec<_> = (0..1000)
            .map(|i| {
                let anchor = pos2((i * 37 % 800) as f32, (i * 53 % 600) as f32);
                let mut c = LabelCandidate::new(format!("Village {i}"), anchor, i % 7, 10.0, Color32::BLACK);
                c.symbol_rect = Some(Rect::from_center_size(anchor, vec2(4.0, 4.0)));
                c
            })
            .collect();
        let placed = place_labels(candidates, within, &[], measure);
        assert!(placed.len() > 50, "{} placed", placed.len());
        for (i, a) in placed.iter().enumerate() {
            assert!(within.contains_rect(a.rect));
            for b in &placed[i + 1..] {
                assert!(!a.rect.intersects(b.rect), "{} and {}", a.candidate.text, b.candidate.text);
            }
        }
    }
}
