//! SVG to PNG on the CPU with resvg, with the program's own fonts (loaded once).

use std::sync::LazyLock;

use resvg::{tiny_skia, usvg};

use super::ExportError;

/// The reader's options with the shipped fonts, built once: loading the font database copies
/// every font, which would otherwise happen for every picture of a deck or frame of a GIF.
static OPTIONS: LazyLock<usvg::Options<'static>> = LazyLock::new(|| {
    let mut opt = usvg::Options::default();
    let db = opt.fontdb_mut();
    for font in [crate::fonts::NOTO_SANS, crate::fonts::NOTO_SANS_BOLD, crate::fonts::NOTO_SANS_ARMENIAN] {
        db.load_font_data(font.to_vec());
    }
    db.set_sans_serif_family("Noto Sans");
    opt
});

/// The reading options with the shipped fonts, for every renderer of the program's SVG.
pub(crate) fn options() -> &'static usvg::Options<'static> {
    &OPTIONS
}

/// The SVG document with every text turned into outlines of the shipped fonts (usvg lays the
/// text out and writes it back as paths), for slide software and editors that lack the fonts:
/// the picture then looks the same everywhere, though its words can no longer be edited.
/// The named layers (`<g id="…">`) are kept.
pub fn svg_with_text_as_paths(svg: &str) -> Result<String, ExportError> {
    let tree = usvg::Tree::from_str(svg, &OPTIONS)?;
    Ok(tree.to_string(&usvg::WriteOptions { preserve_text: false, ..usvg::WriteOptions::default() }))
}

/// Renders an SVG document into a `width × height` pixmap.
pub fn render(svg: &str, width: u32, height: u32) -> Result<tiny_skia::Pixmap, ExportError> {
    let tree = usvg::Tree::from_str(svg, &OPTIONS)?;
    let mut pixmap =
        tiny_skia::Pixmap::new(width.max(1), height.max(1)).ok_or(ExportError::Canvas { width, height })?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    Ok(pixmap)
}

/// Renders an SVG document to PNG bytes.
pub fn png(svg: &str, width: u32, height: u32) -> Result<Vec<u8>, ExportError> {
    render(svg, width, height)?.encode_png().map_err(|e| ExportError::Png(e.to_string()))
}
