//! The fonts the program ships (Noto Sans, SIL Open Font License; see assets/fonts/), used by the
//! window and by exports alike. egui's bundled fonts lack ə (Xankəndi, Kəlbəcər), most Vietnamese
//! tone marks and Armenian script, and a user's machine may have no system font with them.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// Noto Sans Regular.
pub const NOTO_SANS: &[u8] = include_bytes!("../assets/fonts/NotoSans-Regular.ttf");
/// Noto Sans Bold.
pub const NOTO_SANS_BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSans-Bold.ttf");
/// Noto Sans Armenian Regular.
pub const NOTO_SANS_ARMENIAN: &[u8] = include_bytes!("../assets/fonts/NotoSansArmenian-Regular.ttf");

/// The family of bold text (map labels of capitals and towns, headings).
pub fn bold() -> FontFamily {
    FontFamily::Name("bold".into())
}

/// Font definitions with Noto Sans first, egui's own fonts (emoji, symbols) as fallbacks.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    for (name, bytes) in
        [("noto-sans", NOTO_SANS), ("noto-sans-bold", NOTO_SANS_BOLD), ("noto-sans-armenian", NOTO_SANS_ARMENIAN)]
    {
        fonts.font_data.insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
    }
    let proportional = fonts.families.entry(FontFamily::Proportional).or_default();
    proportional.insert(0, "noto-sans".to_owned());
    proportional.insert(1, "noto-sans-armenian".to_owned());
    let fallbacks = proportional.clone();
    let mut bold_fonts = vec!["noto-sans-bold".to_owned()];
    bold_fonts.extend(fallbacks);
    fonts.families.insert(bold(), bold_fonts);
    fonts.families.entry(FontFamily::Monospace).or_default().push("noto-sans".to_owned());
    fonts
}

/// Installs the fonts in a context (the window's, or a test harness's).
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

/// Measures text laid out in the shipped fonts, without a window, exactly as egui lays it out
/// (one point a pixel). The window and every export place their map labels by this one measure,
/// so that a view gives the same labels on screen and on paper, and an export's panels are sized
/// to the text they hold rather than to an estimate.
pub fn measure(text: &str, size: f32, bold: bool) -> egui::Vec2 {
    use std::sync::{Mutex, OnceLock};

    use egui::epaint::text::{Fonts, TextOptions};

    /// The fonts and how many texts were laid out since their caches were last trimmed.
    struct Metrics {
        fonts: Fonts,
        since_trim: u32,
    }
    static METRICS: OnceLock<Mutex<Metrics>> = OnceLock::new();
    /// Laid-out texts kept before the caches are trimmed (and the glyph atlas emptied when full),
    /// as a window does once a frame.
    const TRIM_EVERY: u32 = 4096;

    if !size.is_finite() || size <= 0.0 || text.is_empty() {
        return egui::Vec2::ZERO;
    }
    let metrics = METRICS.get_or_init(|| {
        Mutex::new(Metrics { fonts: Fonts::new(TextOptions::default(), definitions()), since_trim: 0 })
    });
    // A panic elsewhere while measuring leaves fonts that are still whole; keep using them.
    let mut metrics = metrics.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    metrics.since_trim += 1;
    if metrics.since_trim > TRIM_EVERY {
        metrics.since_trim = 0;
        metrics.fonts.begin_pass(TextOptions::default(), Default::default());
    }
    let family = if bold { self::bold() } else { FontFamily::Proportional };
    let font = egui::FontId::new(size, family);
    metrics.fonts.with_pixels_per_point(1.0).layout_no_wrap(text.to_owned(), font, egui::Color32::BLACK).size()
}
