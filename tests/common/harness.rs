//! The app in an egui_kittest harness, run as eframe runs it: `logic`, then `ui` on a root `Ui`
//! covering the window. (kittest's own `Ui` has a margin round it, which eframe's has not; and
//! its eframe feature would build the app with wgpu, see Cargo.toml.) Each step moves egui's
//! clock on by the harness's step, a quarter of a second unless the builder says otherwise.

use egui_kittest::Harness;
use karabakh_atlas::ui::settings::Settings;
use karabakh_atlas::ui::{AtlasApp, LaunchOptions};

/// The app at `size`, with `settings`, run until it settles.
pub fn harness_sized(options: LaunchOptions, settings: Settings, size: egui::Vec2) -> Harness<'static, AtlasApp> {
    let mut h = Harness::builder()
        .with_size(size)
        .with_theme(egui::Theme::Light)
        .with_context_setup(karabakh_atlas::fonts::install)
        .build_ui_state(
            |ui, app: &mut AtlasApp| {
                let ctx = ui.ctx().clone();
                let builder =
                    egui::UiBuilder::new().layer_id(egui::LayerId::background()).max_rect(ctx.viewport_rect());
                let mut root = egui::Ui::new(ctx, egui::Id::unique("karabakh-atlas-window"), builder);
                app.run_frame(&mut root);
            },
            AtlasApp::with_settings(options, settings),
        );
    h.run();
    h
}

/// Asserts that the app asks for no further frame.
#[track_caller]
pub fn assert_idle(h: &mut Harness<'static, AtlasApp>, why: &str) {
    h.run();
    h.step();
    let delay = h.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay;
    assert_eq!(delay, std::time::Duration::MAX, "{why}");
}
