//! The chart: km² and settlements held by each controller over the whole timeline (egui_plot),
//! side by side on one time axis, with the current date as a cursor; the values of every side at
//! the day under the pointer; a click sets the date. The series are built once per atlas.

use egui::{Color32, Ui};
use egui_plot::{Legend, Line, Plot, PlotPoint, PlotTransform, VLine};
use jiff::civil::Date;

use crate::atlas::{Atlas, date_from_year, year_from_date};
use crate::i18n::{Lang, long_date, t, thousands};
use crate::scene::Style;

/// One controller's line in the chart.
struct Series {
    /// Index of the controller.
    controller: usize,
    /// Its name in the legend.
    name: String,
    colour: Color32,
    /// Step series of km².
    km2: Vec<[f64; 2]>,
    /// Step series of places held.
    settlements: Vec<[f64; 2]>,
}

/// The chart's series, and the values behind them for the pointer's read-out.
pub struct ChartData {
    series: Vec<Series>,
    /// Each day of change, with the km² and places held by each controller from that day.
    days: Vec<(Date, Vec<f64>, Vec<usize>)>,
    lang: Lang,
}

impl ChartData {
    /// The series from `history` (see `Atlas::area_history`), named in `lang`.
    pub fn new(atlas: &Atlas, history: &[(Date, Vec<f64>)], today: Date, lang: Lang) -> Self {
        let end = year_from_date(today.max(history.last().map_or(today, |h| h.0)));
        let style = Style::default();
        let days: Vec<(Date, Vec<f64>, Vec<usize>)> =
            history.iter().map(|(d, km2)| (*d, km2.clone(), atlas.settlements_by_controller(*d))).collect();
        let steps = |value: &dyn Fn(usize) -> f64| {
            let mut points = Vec::with_capacity(days.len() * 2);
            for i in 0..days.len() {
                let x0 = days.get(i).map_or(end, |(d, _, _)| year_from_date(*d));
                let x1 = days.get(i + 1).map_or(end, |(n, _, _)| year_from_date(*n));
                points.push([x0, value(i)]);
                points.push([x1, value(i)]);
            }
            points
        };
        let series = atlas
            .controllers
            .iter()
            .enumerate()
            .filter(|(c, _)| days.iter().any(|(_, km2, _)| km2.get(*c).is_some_and(|a| *a > 0.0)))
            .map(|(c, k)| Series {
                controller: c,
                name: k.name.get(lang.code()).to_owned(),
                colour: style.zone_fill(k.colour),
                km2: steps(&|i| days.get(i).and_then(|(_, km2, _)| km2.get(c)).copied().unwrap_or(0.0)),
                settlements: steps(&|i| days.get(i).and_then(|(_, _, n)| n.get(c)).map_or(0.0, |&n| n as f64)),
            })
            .collect();
        Self { series, days, lang }
    }

    /// The legend's names, in series order.
    pub fn names(&self) -> Vec<&str> {
        self.series.iter().map(|s| s.name.as_str()).collect()
    }

    /// What every side held on `date`: the read-out under the pointer, in the chart's language.
    pub fn values_at(&self, date: Date) -> String {
        let lang = self.lang;
        let i = self.days.partition_point(|(d, _, _)| *d <= date);
        let mut out = long_date(date, lang);
        let Some((_, km2, settlements)) = i.checked_sub(1).and_then(|i| self.days.get(i)) else { return out };
        for s in &self.series {
            let area = km2.get(s.controller).copied().unwrap_or(0.0);
            let places = settlements.get(s.controller).copied().unwrap_or(0);
            if area > 0.0 || places > 0 {
                let places = thousands(places as f64, lang);
                out.push_str(&format!(
                    "\n{}: {} km², {places} {}",
                    s.name,
                    thousands(area, lang),
                    t(lang, "settlements")
                ));
            }
        }
        out
    }
}

/// Draws the chart; returns the date clicked, and where the km² plot lies on screen (for tests).
pub fn chart_ui(ui: &mut Ui, data: &ChartData, date: Date) -> (Option<Date>, PlotTransform) {
    let lang = data.lang;
    let link = ui.make_persistent_id("chart-time-axis");
    let height = ui.available_height().max(120.0);
    let width = ui.available_width();
    let plot = |id: &'static str, unit: String| {
        Plot::new(id)
            .height(height)
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .allow_boxed_zoom(false)
            .allow_double_click_reset(false)
            .include_y(0.0)
            .y_axis_label(unit)
            .link_axis(link, [true, false])
            .link_cursor(link, [true, false])
            .x_axis_formatter(|mark, _| format!("{:.0}", mark.value))
            .y_axis_formatter(move |mark, _| thousands(mark.value, lang))
            .label_formatter(|hover| {
                let p = match hover {
                    egui_plot::HoverPosition::NearDataPoint { position, .. } => *position,
                    egui_plot::HoverPosition::Elsewhere { position } => *position,
                };
                date_from_year(p.x).map(|d| data.values_at(d))
            })
    };
    let cursor = || VLine::new("", year_from_date(date)).color(Color32::from_rgb(0xc8, 0x10, 0x2e)).width(1.5);
    let clicked_at = |plot: &egui_plot::PlotUi<'_>| {
        let clicked = plot.response().clicked();
        clicked.then(|| plot.pointer_coordinate()).flatten()
    };
    let (km2, places) = ui
        .horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = 12.0;
            let km2 = ui.allocate_ui(egui::vec2(width * 0.58, height), |ui| {
                plot("area_chart", "km²".to_owned())
                    .legend(Legend::default().position(egui_plot::Corner::LeftBottom))
                    .show(ui, |plot| {
                        for s in &data.series {
                            // Step lines have vertical runs; egui_plot would draw those as a filled band.
                            plot.line(
                                Line::new(s.name.clone(), s.km2.clone()).color(s.colour).width(2.5).allow_band(false),
                            );
                        }
                        plot.vline(cursor());
                        clicked_at(plot)
                    })
            });
            let places = ui.allocate_ui(egui::vec2(ui.available_width(), height), |ui| {
                plot("settlements_chart", t(lang, "settlements").to_owned()).show(ui, |plot| {
                    for s in &data.series {
                        let line = Line::new(s.name.clone(), s.settlements.clone());
                        plot.line(line.color(s.colour).width(2.5).allow_band(false));
                    }
                    plot.vline(cursor());
                    clicked_at(plot)
                })
            });
            (km2.inner, places.inner)
        })
        .inner;
    let picked = km2.inner.or(places.inner).and_then(|p: PlotPoint| date_from_year(p.x));
    (picked, km2.transform)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_read_out_gives_every_side_its_km2_and_settlements_on_the_day() {
        let atlas = crate::atlas::embedded().expect("the built-in atlas");
        let history = atlas.area_history();
        let data = ChartData::new(&atlas, &history, date(2026, 1, 1), Lang::En);
        let text = data.values_at(date(2020, 10, 20));
        let held = atlas.area_by_controller(date(2020, 10, 20));
        let counts = atlas.settlements_by_controller(date(2020, 10, 20));
        // The side that gains in the week after: the one taking villages.
        let later = atlas.settlements_by_controller(date(2020, 10, 27));
        let az = (0..counts.len()).find(|&c| later.get(c) > counts.get(c)).expect("someone gains");
        let name = atlas.controllers.get(az).map(|c| c.name.get("en").to_owned()).unwrap_or_default();
        let area = held.iter().find(|a| a.controller.get() == az).map_or(0.0, |a| a.area_km2);
        let line = format!(
            "{name}: {} km², {} settlements",
            thousands(area, Lang::En),
            thousands(counts.get(az).copied().unwrap_or(0) as f64, Lang::En)
        );
        assert!(text.starts_with("20 October 2020\n"), "{text}");
        assert!(text.contains(&line), "{text}\nwanted {line}");
        // A week later the read-out gives the new count.
        assert!(
            data.values_at(date(2020, 10, 27))
                .contains(&format!("{} settlements", later.get(az).copied().unwrap_or(0)))
        );
        // In Vietnamese, with the dot between thousands.
        let vi = ChartData::new(&atlas, &history, date(2026, 1, 1), Lang::Vi);
        assert!(
            vi.values_at(date(2020, 10, 20))
                .contains(&format!("{} km²", thousands(held.get(az).map_or(0.0, |a| a.area_km2), Lang::Vi)))
        );
    }
}
