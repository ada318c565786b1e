//! The window: the eframe app (`app`), its panels (`panels`), the map view, the time slider, the
//! chart and the teaching aids. Only wires the atlas and the scene to input; see
//! `docs/architecture.md` for where things go.

pub mod aids;
mod app;
pub mod chart;
pub mod map_painter;
pub mod map_view;
mod mesh_chunks;
mod overlay_painter;
mod panels;
pub mod settings;
pub mod time_slider;

pub use app::input::{KEY_BINDINGS, KeyBinding, markdown_table as key_table};
pub use app::{
    AtlasApp, Command, ExportKind, LastFrame, LaunchOptions, Layer, LoadProblem, LoadedAtlas, ProblemKind, TeachingAids,
};

/// The name eframe keeps the settings under.
const APP_ID: &str = "karabakh-atlas";

/// Opens the window, at the remembered size and place once they are checked. eframe's own copies
/// of the window's geometry and of egui's memory are taken out of the settings file first and
/// never written (a bad zoom factor there panics in winit before the first frame); the program
/// remembers its own, checked ones (see `settings.rs`).
pub fn run(options: LaunchOptions) -> eframe::Result {
    let storage_file = eframe::storage_dir(APP_ID).map(|d| d.join("app.ron"));
    let (remembered, notes) = storage_file.as_deref().map(settings::read_from_file).unwrap_or_default();
    for note in notes {
        eprintln!("karabakh-atlas: remembered setting changed: {note}");
    }
    if let Some(file) = &storage_file {
        for key in settings::clean_storage(file) {
            eprintln!("karabakh-atlas: eframe's remembered {key:?} left out of {}", file.display());
        }
    }
    let size = remembered.window.map_or([1400.0, 900.0], |w| w.size);
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Karabakh Atlas")
        .with_inner_size(size)
        .with_min_inner_size(settings::WINDOW_MIN);
    if let Some(position) = remembered.window.and_then(|w| w.position) {
        viewport = viewport.with_position(position);
    }
    let native = eframe::NativeOptions {
        viewport,
        persist_window: false,
        // Our own fonts cover every letter the atlas uses; no system font may hide a gap.
        system_font_fallback: false,
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        native,
        Box::new(move |cc| Ok(Box::new(AtlasApp::new(&cc.egui_ctx, cc.storage, options)))),
    )
}
