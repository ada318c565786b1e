//! The time slider: the whole timeline as coloured phase bands with their names, year ticks and
//! event markers, and the current date. Accessible as a slider named "Date" (in the interface
//! language) whose value is the
//! number of days since the timeline's first day.

use egui::accesskit::{Action, ActionData};
use egui::{Align2, Color32, CursorIcon, FontId, Pos2, Rect, Response, Sense, Stroke, Ui, WidgetInfo, pos2, vec2};
use jiff::civil::Date;

use crate::atlas::{Atlas, date_from_day_number, day_number};
use crate::i18n::Lang;

/// Where dates lie on the slider. Each phase gets room in proportion to the fourth root of its
/// length, so a four-day phase can still be clicked next to a 65-year one; inside a phase, time
/// runs evenly. Built once per atlas.
#[derive(Clone, Debug)]
pub struct TimeAxis {
    /// (first day, last day) of each phase, as day numbers.
    phases: Vec<(i64, i64)>,
    /// Start of each phase on the axis, 0..1, and 1.0 at the end.
    edges: Vec<f32>,
}

impl TimeAxis {
    pub fn new(atlas: &Atlas, today: Date) -> Self {
        let phases: Vec<(i64, i64)> = atlas
            .phases
            .iter()
            .map(|p| (day_number(p.start), day_number(p.end.unwrap_or(today.max(p.start)))))
            .collect();
        let weights: Vec<f32> = phases.iter().map(|(a, b)| ((b - a + 1) as f32).powf(0.25)).collect();
        let total: f32 = weights.iter().sum::<f32>().max(1e-6);
        let mut edges = Vec::with_capacity(phases.len() + 1);
        let mut acc = 0.0;
        for w in &weights {
            edges.push(acc / total);
            acc += w;
        }
        edges.push(1.0);
        Self { phases, edges }
    }

    pub fn first_day(&self) -> i64 {
        self.phases.first().map_or(0, |p| p.0)
    }

    pub fn last_day(&self) -> i64 {
        self.phases.last().map_or(0, |p| p.1)
    }

    /// Position of a day on the axis, 0..1.
    pub fn frac_from_day(&self, day: i64) -> f32 {
        let i = self.phases.partition_point(|p| p.0 <= day).saturating_sub(1);
        let Some(&(a, b)) = self.phases.get(i) else { return 0.0 };
        let within = ((day - a) as f32 + 0.5) / ((b - a + 1) as f32);
        let (x0, x1) = (self.edges[i], self.edges[i + 1]);
        (x0 + (x1 - x0) * within.clamp(0.0, 1.0)).clamp(0.0, 1.0)
    }

    /// The day at a position on the axis.
    pub fn day_from_frac(&self, frac: f32) -> i64 {
        let frac = frac.clamp(0.0, 1.0);
        let i = self.edges.partition_point(|&e| e <= frac).saturating_sub(1).min(self.phases.len().saturating_sub(1));
        let Some(&(a, b)) = self.phases.get(i) else { return 0 };
        let (x0, x1) = (self.edges[i], self.edges[i + 1]);
        let within = if x1 > x0 { (frac - x0) / (x1 - x0) } else { 0.0 };
        (a + (within * (b - a + 1) as f32).floor() as i64).clamp(a, b)
    }

    pub fn phase_span(&self, i: usize) -> (f32, f32) {
        (self.edges[i], self.edges[i + 1])
    }
}

/// What the slider needs to draw, computed once per atlas.
pub struct SliderData<'a> {
    pub atlas: &'a Atlas,
    pub axis: &'a TimeAxis,
    /// Tint of each phase's band (the colour of the side holding most ground when it starts).
    pub phase_colours: &'a [Color32],
    pub lang: Lang,
}

/// What the user picked on the slider.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Pick {
    /// A day (click or drag on the bands, or a value set by a screen reader).
    Date(Date),
    /// An event marker (index into the atlas's events).
    Event(usize),
}

/// Draws the slider and returns what the user picked, if anything.
pub fn time_slider_ui(
    ui: &mut Ui,
    data: &SliderData<'_>,
    date: Date,
    current_phase: Option<usize>,
) -> (Response, Option<Pick>) {
    let height = 74.0;
    let (rect, response) = ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::click_and_drag());
    let axis = data.axis;
    let track = Rect::from_min_max(pos2(rect.left() + 8.0, rect.top()), pos2(rect.right() - 8.0, rect.bottom()));
    let x_of = |frac: f32| track.left() + frac * track.width();
    let day = day_number(date);
    let value = (day - axis.first_day()) as f64;
    let max = (axis.last_day() - axis.first_day()) as f64;

    // The event marker under the pointer, if any: markers sit in a row above the bands.
    let marker_row_bottom = rect.top() + 16.0;
    let marker = response.hover_pos().filter(|p| p.y < marker_row_bottom).and_then(|p| {
        data.atlas
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| (i, (x_of(axis.frac_from_day(day_number(e.date))) - p.x).abs()))
            .filter(|(_, d)| *d <= 5.0)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    });
    let mut picked = None;
    if let Some(p) = response.interact_pointer_pos()
        && (response.dragged() || response.clicked())
    {
        let frac = (p.x - track.left()) / track.width();
        picked = date_from_day_number(axis.day_from_frac(frac)).map(Pick::Date);
        if response.clicked()
            && let Some(i) = marker
        {
            picked = Some(Pick::Event(i));
        }
    }
    // Screen readers and tests set the value directly.
    let requested = ui.input(|i| {
        i.accesskit_action_requests(response.id, Action::SetValue)
            .filter_map(|r| match r.data {
                Some(ActionData::NumericValue(v)) => Some(v),
                _ => None,
            })
            .last()
    });
    if let Some(v) = requested.filter(|v| v.is_finite()) {
        picked = date_from_day_number(axis.first_day() + v.clamp(0.0, max).round() as i64).map(Pick::Date);
    }
    ui.ctx().accesskit_node_builder(response.id, |b| {
        b.set_min_numeric_value(0.0);
        b.set_max_numeric_value(max);
        b.set_numeric_value_step(1.0);
        b.add_action(Action::SetValue);
    });
    let date_text = date.to_string();
    response.widget_info(|| {
        let mut info = WidgetInfo::slider(true, value, crate::i18n::t(data.lang, "Date"));
        info.value = Some(value);
        info.current_text_value = Some(date_text.clone());
        info
    });
    let mut response = response.on_hover_cursor(CursorIcon::PointingHand);
    if let Some(e) = marker.and_then(|i| data.atlas.events.get(i)) {
        response = response.on_hover_text(format!("{} — {}", e.date, e.text.get(data.lang.code())));
    }

    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    let text_colour = visuals.text_color();
    let events_row = Rect::from_min_max(pos2(track.left(), rect.top()), pos2(track.right(), rect.top() + 14.0));
    let bands = Rect::from_min_max(pos2(track.left(), rect.top() + 16.0), pos2(track.right(), rect.top() + 46.0));
    let ticks_y = bands.bottom() + 2.0;

    // Phase bands with their names where they fit.
    for (i, phase) in data.atlas.phases.iter().enumerate() {
        let (a, b) = axis.phase_span(i);
        let band = Rect::from_min_max(pos2(x_of(a), bands.top()), pos2(x_of(b), bands.bottom()));
        let colour = data.phase_colours.get(i).copied().unwrap_or(Color32::GRAY);
        painter.rect_filled(band, 0.0, colour);
        painter.line_segment([band.left_top(), band.left_bottom()], Stroke::new(1.0, Color32::from_white_alpha(200)));
        if current_phase == Some(i) {
            painter.rect_stroke(
                band.shrink(1.0),
                0.0,
                Stroke::new(2.0, Color32::from_rgb(0x20, 0x20, 0x20)),
                egui::StrokeKind::Inside,
            );
        }
        let title = phase.title.get(data.lang.code());
        let font = FontId::proportional(11.0);
        let galley = painter.layout_no_wrap(title.to_owned(), font.clone(), Color32::from_rgb(0x18, 0x18, 0x18));
        if galley.size().x + 6.0 < band.width() {
            painter.galley(band.center() - galley.size() / 2.0, galley, Color32::BLACK);
        } else if band.width() > 22.0 {
            painter.text(band.center(), Align2::CENTER_CENTER, &phase.id, font, Color32::from_rgb(0x18, 0x18, 0x18));
        }
    }
    // Year ticks: decades labelled, other years as short ticks where there is room.
    let first_year = date_from_day_number(axis.first_day()).map_or(1923, |d| d.year());
    let last_year = date_from_day_number(axis.last_day()).map_or(2026, |d| d.year());
    let mut last_label_x = f32::NEG_INFINITY;
    for year in first_year..=last_year {
        let Ok(jan1) = Date::new(year, 1, 1) else { continue };
        let x = x_of(axis.frac_from_day(day_number(jan1)));
        let decade = year % 10 == 0;
        painter.line_segment(
            [pos2(x, ticks_y), pos2(x, ticks_y + if decade { 7.0 } else { 3.5 })],
            Stroke::new(1.0, text_colour.gamma_multiply(0.6)),
        );
        if x > track.left() + 14.0 && x - last_label_x > 34.0 && (decade || x - last_label_x > 44.0) {
            painter.text(
                pos2(x, ticks_y + 8.0),
                Align2::CENTER_TOP,
                year.to_string(),
                FontId::proportional(10.5),
                text_colour,
            );
            last_label_x = x;
        }
    }
    // Event markers.
    for e in &data.atlas.events {
        let x = x_of(axis.frac_from_day(day_number(e.date)));
        let c = Pos2::new(x, events_row.center().y + 2.0);
        painter.add(egui::Shape::convex_polygon(
            vec![c + vec2(0.0, -4.0), c + vec2(3.0, 0.0), c + vec2(0.0, 4.0), c + vec2(-3.0, 0.0)],
            Color32::from_rgb(0x3a, 0x3a, 0x3a),
            Stroke::NONE,
        ));
    }
    // The current date.
    let x = x_of(axis.frac_from_day(day));
    painter.line_segment(
        [pos2(x, rect.top()), pos2(x, bands.bottom() + 2.0)],
        Stroke::new(2.5, Color32::from_rgb(0xc8, 0x10, 0x2e)),
    );
    painter.circle(
        pos2(x, bands.top() - 1.0),
        5.0,
        Color32::from_rgb(0xc8, 0x10, 0x2e),
        Stroke::new(1.5, Color32::WHITE),
    );
    (response, picked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_is_monotone_and_round_trips() {
        let atlas = crate::atlas::embedded().expect("atlas");
        let today = Date::constant(2026, 11, 25);
        let axis = TimeAxis::new(&atlas, today);
        let mut last = -1.0;
        for d in (axis.first_day()..=axis.last_day()).step_by(7) {
            let f = axis.frac_from_day(d);
            assert!(f >= last, "not monotone at {d}");
            last = f;
        }
        // Every day of the 2020 war can be hit from its own position.
        let war = day_number(Date::constant(2020, 9, 27));
        for d in war..war + 44 {
            assert_eq!(axis.day_from_frac(axis.frac_from_day(d)), d);
        }
    }
}
