//! A small SVG writer: the scene's primitives and the furniture's panels and texts as SVG
//! elements, with every atlas text escaped.

use std::fmt::Write as _;

use egui::{Align2, Color32, Pos2, Rect};

use crate::scene::Primitive;

/// An SVG document being written.
pub struct SvgWriter {
    out: String,
    relief: Option<crate::scene::Relief>,
    /// Where panels were drawn: map labels keep clear of them.
    panels: Vec<Rect>,
    /// Whether a group opened by a [`Primitive::Group`] is still open.
    in_group: bool,
    /// Put before the ids of the groups of primitives, where one document holds several maps.
    group_prefix: String,
}

/// A colour as `#rrggbb` (its alpha goes in a separate opacity attribute). egui keeps colours
/// premultiplied by their alpha; SVG wants them straight, so they are unmultiplied here (else a
/// translucent zone comes out dark, and a translucent white halo grey).
pub fn colour(c: Color32) -> String {
    let [r, g, b, _] = c.to_srgba_unmultiplied();
    format!("#{r:02x}{g:02x}{b:02x}")
}

fn opacity(c: Color32) -> String {
    if c.a() == 255 { String::new() } else { format!(" opacity=\"{:.3}\"", f32::from(c.a()) / 255.0) }
}

/// A relief image as PNG bytes (its pixels are opaque or fully clear, so premultiplying changes
/// nothing); `None` if it has no pixels.
fn encode_png(image: &crate::scene::ReliefImage) -> Option<Vec<u8>> {
    let [w, h] = image.size;
    let size = resvg::tiny_skia::IntSize::from_wh(u32::try_from(w).ok()?, u32::try_from(h).ok()?)?;
    let pixmap = resvg::tiny_skia::Pixmap::from_vec(image.rgba.clone(), size)?;
    pixmap.encode_png().ok()
}

/// Text made safe inside an element and a double-quoted attribute.
///
/// Characters XML cannot hold (control characters, noncharacters) are left out, so that any text
/// makes a readable picture, whatever came through (the loader refuses them in an atlas already).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if crate::atlas::safe_text::xml_can_hold(c) => out.push(c),
            _ => {}
        }
    }
    out
}

fn points(ps: &[Pos2]) -> String {
    let mut out = String::with_capacity(ps.len() * 14);
    for p in ps {
        let _ = write!(out, "{:.1},{:.1} ", p.x, p.y);
    }
    out
}

/// How a text is drawn.
#[derive(Clone, Copy, Debug)]
pub struct TextStyle {
    /// Font size in points.
    pub size: f32,
    /// In the bold face.
    pub bold: bool,
    /// Text colour.
    pub fill: Color32,
    /// A halo round the letters, if any.
    pub halo: Option<Color32>,
}

impl TextStyle {
    /// Plain text of a size and colour.
    pub fn plain(size: f32, fill: Color32) -> Self {
        Self { size, bold: false, fill, halo: None }
    }

    /// Bold text of a size and colour.
    pub fn bold(size: f32, fill: Color32) -> Self {
        Self { size, bold: true, fill, halo: None }
    }
}

impl SvgWriter {
    /// A document of `w × h` points.
    pub fn new(w: f32, h: f32) -> Self {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">"
        );
        Self { out, relief: None, panels: Vec::new(), in_group: false, group_prefix: String::new() }
    }

    /// Markup without the document round it, to be appended to another with [`Self::raw`].
    pub fn fragment() -> Self {
        Self { out: String::new(), relief: None, panels: Vec::new(), in_group: false, group_prefix: String::new() }
    }

    /// The markup written so far (of a fragment), and the panels drawn in it.
    pub fn into_fragment(self) -> (String, Vec<Rect>) {
        (self.out, self.panels)
    }

    /// The finished document.
    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }

    /// Opens a named group (`<g id="…">`): a layer that editors and slide software can select.
    pub fn begin_group(&mut self, id: &str) {
        let _ = writeln!(self.out, "<g id=\"{}\">", escape(id));
    }

    /// Sets what goes before the ids of the primitives' groups from now on ("map-3-": the third
    /// map of a sheet), so that ids stay unique in a document of several maps.
    pub fn set_group_prefix(&mut self, prefix: &str) {
        prefix.clone_into(&mut self.group_prefix);
    }

    /// Clips what follows, until [`Self::end_clip`], to `r`, defining the clip as `id`.
    pub fn clip_to(&mut self, r: Rect, id: &str) {
        let id = escape(id);
        let _ = writeln!(
            self.out,
            "<clipPath id=\"{id}\"><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\"/></clipPath>\n<g clip-path=\"url(#{id})\">",
            r.min.x,
            r.min.y,
            r.width(),
            r.height()
        );
    }

    /// Ends the clip begun last.
    pub fn end_clip(&mut self) {
        self.out.push_str("</g>\n");
    }

    /// A thin frame round `r`.
    pub fn frame(&mut self, r: Rect, stroke: Color32) {
        let _ = writeln!(
            self.out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"none\" stroke=\"{}\" stroke-width=\"0.8\"/>",
            r.min.x,
            r.min.y,
            r.width(),
            r.height(),
            colour(stroke)
        );
    }

    /// Closes the group opened last.
    pub fn end_group(&mut self) {
        self.out.push_str("</g>\n");
    }

    /// Appends raw markup (a nested document).
    pub fn raw(&mut self, markup: &str) {
        self.out.push_str(markup);
    }

    /// A filled rectangle.
    pub fn rect(&mut self, r: Rect, fill: Color32) {
        let _ = writeln!(
            self.out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\"{}/>",
            r.min.x,
            r.min.y,
            r.width(),
            r.height(),
            colour(fill),
            opacity(fill)
        );
    }

    /// A white, rounded, slightly see-through panel that the furniture sits on.
    pub fn panel(&mut self, r: Rect) {
        self.panels.push(r);
        let _ = writeln!(
            self.out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"6\" fill=\"#ffffff\" fill-opacity=\"0.9\" stroke=\"#bbbbbb\"/>",
            r.min.x,
            r.min.y,
            r.width(),
            r.height()
        );
    }

    /// A text placed the way egui places a galley with `align` at `pos`.
    pub fn text(&mut self, pos: Pos2, align: Align2, s: &str, style: TextStyle) {
        let anchor = match align.x() {
            egui::Align::Min => "start",
            egui::Align::Center => "middle",
            egui::Align::Max => "end",
        };
        let size = style.size;
        // SVG places text on its baseline; move it so the box is where egui would put it.
        let y = match align.y() {
            egui::Align::Min => pos.y + size * 0.95,
            egui::Align::Center => pos.y + size * 0.35,
            egui::Align::Max => pos.y - size * 0.25,
        };
        let weight = if style.bold { "bold" } else { "normal" };
        let common = format!(
            "x=\"{:.1}\" y=\"{y:.1}\" font-family=\"Noto Sans\" font-size=\"{size:.1}\" font-weight=\"{weight}\" text-anchor=\"{anchor}\"",
            pos.x
        );
        // The halo is a text of its own under the letters, not `paint-order`, which slide software
        // and some renderers ignore (they would draw the halo over the letters).
        if let Some(h) = style.halo {
            let _ = writeln!(
                self.out,
                "<text {common} fill=\"none\" stroke=\"{}\"{} stroke-width=\"3\" stroke-linejoin=\"round\">{}</text>",
                colour(h),
                opacity(h),
                escape(s)
            );
        }
        let _ = writeln!(self.out, "<text {common} fill=\"{}\">{}</text>", colour(style.fill), escape(s));
    }

    /// The relief that [`Primitive::Relief`] refers to.
    pub fn set_relief(&mut self, relief: Option<crate::scene::Relief>) {
        self.relief = relief;
    }

    /// The relief as an embedded PNG, stretched over `rect`.
    fn relief_image(&mut self, rect: Rect, tinted: bool) {
        let Some(relief) = &self.relief else { return };
        let slot = &relief.encoded[usize::from(tinted)];
        let png = slot.get_or_init(|| encode_png(&relief.image(tinted)).unwrap_or_default());
        if png.is_empty() {
            return;
        }
        use base64::Engine as _;
        let data = base64::engine::general_purpose::STANDARD.encode(png);
        let _ = writeln!(
            self.out,
            "<image x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" preserveAspectRatio=\"none\" image-rendering=\"smooth\" href=\"data:image/png;base64,{data}\"/>",
            rect.min.x,
            rect.min.y,
            rect.width(),
            rect.height()
        );
    }

    /// Scene primitives as SVG elements.
    pub fn primitives(&mut self, primitives: &[Primitive]) {
        for p in primitives {
            match p {
                Primitive::Area { rings, colour: c, .. } => {
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
                    if !d.is_empty() && c.a() < 255 {
                        // A translucent area (one per controller, cells merged) needs no hairline:
                        // drawn along its inner edges it would show them.
                        let _ = writeln!(
                            self.out,
                            "<path d=\"{d}\" fill=\"{}\"{} fill-rule=\"evenodd\"/>",
                            colour(*c),
                            opacity(*c)
                        );
                    } else if !d.is_empty() {
                        // A hairline of the fill colour closes the antialiasing seams between neighbours.
                        let _ = writeln!(
                            self.out,
                            "<path d=\"{d}\" fill=\"{0}\"{1} fill-rule=\"evenodd\" stroke=\"{0}\" stroke-width=\"0.8\" stroke-linejoin=\"round\"/>",
                            colour(*c),
                            opacity(*c)
                        );
                    }
                }
                Primitive::Polyline { points: ps, width, colour: c, dash } => {
                    let dash = dash.map_or(String::new(), |(a, b)| format!(" stroke-dasharray=\"{a} {b}\""));
                    let _ = writeln!(
                        self.out,
                        "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\"{} stroke-width=\"{width}\" stroke-linejoin=\"round\" stroke-linecap=\"round\"{dash}/>",
                        points(ps),
                        colour(*c),
                        opacity(*c)
                    );
                }
                Primitive::Circle { centre, radius, fill, stroke_width, stroke } => {
                    let _ = writeln!(
                        self.out,
                        "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{radius}\" fill=\"{}\" fill-opacity=\"{:.3}\" stroke=\"{}\" stroke-width=\"{stroke_width}\"/>",
                        centre.x,
                        centre.y,
                        colour(*fill),
                        f32::from(fill.a()) / 255.0,
                        colour(*stroke)
                    );
                }
                Primitive::Relief { rect, tinted } => self.relief_image(*rect, *tinted),
                Primitive::Group(id) => {
                    if self.in_group {
                        self.end_group();
                    }
                    let id = format!("{}{id}", self.group_prefix);
                    self.begin_group(&id);
                    self.in_group = true;
                }
                Primitive::Text { pos, align, text: s, size, bold, colour: c, halo } => {
                    self.text(*pos, *align, s, TextStyle { size: *size, bold: *bold, fill: *c, halo: Some(*halo) });
                }
            }
        }
        if self.in_group {
            self.end_group();
            self.in_group = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translucent_colours_are_written_straight_not_premultiplied() {
        let orange = Color32::from_rgba_unmultiplied(0xd9, 0x88, 0x3e, 115);
        let written = colour(orange);
        let channel = |i: usize| written.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()).unwrap_or(0);
        for (i, want) in [(1, 0xd9u8), (3, 0x88), (5, 0x3e)] {
            assert!(channel(i).abs_diff(want) <= 2, "{written}: channel {i} against {want:02x}");
        }
        assert_eq!(opacity(orange), " opacity=\"0.451\"");
    }

    #[test]
    fn atlas_texts_are_escaped_in_elements_and_attributes() {
        assert_eq!(escape(r#"Tom & "Jerry" <b>"#), "Tom &amp; &quot;Jerry&quot; &lt;b&gt;");
        let mut w = SvgWriter::new(100.0, 50.0);
        w.text(Pos2::ZERO, Align2::LEFT_TOP, "A & B < C", TextStyle::plain(12.0, Color32::BLACK));
        let doc = w.finish();
        assert!(doc.contains(">A &amp; B &lt; C</text>"), "{doc}");
        assert!(roxmltree_like_parse(&doc), "{doc}");
    }

    /// Whether the document is well-formed XML (as far as usvg, which parses it, is concerned).
    fn roxmltree_like_parse(doc: &str) -> bool {
        resvg::usvg::Tree::from_str(doc, &resvg::usvg::Options::default()).is_ok()
    }
}
