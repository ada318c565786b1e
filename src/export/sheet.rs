//! One page with the map at the end of every phase, for handouts: small maps in a grid, each
//! titled with its phase and years, with a shared legend and the atlas's credits.

use egui::{Align2, Color32, Rect, pos2, vec2};
use jiff::civil::Date;

use super::svg::{SvgWriter, TextStyle, colour};
use super::{PICTURE_SIDES, measure};
use crate::atlas::Atlas;
use crate::i18n::{Lang, t};
use crate::scene::{MapGeometry, NameStyle, SceneInput, SceneOptions, ScreenTransform, Style, View, compose_base};

/// The sheet as an SVG document of `width × height` (at least [`PICTURE_SIDES`]' smallest side);
/// `today` ends a phase that is still going on.
pub fn sheet_svg(
    atlas: &Atlas,
    geometry: &MapGeometry,
    width: u32,
    height: u32,
    lang: Lang,
    names: NameStyle,
    today: Date,
) -> String {
    let least = *PICTURE_SIDES.start();
    let (w, h) = (width.max(least) as f32, height.max(least) as f32);
    let style = Style::default();
    let n = atlas.phases.len().max(1);
    let header = 56.0;
    let footer = 60.0;
    let area = Rect::from_min_max(pos2(10.0, header), pos2(w - 10.0, h - footer));
    // Columns and rows that give cells closest to the map's own shape.
    let aspect = geometry.bounds.width() / geometry.bounds.height().max(1e-3);
    let (cols, rows) = (1..=n)
        .map(|c| (c, n.div_ceil(c)))
        .min_by(|a, b| {
            let err = |(c, r): (usize, usize)| {
                let cell = vec2(area.width() / c as f32, area.height() / r as f32 - 18.0);
                -(cell.x.min(cell.y * aspect))
            };
            err(*a).total_cmp(&err(*b))
        })
        .unwrap_or((1, n));
    let cell = vec2(area.width() / cols as f32, area.height() / rows as f32);
    let mut doc = SvgWriter::new(w, h);
    doc.rect(Rect::from_min_size(pos2(0.0, 0.0), vec2(w, h)), Color32::WHITE);
    doc.text(
        pos2(14.0, 10.0),
        Align2::LEFT_TOP,
        atlas.title.get(lang.code()),
        TextStyle::bold(24.0, Color32::from_gray(20)),
    );
    let scene_options = SceneOptions { lang, names, ..Default::default() };
    for (i, phase) in atlas.phases.iter().enumerate() {
        let (c, r) = (i % cols, i / cols);
        let frame = Rect::from_min_size(area.min + vec2(c as f32 * cell.x, r as f32 * cell.y), cell).shrink(4.0);
        let map = Rect::from_min_max(frame.min + vec2(0.0, 18.0), frame.max);
        let date = phase.end.unwrap_or(today.max(phase.start));
        let control = atlas.control_at(date).unwrap_or_default();
        let input = SceneInput {
            atlas,
            geometry,
            style: &style,
            control: &control,
            places: &[],
            cells: &[],
            date,
            taken: None,
            options: &scene_options,
        };
        let t_map = ScreenTransform::for_view(&View::fit(geometry.bounds), map, geometry.bounds);
        doc.raw(&format!(
            "<svg x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" viewBox=\"{:.1} {:.1} {:.1} {:.1}\">\n",
            map.min.x,
            map.min.y,
            map.width(),
            map.height(),
            map.min.x,
            map.min.y,
            map.width(),
            map.height()
        ));
        doc.raw(&format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\"/>\n",
            map.min.x,
            map.min.y,
            map.width(),
            map.height(),
            colour(style.water)
        ));
        doc.set_group_prefix(&format!("map-{}-", i + 1));
        doc.primitives(&compose_base(&input, t_map, map));
        doc.raw("</svg>\n");
        let end = phase.end.map_or(t(lang, "today").to_owned(), |e| e.year().to_string());
        let label = format!("{} · {}–{}", phase.title.get(lang.code()), phase.start.year(), end);
        let size = (cell.x / 28.0).clamp(8.0, 13.0);
        let label: String = if measure(&label, size, true).x > frame.width() {
            let keep = (frame.width() / (size * 0.6)) as usize;
            format!("{}…", label.chars().take(keep.saturating_sub(1)).collect::<String>())
        } else {
            label
        };
        doc.text(frame.min, Align2::LEFT_TOP, &label, TextStyle::bold(size, Color32::from_gray(30)));
    }
    // Legend and credits.
    let mut x = 14.0;
    let y = h - footer + 12.0;
    for c in &atlas.controllers {
        doc.rect(Rect::from_min_size(pos2(x, y), vec2(16.0, 12.0)), style.zone_fill(c.colour));
        let name = c.name.get(lang.code());
        doc.text(pos2(x + 22.0, y + 6.0), Align2::LEFT_CENTER, name, TextStyle::plain(12.0, Color32::from_gray(30)));
        x += 40.0 + measure(name, 12.0, false).x;
    }
    let credits = atlas.attribution.get(lang.code());
    doc.text(pos2(14.0, h - 16.0), Align2::LEFT_CENTER, credits, TextStyle::plain(11.0, Color32::from_gray(70)));
    doc.finish()
}
