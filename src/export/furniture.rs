//! What makes a picture stand alone: the atlas's and the phase's title, the date, a legend with
//! the km² each side holds, a scale bar, the phase's sources and the atlas's credits.

use egui::{Align2, Color32, Rect, pos2, vec2};

use super::svg::{SvgWriter, TextStyle};
use super::{ExportOptions, measure};
use crate::atlas::Atlas;
use crate::i18n::{long_date, t};
use crate::scene::{LegendEntry, ScreenTransform, Style, scale_bar_km, symbol_primitives, symbol_rect};

/// Title, date, legend, scale bar, sources and credits, over a map drawn with `t_map`.
pub fn furniture(
    doc: &mut SvgWriter,
    atlas: &Atlas,
    style: &Style,
    options: &ExportOptions,
    t_map: ScreenTransform,
    legend: &[LegendEntry],
    (w, h): (u32, u32),
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
    let title_panel = Rect::from_min_size(pos2(12.0 * s, 12.0 * s), vec2(panel_w, 82.0 * s + caption_h + 4.0 * s));
    doc.panel(title_panel);
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
    let mut h = h - footer_h + 24.0 * s;
    // An animation's frame: the date large, over a bar of the range with the frame's place on it,
    // the full width above the footer.
    if let Some(range) = options.progress {
        let band_h = 44.0 * s;
        let band = Rect::from_min_max(pos2(0.0, h - 24.0 * s - band_h), pos2(w, h - 24.0 * s));
        doc.begin_group("timeline");
        doc.panel(band);
        let big = TextStyle::bold(26.0 * s, ink);
        let date_w = measure(&long_date(options.date, lang), 26.0 * s, true).x;
        doc.text(pos2(w - 16.0 * s, band.center().y), Align2::RIGHT_CENTER, &long_date(options.date, lang), big);
        let bar = Rect::from_min_max(
            pos2(16.0 * s, band.center().y - 3.0 * s),
            pos2((w - 40.0 * s - date_w).max(40.0 * s), band.center().y + 3.0 * s),
        );
        doc.rect(bar, Color32::from_gray(215));
        let total = crate::atlas::days_between(range.start, range.end).max(1) as f32;
        let done = (crate::atlas::days_between(range.start, options.date) as f32 / total).clamp(0.0, 1.0);
        doc.rect(
            Rect::from_min_size(bar.min, vec2(bar.width() * done, bar.height())),
            Color32::from_rgb(0xc8, 0x10, 0x2e),
        );
        let small = TextStyle::plain(11.0 * s, Color32::from_gray(70));
        doc.text(
            pos2(bar.min.x, bar.max.y + 3.0 * s),
            Align2::LEFT_TOP,
            &crate::i18n::short_date(range.start, lang),
            small,
        );
        doc.text(
            pos2(bar.max.x, bar.max.y + 3.0 * s),
            Align2::RIGHT_TOP,
            &crate::i18n::short_date(range.end, lang),
            small,
        );
        doc.end_group();
        h = band.min.y + 24.0 * s;
    }
    // Legend: the scene's own entries (the sides with their km², shades, lines, signs, symbols),
    // as the window's side panel lists them.
    let row = 20.0 * s;
    let text_size = 12.5 * s;
    let label_of = |e: &LegendEntry| match &e.value {
        Some(v) => format!("{} — {v}", e.label),
        None => e.label.clone(),
    };
    let widest = legend.iter().map(|e| measure(&label_of(e), text_size, false).x).fold(0.0, f32::max);
    let panel_w = (widest + 50.0 * s).min(w * 0.45);
    let lines: Vec<Vec<String>> = legend.iter().map(|e| wrap(&label_of(e), text_size, panel_w - 48.0 * s)).collect();
    let rows: usize = lines.iter().map(|l| l.len().max(1)).sum();
    let box_h = row * rows as f32 + 14.0 * s;
    // On a map plate (the whole atlas, fitted beside or under the panels), under the title where it
    // fits; over a view the reader chose, above the footer, out of the way of the view's centre.
    let under_title = title_panel.max.y + 10.0 * s;
    let plate = options.view.is_none();
    let top = if plate && under_title + box_h < h - 50.0 * s { under_title } else { h - 40.0 * s - box_h - 2.0 * s };
    let panel = Rect::from_min_size(pos2(12.0 * s, top), vec2(panel_w, box_h));
    doc.begin_group("legend");
    if !legend.is_empty() {
        doc.panel(panel);
    }
    let mut y = panel.min.y + 7.0 * s;
    for (e, text) in legend.iter().zip(&lines) {
        let symbol = symbol_rect(pos2(panel.min.x + 10.0 * s, y + 4.0 * s), 12.0 * s);
        doc.primitives(&symbol_primitives(&e.symbol, symbol, style));
        for (i, line) in text.iter().enumerate() {
            let at = pos2(panel.min.x + 44.0 * s, y + 10.0 * s + row * i as f32);
            doc.text(at, Align2::LEFT_CENTER, line, TextStyle::plain(text_size, ink));
        }
        y += row * text.len().max(1) as f32;
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

/// The largest part of `screen` that no panel of the furniture covers, for the map: beside the
/// column of panels on the left (title, legend), or between the title and the legend; above the
/// footer either way. Of the two, the one in which the atlas (`aspect` = width / height) is drawn
/// larger.
pub fn map_room(screen: Rect, panels: &[Rect]) -> Rect {
    let footer_top =
        panels.iter().filter(|p| p.width() > screen.width() * 0.9).map(|p| p.min.y).fold(screen.max.y, f32::min);
    let left: Vec<&Rect> =
        panels.iter().filter(|p| p.width() <= screen.width() * 0.9 && p.min.x < screen.width() * 0.2).collect();
    let column = left.iter().map(|p| p.max.x).fold(screen.min.x, f32::max);
    let title_bottom =
        left.iter().filter(|p| p.min.y < screen.height() * 0.2).map(|p| p.max.y).fold(screen.min.y, f32::max);
    let legend_top =
        left.iter().filter(|p| p.min.y >= screen.height() * 0.2).map(|p| p.min.y).fold(footer_top, f32::min);
    let beside = Rect::from_min_max(pos2(column + 8.0, screen.min.y + 8.0), pos2(screen.max.x - 8.0, footer_top - 8.0));
    let between =
        Rect::from_min_max(pos2(screen.min.x + 8.0, title_bottom + 8.0), pos2(screen.max.x - 8.0, legend_top - 8.0));
    let size = |r: &Rect| r.width().max(0.0).min(r.height().max(0.0) * 1.2);
    let best = if size(&beside) >= size(&between) { beside } else { between };
    if best.width() > 50.0 && best.height() > 50.0 { best } else { screen }
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
