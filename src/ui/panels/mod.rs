//! The window's panels. Each is a function `x_ui(ui, &app) -> Option<Command>`: it reads the
//! app's state, draws, and returns what the user asked for; it changes nothing itself. Widgets
//! whose only state is their own (a text box being typed in) keep it in egui's memory.

pub mod about;
pub mod compare;
pub mod date_bar;
pub mod overlays;
pub mod presentation;
pub mod problem;
pub mod region;
pub mod search;
pub mod side;
pub mod story;
pub mod top_bar;
pub mod zone_info;

use egui::{Color32, RichText, Ui};

use crate::atlas::Source;

/// A list of sources, linked where they have an address.
pub(crate) fn sources_ui(ui: &mut Ui, sources: &[Source]) {
    for s in sources {
        match &s.url {
            Some(url) => {
                ui.hyperlink_to(RichText::new(&s.title).small(), url);
            }
            None => {
                ui.label(RichText::new(&s.title).small());
            }
        }
    }
}

/// A small square of a colour, for legends.
pub(crate) fn swatch(ui: &mut Ui, colour: Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(16.0, 12.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, colour);
}
