//! A scene's input owned rather than borrowed, so that a scene can be made on another thread
//! (the window makes the map of a story's next step while the camera flies to it).

use std::sync::Arc;

use super::{MapGeometry, SceneInput, SceneOptions, Style};
use crate::atlas::{Atlas, ControlStatus, ControllerIdx, PlaceControl, Taken};

/// Everything a [`SceneInput`] borrows, held.
#[derive(Clone, Debug)]
pub struct OwnedSceneInput {
    /// The atlas drawn (shared, not copied).
    pub atlas: Arc<Atlas>,
    /// Its geometry (shared, not copied).
    pub geometry: Arc<MapGeometry>,
    /// Colours and widths.
    pub style: Style,
    /// The controller of every zone.
    pub control: Vec<ControllerIdx>,
    /// Who holds every place.
    pub places: Vec<Option<PlaceControl>>,
    /// Who holds every cell of the ground.
    pub cells: Vec<(ControllerIdx, ControlStatus)>,
    /// The date shown.
    pub date: jiff::civil::Date,
    /// The land taken since an earlier day.
    pub taken: Option<Taken>,
    /// What else to show.
    pub options: SceneOptions,
}

impl OwnedSceneInput {
    /// A copy of `input`'s parts, with the atlas and geometry shared.
    pub fn new(atlas: Arc<Atlas>, geometry: Arc<MapGeometry>, input: &SceneInput<'_>) -> Self {
        Self {
            atlas,
            geometry,
            style: input.style.clone(),
            control: input.control.to_vec(),
            places: input.places.to_vec(),
            cells: input.cells.to_vec(),
            date: input.date,
            taken: input.taken.cloned(),
            options: input.options.clone(),
        }
    }

    /// The input borrowed from it.
    pub fn input(&self) -> SceneInput<'_> {
        SceneInput {
            atlas: &self.atlas,
            geometry: &self.geometry,
            style: &self.style,
            control: &self.control,
            places: &self.places,
            cells: &self.cells,
            date: self.date,
            taken: self.taken.as_ref(),
            options: &self.options,
        }
    }
}
