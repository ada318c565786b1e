//! Label placement: labels never overlap; on a collision the less important one is dropped.

use egui::{Align2, Pos2, Rect, Vec2, vec2};

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

/// Places labels greedily in order of importance. A place label tries right, left, above and
/// below its dot; a region label is centred. `measure` gives a text's size at a font size;
/// `blocked` are boxes labels must avoid (dots, the map's edge is handled by `screen`).
pub fn place_labels(
    mut candidates: Vec<LabelCandidate>,
    screen: Rect,
    blocked: &[Rect],
    measure: impl Fn(&str, f32, bool) -> Vec2,
) -> Vec<PlacedLabel> {
    candidates.sort_by_key(|c| c.priority);
    let mut taken: Vec<Rect> = blocked.to_vec();
    let mut placed = Vec::new();
    for c in candidates {
        let size = measure(&c.text, c.size, c.bold) + vec2(4.0, 2.0);
        let options: &[(Align2, Vec2)] = if c.centred {
            &[(Align2::CENTER_CENTER, Vec2::ZERO)]
        } else {
            &[
                (Align2::LEFT_CENTER, vec2(6.0, 0.0)),
                (Align2::RIGHT_CENTER, vec2(-6.0, 0.0)),
                (Align2::CENTER_BOTTOM, vec2(0.0, -5.0)),
                (Align2::CENTER_TOP, vec2(0.0, 5.0)),
            ]
        };
        for &(align, offset) in options {
            let pos = c.anchor + offset;
            let rect = align.anchor_size(pos, size);
            if screen.contains_rect(rect) && !taken.iter().any(|t| t.intersects(rect)) {
                taken.push(rect);
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

    fn cand(text: &str, x: f32, priority: u32) -> LabelCandidate {
        LabelCandidate { text: text.into(), anchor: pos2(x, 100.0), priority, size: 12.0, centred: true, bold: false }
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
}
