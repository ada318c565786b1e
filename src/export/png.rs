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

/// Renders an SVG document over what `pixmap` holds (the layers of a picture over its relief).
pub fn render_over(svg: &str, pixmap: &mut tiny_skia::Pixmap) -> Result<(), ExportError> {
    let tree = usvg::Tree::from_str(svg, &OPTIONS)?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    Ok(())
}

/// Renders an SVG document to PNG bytes.
pub fn png(svg: &str, width: u32, height: u32) -> Result<Vec<u8>, ExportError> {
    encode(&render(svg, width, height)?)
}

/// Pixels as PNG bytes, compressed fast: a picture with relief compresses poorly at any level,
/// and the best level took four fifths of the time of a whole picture for a fifth less size.
pub fn encode(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, ExportError> {
    use image::ImageEncoder as _;
    use image::codecs::png::{CompressionType, FilterType, PngEncoder};
    // Straight colours, as PNG holds them (the pictures are opaque, so this changes nothing but
    // the clear corners of a picture that has them).
    let straight: Vec<u8> = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    let mut out = Vec::new();
    PngEncoder::new_with_quality(&mut out, CompressionType::Fast, FilterType::Adaptive)
        .write_image(&straight, pixmap.width(), pixmap.height(), image::ExtendedColorType::Rgba8)
        .map_err(|e| ExportError::Png(e.to_string()))?;
    Ok(out)
}
