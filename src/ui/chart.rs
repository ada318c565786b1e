//! The area chart: km² held by each controller over the whole timeline (egui_plot), with the
//! current date as a cursor; a click sets the date. The series are built once per atlas.

use egui::{Color32, Ui};
use egui_plot::{Legend, Line, Plot, PlotPoint, PlotTransform, VLine};
use jiff::civil::Date;

use crate::atlas::{Atlas, date_from_year, year_from_date};
use crate::i18n::Lang;
use crate::scene::Style;

/// Step series per controller, from the atlas's area history.
pub struct ChartData {
    /// (legend name, colour, points) of each controller that ever holds ground.
    series: Vec<(String, Color32, Vec<[f64; 2]>)>,
}

impl ChartData {
    /// The series from `history` (see `Atlas::area_history`), named in `lang`.
    pub fn new(atlas: &Atlas, history: &[(Date, Vec<f64>)], today: Date, lang: Lang) -> Self {
        let end = year_from_date(today.max(history.last().map_or(today, |h| h.0)));
        let style = Style::default();
        let series = atlas
            .controllers
            .iter()
            .enumerate()
            .filter(|(c, _)| history.iter().any(|(_, v)| v.get(*c).is_some_and(|a| *a > 0.0)))
            .map(|(c, k)| {
                let mut points = Vec::with_capacity(history.len() * 2);
                for (i, (d, values)) in history.iter().enumerate() {
                    let x0 = year_from_date(*d);
                    let x1 = history.get(i + 1).map_or(end, |(n, _)| year_from_date(*n));
                    let held = values.get(c).copied().unwrap_or(0.0);
                    points.push([x0, held]);
                    points.push([x1, held]);
                }
                (k.name.get(lang.code()).to_owned(), style.zone_fill(k.colour), points)
            })
            .collect();
        Self { series }
    }
}

impl ChartData {
    /// The legend's names, in series order.
    pub fn names(&self) -> Vec<&str> {
        self.series.iter().map(|(name, _, _)| name.as_str()).collect()
    }
}

/// Draws the chart; returns the date clicked, and where the plot lies on screen (for tests).
pub fn chart_ui(ui: &mut Ui, data: &ChartData, date: Date) -> (Option<Date>, PlotTransform) {
    let response = Plot::new("area_chart")
        .height(ui.available_height().max(120.0))
        .legend(Legend::default().position(egui_plot::Corner::LeftBottom))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .include_y(0.0)
        .y_axis_label("km²")
        .x_axis_formatter(|mark, _| format!("{:.0}", mark.value))
        .label_formatter(|hover| {
            let (name, p) = match hover {
                egui_plot::HoverPosition::NearDataPoint { plot_name, position, .. } => (*plot_name, *position),
                egui_plot::HoverPosition::Elsewhere { position } => ("", *position),
            };
            let when = date_from_year(p.x).map_or(String::new(), |d| d.to_string());
            Some(if name.is_empty() { when } else { format!("{name}\n{when}: {:.0} km²", p.y) })
        })
        .show(ui, |plot| {
            for (name, colour, points) in &data.series {
                // Step lines have vertical runs; egui_plot would draw those as a filled band.
                plot.line(Line::new(name.clone(), points.clone()).color(*colour).width(2.5).allow_band(false));
            }
            plot.vline(VLine::new("", year_from_date(date)).color(Color32::from_rgb(0xc8, 0x10, 0x2e)).width(1.5));
            let clicked = plot.response().clicked();
            clicked.then(|| plot.pointer_coordinate()).flatten()
        });
    let picked = response.inner.and_then(|p: PlotPoint| date_from_year(p.x));
    (picked, response.transform)
}
