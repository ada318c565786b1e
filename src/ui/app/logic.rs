//! Each frame's work that draws nothing, run before the panels (eframe's `App::logic`, which runs
//! even while the window is hidden): the panels' commands from the last frame, keys, dropped
//! files, an atlas arriving from its thread, and playback.

use super::{AtlasApp, input};

impl AtlasApp {
    /// Input, drops, loading and playback: everything of a frame that is not drawing.
    pub fn logic(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.pending) {
            self.run_in(ctx, command);
        }
        let state = input::KeyState {
            presenting: self.presenting,
            playing: self.playback.playing,
            story: self.story.is_some(),
        };
        for command in input::commands_from_keys(ctx, state) {
            self.run_in(ctx, command);
        }
        self.open_dropped(ctx);
        self.poll_loading();
        self.poll_export();
        self.remember_window(ctx);
        self.advance_playback(ctx);
        self.advance_story(ctx);
    }

    /// Advances the date while playing; asks for the next frame only then, so a paused app is idle.
    fn advance_playback(&mut self, ctx: &egui::Context) {
        if !self.playback.playing {
            return;
        }
        let dt = f64::from(ctx.input(|i| i.stable_dt));
        if self.cursor.play(&self.loaded.atlas, &mut self.playback, dt) {
            ctx.request_repaint();
        }
    }

    /// Keeps the zoom factor and the window's size and place for the settings (checked again when
    /// they are read back).
    fn remember_window(&mut self, ctx: &egui::Context) {
        self.settings.zoom_factor = Some(ctx.zoom_factor());
        let (inner, outer) = ctx.input(|i| (i.viewport().inner_rect, i.viewport().outer_rect));
        if let Some(inner) = inner {
            self.settings.window = Some(crate::ui::settings::WindowGeometry {
                size: [inner.width(), inner.height()],
                position: outer.map(|r| [r.min.x, r.min.y]),
            });
        }
    }
}
