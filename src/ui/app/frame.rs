//! Each frame's drawing (eframe's `App::ui`): the panels in their places and the map. Drawing
//! changes no state: panels return commands, queued for the start of the next frame; what is
//! learnt about the screen goes into `last_frame`.

use super::{AtlasApp, Command};

/// Seconds of stillness after which the pointer is hidden while presenting.
const POINTER_HIDES_AFTER: f64 = 2.0;
use crate::scene::{SceneInput, SceneOptions, ScreenTransform, hatching};
use crate::ui::panels;
use crate::ui::{aids, chart, map_painter, map_view};

impl AtlasApp {
    /// Draws the window's contents for one frame.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let mut commands: Vec<Command> = Vec::new();
        if self.presenting {
            // The title, the caption with its step and the legend in bands of their own, never
            // over the map.
            let band =
                egui::Frame::NONE.fill(egui::Color32::from_gray(248)).inner_margin(egui::Margin::symmetric(24, 12));
            egui::Panel::top("present_title").frame(band).show(ui, |ui| panels::presentation::title_band(ui, self));
            egui::Panel::bottom("present_caption")
                .frame(band)
                .show(ui, |ui| panels::presentation::caption_band(ui, self));
            egui::Panel::right("present_legend")
                .frame(band)
                .default_size(300.0)
                .resizable(false)
                .show(ui, |ui| panels::presentation::legend_band(ui, self));
            self.last_frame.caption_rects.clear();
            egui::CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| commands.extend(self.map_ui(ui)));
            self.hide_still_pointer(ui.ctx());
        } else {
            egui::Panel::top("top_bar").show(ui, |ui| commands.extend(panels::top_bar::top_bar_ui(ui, self)));
            egui::Panel::bottom("timeline").show(ui, |ui| commands.extend(panels::date_bar::date_bar_ui(ui, self)));
            if self.show_chart {
                egui::Panel::bottom("chart").exact_size(210.0).show(ui, |ui| {
                    let (picked, transform) = chart::chart_ui(ui, &self.loaded.chart, self.cursor.date());
                    self.last_frame.chart_transform = Some(transform);
                    commands.extend(picked.map(Command::SetDate));
                });
            }
            if self.story.is_some() {
                egui::Panel::left("story_panel").default_size(320.0).min_size(240.0).max_size(440.0).show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .auto_shrink([false, false])
                        .show(ui, |ui| commands.extend(panels::story::story_panel_ui(ui, self)));
                });
            }
            egui::Panel::right("side_panel").default_size(360.0).min_size(260.0).max_size(480.0).show(ui, |ui| {
                egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
                    commands.extend(panels::region::region_ui(ui, self));
                    if self.cursor.compare().is_some() {
                        commands.extend(panels::compare::compare_ui(ui, self));
                        ui.separator();
                    }
                    commands.extend(panels::side::side_panel_ui(ui, self));
                    if self.cursor.compare().is_none() {
                        commands.extend(panels::compare::compare_ui(ui, self));
                    }
                    commands.extend(panels::overlays::overlays_ui(ui, self));
                });
            });
            egui::CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| commands.extend(self.map_ui(ui)));
            // The step's caption over the map; the map's labels keep clear of it from the next frame.
            let card = self.last_frame.map_rect.and_then(|map| panels::story::caption_card(ui, self, map));
            let cards: Vec<egui::Rect> = card.into_iter().collect();
            if self.last_frame.caption_rects != cards {
                self.last_frame.caption_rects = cards;
                ui.ctx().request_repaint();
            }
            commands.extend(panels::problem::problem_ui(ui.ctx(), self));
            commands.extend(panels::about::about_ui(ui.ctx(), self));
        }
        if !commands.is_empty() {
            self.pending.extend(commands);
            ui.ctx().request_repaint();
        }
    }

    /// The map: the cached base layer, places and labels, the teaching aids and overlays, and the
    /// hover box. Returns what the user did with it.
    fn map_ui(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        let response = map_view::allocate(ui);
        self.last_frame.map_rect = Some(response.rect);
        let geometry = &self.loaded.geometry;
        let atlas = &self.loaded.atlas;
        let mut view = self.view;
        let pointer = map_view::interact(ui, &response, &mut view, geometry);
        if view != self.view {
            commands.push(Command::SetView(view));
        }
        let hovered = pointer.and_then(|p| geometry.zone_at(p));
        // Hover shows only once the pointer has really moved (see `LastFrame::pointer_moves`).
        let moves = ui.input(|i| i.events.iter().filter(|e| matches!(e, egui::Event::PointerMoved(_))).count());
        self.last_frame.pointer_moves = self.last_frame.pointer_moves.saturating_add(moves as u32);
        let pointer_moved = self.last_frame.pointer_moves >= 2;
        self.last_frame.hovered_zone = hovered;
        if response.clicked()
            && let Some(p) = pointer
        {
            commands.push(Command::ClickMap { lonlat: geometry.projection.lonlat_from_map(p), zone: hovered });
        }
        let options = SceneOptions {
            hovered_zone: hovered.filter(|_| pointer_moved && !self.presenting),
            ..self.scene_options()
        };
        let input = scene_input(&self.loaded, &self.style, &self.cursor, &options);
        // Flying, the map's layers are not made again for each zoom but stretched (see
        // `MapPainter::paint_held`): as they were until the map turns to the step, halfway; then
        // made once, at the zoom of the flight's end and round it, for the rest of the way and
        // after.
        let hold = self.story.as_ref().and_then(|s| s.flight.as_ref()).map(|flying| {
            if flying.turned {
                let to = flying.flight.to.sanitized(geometry.bounds);
                map_painter::Hold::At(to.scale(response.rect, geometry.bounds), to.centre)
            } else {
                map_painter::Hold::AsMade
            }
        });
        self.map_painter.paint_held(ui, response.rect, &input, &self.view, self.loaded.generation, hold);
        let t = ScreenTransform::for_view(&self.view, response.rect, geometry.bounds);
        let painter = ui.painter_at(response.rect);
        if self.settings.layers.grid {
            aids::graticule(&painter, response.rect, t, geometry);
        }
        aids::scale_bar(&painter, response.rect, t);
        if self.aids.locator && !self.presenting {
            aids::locator(&painter, response.rect, t, (atlas, geometry), &self.style, self.lang());
        }
        let generation = self.loaded.generation;
        self.overlay_painter.paint(ui, response.rect, &self.overlays, &geometry.projection, t, generation);
        if !self.aids.points.is_empty() {
            aids::measure_line(&painter, t, geometry, &self.aids.points, self.lang());
        }
        // The hover box: the place under the pointer, the zone, the height of the ground.
        let place = pointer.and_then(|p| {
            let near = 8.0 / t.scale.max(1e-3);
            let visible =
                |i: usize| atlas.places.get(i).is_some_and(|pl| t.scale >= crate::scene::min_scale_for_rank(pl.rank));
            geometry
                .places
                .iter()
                .enumerate()
                .filter(|&(i, q)| q.distance(p) < near && visible(i))
                .min_by(|a, b| a.1.distance(p).total_cmp(&b.1.distance(p)))
                .map(|(i, _)| i)
        });
        // An event marker under the pointer.
        let event = pointer.and_then(|p| {
            let near = 9.0 / t.scale.max(1e-3);
            crate::scene::event_markers(&input)
                .into_iter()
                .filter(|(_, (_, at))| at.distance(p) < near)
                .min_by(|a, b| a.1.1.distance(p).total_cmp(&b.1.1.distance(p)))
                .map(|(i, _)| i)
        });
        // No hover box in a room: the projector shows the map, not the presenter's pointer.
        if (hovered.is_some() || place.is_some() || event.is_some()) && pointer_moved && !self.presenting {
            let here = pointer.map(|p| geometry.projection.lonlat_from_map(p));
            let facts = panels::zone_info::HoverFacts {
                zone: hovered,
                // Who holds the ground under the pointer: its cell's holder where the atlas has cells.
                controller: pointer
                    .and_then(|p| geometry.cell_at(p))
                    .and_then(|c| self.cursor.cell_control().get(c).map(|h| h.0))
                    .or_else(|| hovered.and_then(|z| self.cursor.control().get(z).copied())),
                place,
                elevation: here.and_then(|(lon, lat)| {
                    let grid = atlas.land.elevation.as_ref()?;
                    Some((grid.at(lon, lat)?, grid.cell_km()))
                }),
                date: Some(self.cursor.date()),
                place_control: place.and_then(|i| self.cursor.place_control().get(i).copied().flatten()),
                event,
            };
            let (lang, names) = (self.lang(), self.settings.names);
            response.on_hover_ui_at_pointer(|ui| panels::zone_info::zone_info_ui(ui, atlas, &facts, lang, names));
        }
        commands
    }
}

impl AtlasApp {
    /// Presenting, the pointer is hidden once it has been still for two seconds (one repaint is
    /// asked for then; nothing runs in between).
    fn hide_still_pointer(&mut self, ctx: &egui::Context) {
        let (now, moved) = ctx.input(|i| (i.time, i.pointer.is_moving() || i.pointer.any_down()));
        if moved || self.last_frame.pointer_still_since.is_none() {
            self.last_frame.pointer_still_since = Some(now);
        }
        let still = now - self.last_frame.pointer_still_since.unwrap_or(now);
        if still >= POINTER_HIDES_AFTER {
            ctx.set_cursor_icon(egui::CursorIcon::None);
        } else {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(POINTER_HIDES_AFTER - still));
        }
    }

    /// The options of the map's scene that follow from the app's state (the pointer's aside).
    fn scene_options(&self) -> SceneOptions {
        let highlight = self.story.as_ref().and_then(|s| s.highlight.clone());
        self.scene_options_for(&self.cursor, self.settings.layers, highlight, self.selected_region)
    }

    /// The options of the map's scene on `cursor`'s date with these layers, emphasis and
    /// selection, the rest as the app has it: what the map of a story's next step is made with.
    pub(super) fn scene_options_for(
        &self,
        cursor: &crate::atlas::TimelineCursor,
        layers: crate::scene::MapLayers,
        highlight: Option<std::sync::Arc<crate::scene::Highlight>>,
        selected_region: Option<crate::atlas::RegionIdx>,
    ) -> SceneOptions {
        let (atlas, geometry) = (&self.loaded.atlas, &self.loaded.geometry);
        let other_is_later = cursor.compare().is_some_and(|c| c > cursor.date());
        SceneOptions {
            lang: self.lang(),
            names: self.settings.names,
            hovered_zone: None,
            highlighted_place: cursor.selected_event().and_then(|e| atlas.events.get(e)).and_then(|e| e.place),
            // Where the ground is cut into cells, only the cells that changed hands are striped.
            hatched: if cursor.cell_control().is_empty() {
                hatching(atlas, &self.style, cursor.comparison(), other_is_later)
            } else {
                Vec::new()
            },
            hatched_cells: crate::scene::hatching_cells(
                atlas,
                &self.style,
                cursor.cell_control(),
                cursor.compare_cells(),
            ),
            selected_region,
            label_scale: if self.presenting { 1.5 } else { 1.0 },
            blocked: self.last_frame.caption_rects.clone(),
            layers,
            marked: self.marked.map(|(lon, lat)| geometry.projection.map_from_lonlat(lon, lat)),
            overlays: self.overlays.clone(),
            highlight,
        }
    }

    /// The legend of the map as it is drawn (the entries every export of the same map lists).
    pub(crate) fn legend_entries(&self) -> Vec<crate::scene::LegendEntry> {
        let options = self.scene_options();
        let input = scene_input(&self.loaded, &self.style, &self.cursor, &options);
        crate::scene::legend(&input, self.cursor.areas(), self.cursor.compare())
    }
}

/// The map's scene on the cursor's date, with `options` (a function of the app's parts, not of the
/// app, so that the map painter can be borrowed beside it).
pub(super) fn scene_input<'a>(
    loaded: &'a super::loading::LoadedAtlas,
    style: &'a crate::scene::Style,
    cursor: &'a crate::atlas::TimelineCursor,
    options: &'a SceneOptions,
) -> SceneInput<'a> {
    SceneInput {
        atlas: &loaded.atlas,
        geometry: &loaded.geometry,
        style,
        control: cursor.control(),
        places: cursor.place_control(),
        cells: cursor.cell_control(),
        date: cursor.date(),
        taken: cursor.taken(),
        options,
    }
}
