//! The window: the eframe app (`app`), its panels (`panels`), the map view, the time slider, the
//! chart and the teaching aids. Only wires the atlas and the scene to input; see
//! `docs/architecture.md` for where things go.

pub mod aids;
mod app;
pub mod chart;
pub mod map_view;
mod panels;
pub mod settings;
pub mod time_slider;

pub use app::input::{KEY_BINDINGS, KeyBinding, markdown_table as key_table};
pub use app::{AtlasApp, Command, ExportKind, LastFrame, LaunchOptions, Layer, LoadProblem, LoadedAtlas, TeachingAids};

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
    eframe::run_native(
        "karabakh-atlas",
        native,
        Box::new(move |cc| Ok(Box::new(AtlasApp::new(&cc.egui_ctx, cc.storage, options)))),
    )
}
