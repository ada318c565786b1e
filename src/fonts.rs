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
