//! The map scene: projection, view, cached map geometry, styles and labels, composed into
//! screen-space primitives for a date and a view. Used by the window and by exports alike, so a
//! picture always matches the screen. Reads no files and knows nothing of windows.

mod compose;
mod geometry;
mod labels;
mod names;
mod projection;
mod style;
mod view;

pub use compose::{
    Primitive, Scene, SceneInput, SceneOptions, ScreenTransform, compose, compose_base, compose_overlay,
};
pub use geometry::{AreaLevel, AreaShape, LOD_KM, MapGeometry, Polylines, ZoneEdge, lod_for_scale, simplify_line};
pub use labels::{LabelCandidate, place_labels};
pub use names::{NameStyle, place_label, region_label};
pub use projection::Projection;
pub use style::Style;
pub use view::{MAX_ZOOM, MIN_ZOOM, View};
