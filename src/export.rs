//! Pictures of the map for slides and handouts: SVG drawn from the same scene as the window, and
//! PNG rendered from that SVG on the CPU (resvg), with title, date, legend, scale bar and sources.

use std::fmt::Write as _;

use egui::{Align2, Color32, Pos2, Rect, Vec2, pos2, vec2};
use jiff::civil::Date;

use crate::atlas::Atlas;
use crate::i18n::{long_date, t};
use crate::scene::{
    MapGeometry, NameStyle, Primitive, SceneInput, SceneOptions, ScreenTransform, Style, View, compose_base,
    compose_overlay,
};

/// What to draw.
#[derive(Clone, Debug)]
pub struct ExportOptions {
    pub date: Date,
    pub width: u32,
    pub height: u32,
    pub lang: String,
    pub names: NameStyle,
    /// The part of the map to show (the window's current view); the whole atlas when `None`.
    pub view: Option<View>,
}

/// Where the map lies in a picture of `width × height`: the whole atlas framed, as "Fit" does.
pub fn map_transform(geometry: &MapGeometry, width: u32, height: u32) -> ScreenTransform {
    ScreenTransform::for_view(&View::fit(geometry.bounds), canvas(width, height), geometry.bounds)
}

fn canvas(width: u32, height: u32) -> Rect {
    Rect::from_min_size(Pos2::ZERO, vec2(width as f32, height as f32))
}

/// Text width estimate for label placement (Noto Sans averages a little over half an em).
fn measure(text: &str, size: f32, bold: bool) -> Vec2 {
    let em = if bold { 0.6 } else { 0.56 };
    vec2(text.chars().count() as f32 * size * em, size * 1.25)
}

fn colour(c: Color32) -> String {
    format!("#{:02x}{:02x}{:02x}", c.r(), c.g(), c.b())
}

fn opacity(c: Color32) -> String {
    if c.a() == 255 { String::new() } else { format!(" opacity=\"{:.3}\"", f32::from(c.a()) / 255.0) }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn points(ps: &[Pos2]) -> String {
    let mut out = String::with_capacity(ps.len() * 14);
    for p in ps {
        let _ = write!(out, "{:.1},{:.1} ", p.x, p.y);
    }
    out
}

// The arguments are the fields of `Primitive::Text`, which it draws.
#[allow(clippy::too_many_arguments)]
fn text(
    out: &mut String,
    pos: Pos2,
    align: Align2,
    s: &str,
    size: f32,
    bold: bool,
    fill: Color32,
    halo: Option<Color32>,
) {
    let anchor = match align.x() {
        egui::Align::Min => "start",
        egui::Align::Center => "middle",
        egui::Align::Max => "end",
    };
    // SVG places text on its baseline; move it so the box is where egui would put it.
    let y = match align.y() {
        egui::Align::Min => pos.y + size * 0.95,
        egui::Align::Center => pos.y + size * 0.35,
        egui::Align::Max => pos.y - size * 0.25,
    };
    let halo = halo.map_or(String::new(), |h| {
        format!(" stroke=\"{}\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"", colour(h))
    });
    let _ = writeln!(
        out,
        "<text x=\"{:.1}\" y=\"{:.1}\" font-family=\"Noto Sans\" font-size=\"{size:.1}\" font-weight=\"{}\" text-anchor=\"{anchor}\" fill=\"{}\"{halo}>{}</text>",
        pos.x,
        y,
        if bold { "bold" } else { "normal" },
        colour(fill),
        escape(s)
    );
}

/// The map of `atlas` on `options.date` as an SVG document.
pub fn svg(atlas: &Atlas, geometry: &MapGeometry, options: &ExportOptions) -> String {
    let (w, h) = (options.width.max(200), options.height.max(150));
    let lang = options.lang.as_str();
    let style = Style::default();
    let control = atlas.control_at(options.date).unwrap_or_default();
    let scene_options = SceneOptions { lang: lang.to_owned(), names: options.names, ..Default::default() };
    let input =
        SceneInput { atlas, geometry, style: &style, control: &control, date: options.date, options: &scene_options };
    let screen = canvas(w, h);
    let view = options.view.unwrap_or_else(|| View::fit(geometry.bounds));
    let transform = ScreenTransform::for_view(&view, screen, geometry.bounds);
    let mut primitives = compose_base(&input, transform, None);
    primitives.extend(compose_overlay(&input, &view, screen, measure));

    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">"
    );
    let _ = writeln!(out, "<rect width=\"{w}\" height=\"{h}\" fill=\"{}\"/>", colour(style.water));
    write_primitives(&mut out, &primitives);
    furniture(&mut out, atlas, &style, options, transform, w, h);
    out.push_str("</svg>\n");
    out
}

/// Writes scene primitives as SVG elements.
fn write_primitives(out: &mut String, primitives: &[Primitive]) {
    for p in primitives {
        match p {
            Primitive::Mesh { rings, colour: c, .. } => {
                let mut d = String::new();
                for ring in rings {
                    if let Some((first, rest)) = ring.split_first() {
                        let _ = write!(d, "M{:.1},{:.1}", first.x, first.y);
                        for q in rest {
                            let _ = write!(d, "L{:.1},{:.1}", q.x, q.y);
                        }
                        d.push('Z');
                    }
                }
                if !d.is_empty() {
                    // A hairline of the fill colour closes the antialiasing seams between neighbours.
                    let _ = writeln!(
                        out,
                        "<path d=\"{d}\" fill=\"{0}\"{1} fill-rule=\"evenodd\" stroke=\"{0}\" stroke-width=\"0.8\" stroke-linejoin=\"round\"/>",
                        colour(*c),
                        opacity(*c)
                    );
                }
            }
            Primitive::Polyline { points: ps, width, colour: c, dash } => {
                let dash = dash.map_or(String::new(), |(a, b)| format!(" stroke-dasharray=\"{a} {b}\""));
                let _ = writeln!(
                    out,
                    "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\"{} stroke-width=\"{width}\" stroke-linejoin=\"round\" stroke-linecap=\"round\"{dash}/>",
                    points(ps),
                    colour(*c),
                    opacity(*c)
                );
            }
            Primitive::Circle { centre, radius, fill, stroke_width, stroke } => {
                let _ = writeln!(
                    out,
                    "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{radius}\" fill=\"{}\" fill-opacity=\"{:.3}\" stroke=\"{}\" stroke-width=\"{stroke_width}\"/>",
                    centre.x,
                    centre.y,
                    colour(*fill),
                    f32::from(fill.a()) / 255.0,
                    colour(*stroke)
                );
            }
            Primitive::Text { pos, align, text: s, size, bold, colour: c, halo } => {
                text(out, *pos, *align, s, *size, *bold, *c, Some(*halo));
            }
        }
    }
}

/// Title, date, legend, scale bar, sources and attribution.
fn furniture(
    out: &mut String,
    atlas: &Atlas,
    style: &Style,
    options: &ExportOptions,
    t_map: ScreenTransform,
    w: u32,
    h: u32,
) {
    let lang = options.lang.as_str();
    let (w, h) = (w as f32, h as f32);
    let s = (w.min(h) / 900.0).clamp(0.6, 2.5);
    let ink = Color32::from_gray(25);
    let panel = |out: &mut String, r: Rect| {
        let _ = writeln!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"6\" fill=\"#ffffff\" fill-opacity=\"0.9\" stroke=\"#bbbbbb\"/>",
            r.min.x,
            r.min.y,
            r.width(),
            r.height()
        );
    };
    // Title: the phase and the date.
    let phase = atlas.phase_at(options.date);
    let title = phase.map_or("", |p| p.title.get(lang));
    let date = long_date(options.date, lang);
    let title_w = (measure(title, 26.0 * s, true).x.max(measure(&date, 20.0 * s, false).x) + 28.0 * s).min(w - 20.0);
    panel(out, Rect::from_min_size(pos2(12.0 * s, 12.0 * s), vec2(title_w, 82.0 * s)));
    text(
        out,
        pos2(26.0 * s, 20.0 * s),
        Align2::LEFT_TOP,
        atlas.title.get(lang),
        13.0 * s,
        false,
        Color32::from_gray(80),
        None,
    );
    text(out, pos2(26.0 * s, 38.0 * s), Align2::LEFT_TOP, title, 24.0 * s, true, ink, None);
    text(out, pos2(26.0 * s, 68.0 * s), Align2::LEFT_TOP, &date, 18.0 * s, false, ink, None);
    // Legend: the sides holding ground on the date, with km².
    let held: Vec<_> = atlas.area_by_controller(options.date).into_iter().filter(|a| a.area_km2 > 0.0).collect();
    let row = 22.0 * s;
    let widest = held
        .iter()
        .filter_map(|a| atlas.controllers.get(a.controller))
        .map(|c| measure(&format!("{} — 00,000 km²", c.name.get(lang)), 13.0 * s, false).x)
        .fold(0.0, f32::max);
    let legend = Rect::from_min_size(
        pos2(12.0 * s, h - 40.0 * s - row * held.len() as f32 - 16.0 * s),
        vec2(widest + 50.0 * s, row * held.len() as f32 + 14.0 * s),
    );
    panel(out, legend);
    for (i, a) in held.iter().enumerate() {
        let Some(c) = atlas.controllers.get(a.controller) else { continue };
        let y = legend.min.y + 7.0 * s + row * i as f32;
        let _ = writeln!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\"/>",
            legend.min.x + 10.0 * s,
            y + 3.0 * s,
            18.0 * s,
            13.0 * s,
            colour(style.zone_fill(c.colour))
        );
        let label = format!("{} — {} km²", c.name.get(lang), crate::i18n::thousands(a.area_km2));
        text(out, pos2(legend.min.x + 36.0 * s, y + 10.0 * s), Align2::LEFT_CENTER, &label, 13.0 * s, false, ink, None);
    }
    // Scale bar: a round number of km about 150 points long.
    let per_km = t_map.scale;
    let target_km = 150.0 * s / per_km.max(1e-6);
    let km = [1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 500.0]
        .into_iter()
        .rfind(|k| *k <= target_km)
        .unwrap_or(1.0);
    let len = km * per_km;
    let (x0, y0) = (w - 24.0 * s - len, h - 52.0 * s);
    panel(out, Rect::from_min_max(pos2(x0 - 10.0 * s, y0 - 24.0 * s), pos2(x0 + len + 10.0 * s, y0 + 10.0 * s)));
    let _ = writeln!(
        out,
        "<rect x=\"{x0:.1}\" y=\"{y0:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\"/>",
        len,
        4.0 * s,
        colour(ink)
    );
    text(
        out,
        pos2(x0 + len / 2.0, y0 - 4.0 * s),
        Align2::CENTER_BOTTOM,
        &format!("{km} km"),
        13.0 * s,
        false,
        ink,
        None,
    );
    // Sources of the phase, and the credits the licences ask for.
    let mut sources: Vec<String> =
        phase.map(|p| p.sources.iter().take(3).map(|s| s.title.clone()).collect()).unwrap_or_default();
    sources.push(
        t(lang, "Geometry: Natural Earth (public domain). Place coordinates: GeoNames (geonames.org), CC BY 4.0.")
            .to_owned(),
    );
    let line = format!("{} {}", t(lang, "Sources:"), sources.join(" · "));
    panel(out, Rect::from_min_max(pos2(0.0, h - 24.0 * s), pos2(w, h)));
    text(out, pos2(10.0 * s, h - 12.0 * s), Align2::LEFT_CENTER, &line, 11.0 * s, false, Color32::from_gray(60), None);
}

/// Renders an SVG document to PNG bytes on the CPU, with the program's own fonts.
pub fn png(svg: &str, width: u32, height: u32) -> Result<Vec<u8>, String> {
    use resvg::{tiny_skia, usvg};
    let mut opt = usvg::Options::default();
    {
        let db = opt.fontdb_mut();
        for font in [crate::fonts::NOTO_SANS, crate::fonts::NOTO_SANS_BOLD, crate::fonts::NOTO_SANS_ARMENIAN] {
            db.load_font_data(font.to_vec());
        }
        db.set_sans_serif_family("Noto Sans");
    }
    let tree = usvg::Tree::from_str(svg, &opt).map_err(|e| format!("the SVG could not be read: {e}"))?;
    let mut pixmap = tiny_skia::Pixmap::new(width.max(1), height.max(1))
        .ok_or_else(|| format!("cannot make a {width}×{height} picture"))?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| format!("PNG encoding failed: {e}"))
}

/// Draws the map on `options.date` and writes it to `path` as SVG or PNG (`format`).
pub fn write_picture(
    atlas: &Atlas,
    geometry: &MapGeometry,
    options: &ExportOptions,
    format: &str,
    path: &std::path::Path,
) -> Result<(), String> {
    let doc = svg(atlas, geometry, options);
    let bytes = if format == "png" { png(&doc, options.width, options.height)? } else { doc.into_bytes() };
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Writes a slide deck into `dir`: a picture at the start of every phase and on the day of every
/// event (those abroad show the map of their day), in date order, and `index.md` with each slide's title,
/// date, text and sources. Returns the number of slides.
pub fn deck(
    atlas: &Atlas,
    geometry: &MapGeometry,
    dir: &std::path::Path,
    format: &str,
    options: &dyn Fn(Date) -> ExportOptions,
) -> Result<usize, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot make {}: {e}", dir.display()))?;
    // (date, order, file stem, heading, text, sources)
    let mut slides: Vec<(Date, usize, String, String, String, Vec<String>)> = Vec::new();
    let lang = options(atlas.span().0).lang;
    let lang = lang.as_str();
    for (i, p) in atlas.phases.iter().enumerate() {
        let sources = p.sources.iter().map(source_line).collect();
        slides.push((
            p.start,
            0,
            format!("phase-{:02}-{}", i + 1, p.id),
            p.title.get(lang).to_owned(),
            p.summary.get(lang).to_owned(),
            sources,
        ));
    }
    for e in &atlas.events {
        let sources = e.sources.iter().map(source_line).collect();
        let mut text = e.text.get(lang).to_owned();
        if let Some(claim) = &e.claim {
            text.push_str(&format!(" ({})", claim.get(lang)));
        }
        slides.push((e.date, 1, format!("event-{}", e.id), long_date(e.date, lang), text, sources));
    }
    slides.sort_by_key(|s| (s.0, s.1));
    let mut index = format!("# {}\n\n", atlas.title.get(lang));
    for (n, (date, _, stem, heading, text, sources)) in slides.iter().enumerate() {
        let file = format!("{:03}-{stem}.{format}", n + 1);
        write_picture(atlas, geometry, &options(*date), format, &dir.join(&file))?;
        let when = long_date(*date, lang);
        let dated = if *heading == when { String::new() } else { format!("*{when}*\n\n") };
        index.push_str(&format!("## {heading}\n\n{dated}![{heading}]({file})\n\n{text}\n\n"));
        for s in sources {
            index.push_str(&format!("- {s}\n"));
        }
        index.push_str("\n---\n\n");
    }
    std::fs::write(dir.join("index.md"), index).map_err(|e| format!("cannot write the index: {e}"))?;
    Ok(slides.len())
}

fn source_line(s: &crate::atlas::Source) -> String {
    match &s.url {
        Some(url) => format!("[{}]({url})", s.title),
        None => s.title.clone(),
    }
}

/// One page with the map at the end of every phase, for handouts: small maps in a grid, each
/// titled with its phase and dates, with a shared legend and the credits.
pub fn sheet_svg(
    atlas: &Atlas,
    geometry: &MapGeometry,
    width: u32,
    height: u32,
    lang: &str,
    names: NameStyle,
) -> String {
    let (w, h) = (width.max(400) as f32, height.max(300) as f32);
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
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">"
    );
    let _ = writeln!(out, "<rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>");
    text(&mut out, pos2(14.0, 10.0), Align2::LEFT_TOP, atlas.title.get(lang), 24.0, true, Color32::from_gray(20), None);
    let scene_options = SceneOptions { lang: lang.to_owned(), names, ..Default::default() };
    let today = jiff::Zoned::now().date();
    for (i, phase) in atlas.phases.iter().enumerate() {
        let (c, r) = (i % cols, i / cols);
        let frame = Rect::from_min_size(area.min + vec2(c as f32 * cell.x, r as f32 * cell.y), cell).shrink(4.0);
        let map = Rect::from_min_max(frame.min + vec2(0.0, 18.0), frame.max);
        let date = phase.end.unwrap_or(today.max(phase.start));
        let control = atlas.control_at(date).unwrap_or_default();
        let input = SceneInput { atlas, geometry, style: &style, control: &control, date, options: &scene_options };
        let t = ScreenTransform::for_view(&View::fit(geometry.bounds), map, geometry.bounds);
        let _ = writeln!(
            out,
            "<svg x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" viewBox=\"{:.1} {:.1} {:.1} {:.1}\">",
            map.min.x,
            map.min.y,
            map.width(),
            map.height(),
            map.min.x,
            map.min.y,
            map.width(),
            map.height()
        );
        let _ = writeln!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\"/>",
            map.min.x,
            map.min.y,
            map.width(),
            map.height(),
            colour(style.water)
        );
        write_primitives(&mut out, &compose_base(&input, t, None));
        out.push_str("</svg>\n");
        let end = phase.end.map_or(t_today(lang), |e| e.year().to_string());
        let label = format!("{} · {}–{}", phase.title.get(lang), phase.start.year(), end);
        let size = (cell.x / 28.0).clamp(8.0, 13.0);
        let label: String = if measure(&label, size, true).x > frame.width() {
            let keep = (frame.width() / (size * 0.6)) as usize;
            format!("{}…", label.chars().take(keep.saturating_sub(1)).collect::<String>())
        } else {
            label
        };
        text(&mut out, frame.min, Align2::LEFT_TOP, &label, size, true, Color32::from_gray(30), None);
    }
    // Legend and credits.
    let mut x = 14.0;
    let y = h - footer + 12.0;
    for c in &atlas.controllers {
        let _ = writeln!(
            out,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"16\" height=\"12\" fill=\"{}\"/>",
            y,
            colour(style.zone_fill(c.colour))
        );
        text(
            &mut out,
            pos2(x + 22.0, y + 6.0),
            Align2::LEFT_CENTER,
            c.name.get(lang),
            12.0,
            false,
            Color32::from_gray(30),
            None,
        );
        x += 40.0 + measure(c.name.get(lang), 12.0, false).x;
    }
    let credit =
        t(lang, "Geometry: Natural Earth (public domain). Place coordinates: GeoNames (geonames.org), CC BY 4.0.");
    text(&mut out, pos2(14.0, h - 16.0), Align2::LEFT_CENTER, credit, 11.0, false, Color32::from_gray(70), None);
    out.push_str("</svg>\n");
    out
}

fn t_today(lang: &str) -> String {
    t(lang, "today").to_owned()
}

/// Renders a picture of `width × height` from an SVG document into RGBA pixels.
fn rgba(svg: &str, width: u32, height: u32) -> Result<Vec<u8>, String> {
    let bytes = png(svg, width, height)?;
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(&bytes).map_err(|e| format!("PNG decoding failed: {e}"))?;
    // tiny-skia keeps premultiplied alpha; the picture is opaque, so the bytes are plain RGBA.
    Ok(pixmap.take())
}

/// Frames from `from` to `to` (both included), `days_per_frame` apart: at most this many.
pub const MAX_FRAMES: usize = 400;

/// An animated GIF of the map from `from` to `to`, one frame every `days_per_frame` days, each
/// with its date, shown `delay_cs` hundredths of a second; the last frame lingers.
pub fn animate_gif(
    atlas: &Atlas,
    geometry: &MapGeometry,
    from: Date,
    to: Date,
    days_per_frame: i64,
    options: &dyn Fn(Date) -> ExportOptions,
) -> Result<Vec<u8>, String> {
    use jiff::ToSpan as _;
    if to < from {
        return Err(format!("the animation ends ({to}) before it starts ({from})"));
    }
    let step = days_per_frame.max(1);
    let mut dates = Vec::new();
    let mut d = from;
    while d <= to {
        dates.push(d);
        if dates.len() > MAX_FRAMES {
            return Err(format!("more than {MAX_FRAMES} frames: use a larger --days-per-frame"));
        }
        d = d.checked_add(step.days()).map_err(|e| e.to_string())?;
    }
    if dates.last() != Some(&to) {
        dates.push(to);
    }
    let first = options(from);
    let (w, h) = (first.width, first.height);
    let (gw, gh) =
        (u16::try_from(w).map_err(|_| "too wide for a GIF")?, u16::try_from(h).map_err(|_| "too tall for a GIF")?);
    let mut bytes = Vec::new();
    {
        let mut encoder = gif::Encoder::new(&mut bytes, gw, gh, &[]).map_err(|e| e.to_string())?;
        encoder.set_repeat(gif::Repeat::Infinite).map_err(|e| e.to_string())?;
        for (i, date) in dates.iter().enumerate() {
            let mut pixels = rgba(&svg(atlas, geometry, &options(*date)), w, h)?;
            let mut frame = gif::Frame::from_rgba_speed(gw, gh, &mut pixels, 10);
            frame.delay = if i + 1 == dates.len() { 300 } else { 25 };
            encoder.write_frame(&frame).map_err(|e| e.to_string())?;
        }
    }
    Ok(bytes)
}
