//! The map scene: projection, view, cached map geometry, styles and labels, composed into
//! screen-space primitives for a date and a view. Used by the window and by exports alike, so a
//! picture always matches the screen. Reads no files and knows nothing of windows.
#![warn(missing_docs)]
#![warn(clippy::indexing_slicing)]

mod compose;
mod geometry;
mod labels;
mod names;
mod projection;
mod scale_bar;
mod style;
mod view;

pub use compose::{Primitive, SceneInput, SceneOptions, ScreenTransform, compose_base, compose_live, hatch, hatching};
pub use geometry::{AreaLevel, AreaShape, LOD_KM, Lod, MapGeometry, Polylines, ZoneEdge, lod_for_scale};
pub use labels::{LabelCandidate, PlacedLabel, place_labels};
pub use names::{NameStyle, place_label, region_label};
pub use projection::Projection;
pub use scale_bar::scale_bar_km;
pub use style::Style;
pub use view::{MAX_ZOOM, MIN_ZOOM, View, Zoom};
