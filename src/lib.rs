//! Karabakh Atlas: a desktop map of Nagorno-Karabakh and the seven surrounding districts, with a
//! timeline of who controlled each area from 1923 to today.
//!
//! Layers depend one way: [`atlas`] (data, validation, timeline) knows nothing of drawing;
//! [`scene`] projects and styles it for a date and a view; [`export`] writes pictures of the scene;
//! [`ui`] (the window) and [`cli`] sit on top. `tests/layering.rs` checks that nothing reaches up;
//! `docs/architecture.md` says where things go.
#![deny(clippy::unwrap_used)]

pub mod atlas;
pub mod cli;
pub mod export;
pub mod fonts;
pub mod i18n;
pub mod scene;
pub mod ui;
