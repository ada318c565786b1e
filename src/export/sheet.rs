//! One page with the map at the end of every phase, for handouts a student can read: numbered
//! panels in a grid, each with its exact dates ("12 May 1994 – 26 Sep 2020"), its full title
//! (wrapped), the map at the grain of the settlements and a few key towns; a legend of only the
//! sides the panels show, and the atlas's credits, wrapped. Text is sized for the page: laid out
//! at a page's size in points (as the PDF is), nothing is under 7 pt.

use egui::{Align2, Color32, Rect, pos2, vec2};
use jiff::civil::Date;

use super::furniture::wrap;
use super::svg::{SvgWriter, TextStyle, colour};
use super::{PICTURE_SIDES, measure};
use crate::atlas::{Atlas, PlaceKind};
use crate::i18n::{Lang, short_date, t};
use crate::scene::{MapGeometry, NameStyle, SceneInput, SceneOptions, ScreenTransform, Style, View, compose_base};

/// The smallest text on the sheet, in points of the page.
pub const SMALLEST_TEXT: f32 = 7.0;

/// How many towns a panel names, at most: the atlas's highest-ranked.
const KEY_TOWNS: usize = 4;

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
    let code = lang.code();
    let style = Style::default();
    let ink = Color32::from_gray(25);
    // Text scales with the page, never under the smallest size.
    let s = (w.min(h) / 595.0).max(0.5);
    let text = |size: f32| (size * s).max(SMALLEST_TEXT);
    let mut doc = SvgWriter::new(w, h);
    doc.rect(Rect::from_min_size(pos2(0.0, 0.0), vec2(w, h)), Color32::WHITE);
    // The title, wrapped to the page.
    let margin = 18.0 * s;
    let title_size = text(16.0);
    let title = wrap(atlas.title.get(code), title_size, w - 2.0 * margin);
    let mut y = margin;
    doc.begin_group("title");
    for line in &title {
        doc.text(pos2(margin, y), Align2::LEFT_TOP, line, TextStyle::bold(title_size, ink));
        y += title_size * 1.25;
    }
    let subtitle = t(lang, "Who held the ground at the end of each phase");
    doc.text(pos2(margin, y), Align2::LEFT_TOP, subtitle, TextStyle::plain(text(10.0), Color32::from_gray(70)));
    doc.end_group();
    let header = y + text(10.0) * 1.6;
    // The footer: the legend of the sides shown, then the credits, wrapped.
    let dates: Vec<Date> = atlas.phases.iter().map(|p| p.end.unwrap_or(today.max(p.start))).collect();
    let shown: Vec<usize> = (0..atlas.controllers.len())
        .filter(|&c| dates.iter().any(|&d| atlas.area_by_controller(d).get(c).is_some_and(|a| a.area_km2 > 0.0)))
        .collect();
    let small = text(8.0);
    let credits = wrap(atlas.attribution.get(code), small, w - 2.0 * margin);
    let legend_h = small * 2.0;
    let footer = legend_h + credits.len() as f32 * small * 1.3 + margin;
    let area = Rect::from_min_max(pos2(margin, header), pos2(w - margin, h - footer));
    // Columns and rows that give the largest maps of the atlas's own shape, each with room for its
    // number, dates and a title of up to three lines.
    let n = atlas.phases.len().max(1);
    let caption_h = text(7.5) * 1.25 * 4.0 + 4.0 * s;
    let aspect = geometry.bounds.width() / geometry.bounds.height().max(1e-3);
    let (cols, rows) = (1..=n)
        .map(|c| (c, n.div_ceil(c)))
        .max_by(|a, b| {
            let map_side = |(c, r): (usize, usize)| {
                let cell = vec2(area.width() / c as f32, area.height() / r as f32 - caption_h);
                cell.x.min(cell.y.max(0.0) * aspect)
            };
            map_side(*a).total_cmp(&map_side(*b))
        })
        .unwrap_or((1, n));
    let cell = vec2(area.width() / cols as f32, area.height() / rows as f32);
    let scene_options = SceneOptions { lang, names, ..Default::default() };
    let towns: Vec<usize> = {
        let mut ranked: Vec<usize> = (0..atlas.places.len())
            .filter(|&i| atlas.places.get(i).is_some_and(|p| matches!(p.kind, PlaceKind::Capital | PlaceKind::Town)))
            .collect();
        ranked.sort_by_key(|&i| atlas.places.get(i).map_or(u8::MAX, |p| p.rank));
        // The highest-ranked whose names, at the panels' size, do not run into those taken.
        let sample = Rect::from_min_size(pos2(0.0, 0.0), vec2(cell.x - 6.0 * s, cell.y - 6.0 * s - caption_h));
        let t_sample = ScreenTransform::for_view(&View::fit(geometry.bounds), sample, geometry.bounds);
        let mut kept: Vec<usize> = Vec::new();
        let mut taken: Vec<Rect> = Vec::new();
        for i in ranked {
            let (Some(place), Some(at)) = (atlas.places.get(i), geometry.places.get(i)) else { continue };
            let at = t_sample.screen_from_map(*at);
            let size = measure(&crate::scene::place_label(place, names, lang), SMALLEST_TEXT, false);
            let rect = Rect::from_min_size(at - vec2(2.0 * s, size.y / 2.0), size + vec2(4.5 * s, 0.0));
            if kept.len() < KEY_TOWNS && taken.iter().all(|r| !r.intersects(rect)) {
                kept.push(i);
                taken.push(rect);
            }
        }
        kept
    };
    for (i, (phase, &date)) in atlas.phases.iter().zip(&dates).enumerate() {
        let (c, r) = (i % cols, i / cols);
        let frame = Rect::from_min_size(area.min + vec2(c as f32 * cell.x, r as f32 * cell.y), cell).shrink(3.0 * s);
        // Number and exact dates, then the full title, wrapped to three lines.
        let size = text(7.5);
        let end = phase.end.map_or_else(|| t(lang, "today").to_owned(), |e| short_date(e, lang));
        let when = if phase.end == Some(phase.start) {
            short_date(phase.start, lang)
        } else {
            format!("{} – {end}", short_date(phase.start, lang))
        };
        let mut lines = wrap(phase.title.get(code), size, frame.width());
        if lines.len() > 3 {
            lines.truncate(3);
            if let Some(last) = lines.last_mut() {
                last.push('…');
            }
        }
        doc.text(frame.min, Align2::LEFT_TOP, &format!("{}. {when}", i + 1), TextStyle::bold(size, ink));
        for (k, line) in lines.iter().enumerate() {
            let at = frame.min + vec2(0.0, size * 1.25 * (k + 1) as f32);
            doc.text(at, Align2::LEFT_TOP, line, TextStyle::plain(size, Color32::from_gray(50)));
        }
        let map = Rect::from_min_max(frame.min + vec2(0.0, caption_h), frame.max);
        let control = atlas.control_at(date).unwrap_or_default();
        let places = atlas.place_control.all_at(date);
        let cells = atlas.cell_control(&control, &places);
        let input = SceneInput {
            atlas,
            geometry,
            style: &style,
            control: &control,
            places: &places,
            cells: &cells,
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
        // A few key towns, so that a student finds the way on every panel.
        doc.begin_group(&format!("map-{}-towns", i + 1));
        for &p in &towns {
            let (Some(place), Some(at)) = (atlas.places.get(p), geometry.places.get(p)) else { continue };
            let at = t_map.screen_from_map(*at);
            if !map.contains(at) {
                continue;
            }
            doc.primitives(&[crate::scene::Primitive::Circle {
                centre: at,
                radius: 1.8 * s,
                fill: ink,
                stroke_width: 0.8,
                stroke: Color32::WHITE,
            }]);
            let name = crate::scene::place_label(place, names, lang);
            let label = TextStyle { halo: Some(Color32::WHITE), ..TextStyle::plain(SMALLEST_TEXT, ink) };
            doc.text(at + vec2(2.5 * s, 0.0), Align2::LEFT_CENTER, &name, label);
        }
        doc.end_group();
        doc.raw("</svg>\n");
    }
    // The legend of the sides the panels show, then the credits.
    doc.begin_group("legend");
    let mut x = margin;
    let y = h - footer + small * 0.5;
    for c in shown.iter().filter_map(|&c| atlas.controllers.get(c)) {
        doc.rect(Rect::from_min_size(pos2(x, y), vec2(14.0 * s, small)), style.zone_fill(c.colour));
        let name = c.name.get(code);
        doc.text(pos2(x + 18.0 * s, y + small * 0.5), Align2::LEFT_CENTER, name, TextStyle::plain(small, ink));
        x += 30.0 * s + measure(name, small, false).x;
    }
    doc.end_group();
    doc.begin_group("sources-and-credits");
    for (k, line) in credits.iter().enumerate() {
        let at = pos2(margin, h - footer + legend_h + small * 1.3 * k as f32 + small * 0.5);
        doc.text(at, Align2::LEFT_CENTER, line, TextStyle::plain(small, Color32::from_gray(70)));
    }
    doc.end_group();
    doc.finish()
}
