//! The atlas: data model, loading and validation, and the timeline engine. Knows nothing of the GUI.

mod embedded;
mod error;
mod geojson_layer;
mod load;
mod model;
mod overlay;
pub mod synthetic;
mod text;
mod timeline;

pub use embedded::embedded;
pub use error::{AtlasError, AtlasErrors};
pub use load::{FILES, MAX_FILE_BYTES, load_dir, load_files};
pub use model::*;
pub use overlay::{Overlay, OverlayFeature, load_overlay, read_overlay};
pub use text::{FALLBACK_LANG, Text};
pub use timeline::{ControllerArea, Origin, RegionControl, Transition, ZoneChange};
