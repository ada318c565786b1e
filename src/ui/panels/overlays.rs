//! The overlays in the side panel's legend, each removable.

use std::path::Path;

use egui::{RichText, Ui};

use crate::i18n::{t, tf};
use crate::ui::{AtlasApp, Command};

/// Lists the GeoJSON overlays shown.
pub fn overlays_ui(ui: &mut Ui, app: &AtlasApp) -> Option<Command> {
    if app.overlays.is_empty() {
        return None;
    }
    let lang = app.lang();
    ui.separator();
    ui.label(RichText::new(t(lang, "Overlays")).strong());
    let mut command = None;
    for (i, o) in app.overlays.iter().enumerate() {
        ui.horizontal(|ui| {
            let name = Path::new(&o.name).file_name().map_or(o.name.clone(), |n| n.to_string_lossy().into_owned());
            ui.label(tf(lang, "{} ({} features)", &[&name, &o.features.len().to_string()]));
            if ui.small_button(t(lang, "Remove")).clicked() {
                command = Some(Command::RemoveOverlay(i));
            }
        });
    }
    command
}
