//! What makes a picture stand alone: the atlas's and the phase's title, the date, a legend with
//! the km² each side holds, a scale bar, the phase's sources and the atlas's credits.

use egui::{Align2, Color32, Rect, pos2, vec2};

use super::svg::{SvgWriter, TextStyle};
use super::{ExportOptions, measure};
use crate::atlas::Atlas;
use crate::i18n::{long_date, t, thousands};
use crate::scene::{ScreenTransform, Style, scale_bar_km};

/// Title, date, legend, scale bar, sources and credits, over a map drawn with `t_map`.
pub fn furniture(
    doc: &mut SvgWriter,
    atlas: &Atlas,
    style: &Style,
    options: &ExportOptions,
    t_map: ScreenTransform,
    w: u32,
    h: u32,
) {
    let lang = options.lang;
    let (w, h) = (w as f32, h as f32);
    let s = (w.min(h) / 900.0).clamp(0.6, 2.5);
    let ink = Color32::from_gray(25);
    // Title: the phase and the date.
    let phase = atlas.phase_at(options.date);
    let title = phase.map_or("", |p| p.title.get(lang.code()));
    let date = long_date(options.date, lang);
    let title_w = (measure(title, 26.0 * s, true).x.max(measure(&date, 20.0 * s, false).x) + 28.0 * s).min(w - 20.0);
    // The caption under the date, wrapped to the panel (at least 40 % of the picture), three lines at most.
    let caption_size = 14.0 * s;
    let caption_w = title_w.max(w * 0.4).min(w - 24.0 * s);
    let mut caption = wrap(&options.caption_text(atlas), caption_size, caption_w - 28.0 * s);
    if caption.len() > 3 {
        caption.truncate(3);
        if let Some(last) = caption.last_mut() {
            last.push_str(" …");
        }
    }
    let panel_w = if caption.is_empty() { title_w } else { caption_w };
    let caption_h = caption.len() as f32 * caption_size * 1.3;
    doc.begin_group("title");
    doc.panel(Rect::from_min_size(pos2(12.0 * s, 12.0 * s), vec2(panel_w, 82.0 * s + caption_h + 4.0 * s)));
    let atlas_title = TextStyle::plain(13.0 * s, Color32::from_gray(80));
    doc.text(pos2(26.0 * s, 20.0 * s), Align2::LEFT_TOP, atlas.title.get(lang.code()), atlas_title);
    doc.text(pos2(26.0 * s, 38.0 * s), Align2::LEFT_TOP, title, TextStyle::bold(24.0 * s, ink));
    doc.text(pos2(26.0 * s, 68.0 * s), Align2::LEFT_TOP, &date, TextStyle::plain(18.0 * s, ink));
    for (i, line) in caption.iter().enumerate() {
        let at = pos2(26.0 * s, 92.0 * s + i as f32 * caption_size * 1.3);
        doc.text(at, Align2::LEFT_TOP, line, TextStyle::plain(caption_size, Color32::from_gray(45)));
    }
    doc.end_group();
    // Sources of the phase, and the credits the atlas's licences ask for, each wrapped to the width
    // (not cut short: a credit that runs off the picture is no credit).
    // The event's sources where the picture shows an event, else the phase's.
    let event = options.event.and_then(|i| atlas.events.get(i));
    let sources: Vec<String> = match event {
        Some(e) => e.sources.iter().map(|s| s.title.clone()).collect(),
        None => phase.map(|p| p.sources.iter().map(|s| s.title.clone()).collect()).unwrap_or_default(),
    };
    let size = 11.0 * s;
    let mut footer = wrap(&format!("{} {}", t(lang, "Sources:"), sources.join(" · ")), size, w - 20.0 * s);
    let credits = atlas.attribution.get(lang.code());
    if !credits.is_empty() {
        footer.extend(wrap(credits, size, w - 20.0 * s));
    }
    // Every source and credit, however many lines they take, up to a third of the picture.
    footer.truncate(((h / 3.0) / (size * 1.3)).max(4.0) as usize);
    let line_h = size * 1.3;
    let footer_h = footer.len() as f32 * line_h + 8.0 * s;
    doc.begin_group("sources-and-credits");
    doc.panel(Rect::from_min_max(pos2(0.0, h - footer_h), pos2(w, h)));
    for (i, text) in footer.iter().enumerate() {
        let y = h - footer_h + 4.0 * s + line_h * (i as f32 + 0.5);
        doc.text(pos2(10.0 * s, y), Align2::LEFT_CENTER, text, TextStyle::plain(size, Color32::from_gray(60)));
    }
    doc.end_group();
    let h = h - footer_h + 24.0 * s;
    // Legend: the sides holding ground on the date, with km².
    let held: Vec<_> = atlas.area_by_controller(options.date).into_iter().filter(|a| a.area_km2 > 0.0).collect();
    let row = 22.0 * s;
    let widest = held
        .iter()
        .filter_map(|a| atlas.controller(a.controller))
        .map(|c| measure(&format!("{} — 00,000 km²", c.name.get(lang.code())), 13.0 * s, false).x)
        .fold(0.0, f32::max);
    let legend = Rect::from_min_size(
        pos2(12.0 * s, h - 40.0 * s - row * held.len() as f32 - 16.0 * s),
        vec2(widest + 50.0 * s, row * held.len() as f32 + 14.0 * s),
    );
    doc.begin_group("legend");
    doc.panel(legend);
    for (i, a) in held.iter().enumerate() {
        let Some(c) = atlas.controller(a.controller) else { continue };
        let y = legend.min.y + 7.0 * s + row * i as f32;
        let swatch = Rect::from_min_size(pos2(legend.min.x + 10.0 * s, y + 3.0 * s), vec2(18.0 * s, 13.0 * s));
        doc.rect(swatch, style.zone_fill(c.colour));
        let label = format!("{} — {} km²", c.name.get(lang.code()), thousands(a.area_km2, lang));
        let at = pos2(legend.min.x + 36.0 * s, y + 10.0 * s);
        doc.text(at, Align2::LEFT_CENTER, &label, TextStyle::plain(13.0 * s, ink));
    }
    doc.end_group();
    // Scale bar: a round number of km about 150 points long (the window's rule).
    let per_km = t_map.scale;
    let km = scale_bar_km(per_km, 150.0 * s);
    let len = km * per_km;
    let (x0, y0) = (w - 24.0 * s - len, h - 52.0 * s);
    doc.begin_group("scale-bar");
    doc.panel(Rect::from_min_max(pos2(x0 - 10.0 * s, y0 - 24.0 * s), pos2(x0 + len + 10.0 * s, y0 + 10.0 * s)));
    doc.rect(Rect::from_min_size(pos2(x0, y0), vec2(len, 4.0 * s)), ink);
    doc.text(
        pos2(x0 + len / 2.0, y0 - 4.0 * s),
        Align2::CENTER_BOTTOM,
        &format!("{km} km"),
        TextStyle::plain(13.0 * s, ink),
    );
    doc.end_group();
}

/// Splits `text` into lines no wider than `width` at font `size` (by the exports' text measure),
/// at spaces; a single word wider than the line stays whole.
pub(crate) fn wrap(text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() { word.to_owned() } else { format!("{current} {word}") };
        if measure(&candidate, size, false).x > width && !current.is_empty() {
            lines.push(std::mem::take(&mut current));
            current = word.to_owned();
        } else {
            current = candidate;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_credits_wrap_to_the_width_and_lose_no_word() {
        let text =
            "Geometry: a public-domain outline. Relief: a national data centre's grid of 1999, thirty seconds a cell.";
        let lines = wrap(text, 11.0, 200.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(lines.iter().all(|l| measure(l, 11.0, false).x <= 200.0 || !l.contains(' ')));
        assert_eq!(lines.join(" "), text);
    }
}
