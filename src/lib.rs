//! Karabakh Atlas: a desktop map of Nagorno-Karabakh and the seven surrounding districts, with a
//! timeline of who controlled each area from 1923 to today.
//!
//! Layers depend one way: [`atlas`] (data, validation, timeline) knows nothing of drawing;
//! [`cli`] and the viewer sit on top of it.
#![deny(clippy::unwrap_used)]

pub mod atlas;
pub mod cli;
