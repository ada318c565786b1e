//! The window: the eframe app, the map view, the time slider and the panels. Only wires the atlas
//! and the scene to input.

pub mod aids;
mod app;
pub use crate::i18n;
pub mod chart;
pub mod fonts;
pub mod map_view;
mod overlay_view;
pub mod settings;
mod side_panel;
pub mod time_slider;

pub use app::{AtlasApp, LaunchOptions, LoadProblem};

/// Opens the window.
pub fn run(options: LaunchOptions) -> eframe::Result {
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Karabakh Atlas")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([760.0, 480.0]),
        // Our own fonts cover every letter the atlas uses; no system font may hide a gap.
        system_font_fallback: false,
        ..Default::default()
    };
    eframe::run_native("karabakh-atlas", native, Box::new(move |cc| Ok(Box::new(AtlasApp::new(cc, options)))))
}
