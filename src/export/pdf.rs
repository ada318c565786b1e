//! PDF for print: each page one of the program's SVG pictures, drawn as vectors by krilla-svg
//! into a krilla document, with the shipped fonts embedded (subset) and the text selectable. A
//! picture for a page is laid out at the page's size in points, so the furniture's text sizes are
//! printed sizes.

use std::str::FromStr;

use krilla::Document;
use krilla::geom::Size;
use krilla::page::PageSettings;
use krilla_svg::{SurfaceExt, SvgSettings};
use resvg::usvg;

use super::ExportError;

/// A paper size and its orientation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageSize {
    /// The paper.
    pub paper: Paper,
    /// Wider than high.
    pub landscape: bool,
}

/// The papers offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    A4,
    /// ISO A3, 297 × 420 mm.
    A3,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl PageSize {
    /// A4 landscape: a map or a slide on the most common paper.
    pub const DEFAULT: Self = Self { paper: Paper::A4, landscape: true };

    /// Width and height in points (1/72 in).
    pub fn points(self) -> (u32, u32) {
        let (short, long) = match self.paper {
            Paper::A4 => (595, 842),
            Paper::A3 => (842, 1191),
            Paper::Letter => (612, 792),
        };
        if self.landscape { (long, short) } else { (short, long) }
    }
}

impl FromStr for PageSize {
    type Err = String;

    /// `A4`, `A3` or `Letter`, with `-landscape` or `-portrait` (landscape when not said).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        let (paper, orientation) = lower.split_once('-').unwrap_or((&lower, "landscape"));
        let paper = match paper {
            "a4" => Paper::A4,
            "a3" => Paper::A3,
            "letter" => Paper::Letter,
            _ => return Err(format!("\"{s}\": the paper is A4, A3 or Letter (e.g. A4-landscape)")),
        };
        let landscape = match orientation {
            "landscape" => true,
            "portrait" => false,
            _ => return Err(format!("\"{s}\": the orientation is landscape or portrait (e.g. A4-portrait)")),
        };
        Ok(Self { paper, landscape })
    }
}

/// A PDF of one page for each SVG document, each page as large as its document (in points).
pub fn pdf(pages: &[String]) -> Result<Vec<u8>, ExportError> {
    let mut document = Document::new();
    for svg in pages {
        let tree = usvg::Tree::from_str(svg, super::png::options())?;
        let size = Size::from_wh(tree.size().width(), tree.size().height())
            .ok_or(ExportError::Pdf("a page of no size".into()))?;
        let mut page = document.start_page_with(PageSettings::new(size));
        let mut surface = page.surface();
        surface.draw_svg(&tree, size, SvgSettings { embed_text: true, ..SvgSettings::default() });
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| ExportError::Pdf(format!("{e:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_sizes_read_as_a_printer_names_them() {
        assert_eq!("A4-landscape".parse::<PageSize>().map(PageSize::points), Ok((842, 595)));
        assert_eq!("a4-portrait".parse::<PageSize>().map(PageSize::points), Ok((595, 842)));
        assert_eq!("A3".parse::<PageSize>().map(PageSize::points), Ok((1191, 842)));
        assert_eq!("Letter-portrait".parse::<PageSize>().map(PageSize::points), Ok((612, 792)));
        assert!("A5".parse::<PageSize>().is_err_and(|e| e.contains("A4, A3 or Letter")));
        assert!("A4-sideways".parse::<PageSize>().is_err_and(|e| e.contains("landscape or portrait")));
    }
}
