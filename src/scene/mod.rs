//! The map scene: projection, view, cached map geometry, styles and labels, composed into
//! screen-space primitives for a date and a view. Used by the window and by exports alike, so a
//! picture always matches the screen. Reads no files and knows nothing of windows.
#![warn(missing_docs)]
#![warn(clippy::indexing_slicing)]

mod annotate;
mod compose;
mod flight;
mod geometry;
mod ground;
mod highlight;
mod labels;
mod land;
mod layers;
mod legend;
mod names;
mod overlays;
mod owned;
mod projection;
mod relief;
mod scale_bar;
mod simplify;
mod story_view;
mod style;
mod view;

pub use annotate::{Labels, PlaceDot, PlacedText, compose_dots, compose_labels, frame_labels, min_scale_for_rank};
pub use compose::{
    EVENT_MARKER_DAYS, Primitive, SceneInput, SceneOptions, ScreenTransform, compose_base, compose_live, event_markers,
    hatch, hatching, hatching_cells,
};
pub use flight::{FLIGHT_SECONDS, Flight, ease};
pub use geometry::{
    AreaLevel, AreaShape, LOD_KM, LandGeometry, Lod, MapGeometry, Polylines, WaterGeometry, ZoneEdge, lod_for_scale,
};
pub use highlight::{Highlight, VEIL_ALPHA, compose_highlight};
pub use labels::{LabelCandidate, PlacedLabel, place_labels};
pub use layers::{LayerName, MapLayers};
pub use legend::{LegendEntry, Symbol, legend, symbol_primitives, symbol_rect};
pub use names::{NameStyle, label_from, names_label, place_label, region_label};
pub use overlays::{
    MAX_DRAWN_POINTS, OVERLAY_LABEL_SIZE, OVERLAY_POINT_RADIUS, OverlayLabel, PreparedOverlay, compose_overlays,
    compose_prepared, overlay_labels, overlay_line,
};
pub use owned::OwnedSceneInput;
pub use projection::Projection;
pub use relief::{Relief, ReliefImage};
pub use scale_bar::scale_bar_km;
pub use story_view::{step_view, target_rect};
pub use style::{LineStyle, Style};
pub use view::{MAX_ZOOM, MIN_ZOOM, View, Zoom};
