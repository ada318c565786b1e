//! The area chart: km² held by each controller over the whole timeline (egui_plot), with the
//! current date as a cursor; a click sets the date. The series are built once per atlas.

use egui::{Color32, Ui};
use egui_plot::{Legend, Line, Plot, PlotPoint, PlotTransform, VLine};
use jiff::ToSpan as _;
use jiff::civil::Date;

use crate::atlas::Atlas;
use crate::scene::Style;

/// A date as a decimal year (2020-07-02 ≈ 2020.5), the chart's x axis.
pub fn year_from_date(d: Date) -> f64 {
    let days = f64::from(d.day_of_year() - 1);
    f64::from(d.year()) + days / f64::from(d.days_in_year())
}

/// The date nearest a decimal year.
pub fn date_from_year(x: f64) -> Option<Date> {
    if !x.is_finite() || !(-9000.0..9000.0).contains(&x) {
        return None;
    }
    let year = x.floor() as i16;
    let jan1 = Date::new(year, 1, 1).ok()?;
    let day = ((x - x.floor()) * f64::from(jan1.days_in_year())).floor() as i64;
    jan1.checked_add(day.days()).ok()
}

/// Step series per controller, from the atlas's area history.
pub struct ChartData {
    series: Vec<(String, Color32, Vec<[f64; 2]>)>,
}

impl ChartData {
    pub fn new(atlas: &Atlas, today: Date, lang: &str) -> Self {
        let history = atlas.area_history();
        let end = year_from_date(today.max(history.last().map_or(today, |h| h.0)));
        let style = Style::default();
        let series = atlas
            .controllers
            .iter()
            .enumerate()
            .filter(|(c, _)| history.iter().any(|(_, v)| v[*c] > 0.0))
            .map(|(c, k)| {
                let mut points = Vec::with_capacity(history.len() * 2);
                for (i, (d, values)) in history.iter().enumerate() {
                    let x0 = year_from_date(*d);
                    let x1 = history.get(i + 1).map_or(end, |(n, _)| year_from_date(*n));
                    points.push([x0, values[c]]);
                    points.push([x1, values[c]]);
                }
                (k.name.get(lang).to_owned(), style.zone_fill(k.colour), points)
            })
            .collect();
        Self { series }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_years_round_trip() {
        for d in [Date::constant(1923, 7, 7), Date::constant(2020, 11, 8), Date::constant(2024, 12, 31)] {
            assert_eq!(date_from_year(year_from_date(d) + 1e-6), Some(d));
        }
        assert_eq!(date_from_year(f64::NAN), None);
    }
}
