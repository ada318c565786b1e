//! An animated GIF of the map over a range of dates, one frame every few days, each with its date.

use jiff::ToSpan as _;

use super::{ExportError, ExportOptions, png, svg};
use crate::atlas::{Atlas, DateRange, days_between};
use crate::scene::MapGeometry;

/// Frames from the first day to the last (both included): at most this many, checked before any
/// frame is drawn.
pub const MAX_FRAMES: usize = 400;

/// An animated GIF of the map over `range`, one frame every `days_per_frame` days (and the last
/// day), each shown a quarter of a second; the last frame lingers three seconds.
pub fn animate_gif(
    atlas: &Atlas,
    geometry: &MapGeometry,
    range: DateRange,
    days_per_frame: i64,
    options: &dyn Fn(jiff::civil::Date) -> ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    let step = days_per_frame.max(1);
    let frames = days_between(range.start, range.end) / step + 2;
    if frames > MAX_FRAMES as i64 + 1 {
        return Err(ExportError::TooManyFrames { frames });
    }
    let mut dates = Vec::new();
    let mut d = range.start;
    while d <= range.end {
        dates.push(d);
        match d.checked_add(step.days()) {
            Ok(next) => d = next,
            Err(_) => break,
        }
    }
    if dates.last() != Some(&range.end) {
        dates.push(range.end);
    }
    let (w, h) = super::picture_size(&options(range.start));
    let too_large = || ExportError::TooLargeForGif { width: w, height: h };
    let (gw, gh) = (u16::try_from(w).map_err(|_| too_large())?, u16::try_from(h).map_err(|_| too_large())?);
    let mut bytes = Vec::new();
    {
        let mut encoder = gif::Encoder::new(&mut bytes, gw, gh, &[])?;
        encoder.set_repeat(gif::Repeat::Infinite)?;
        for (i, date) in dates.iter().enumerate() {
            // tiny-skia keeps premultiplied alpha; the picture is opaque, so the bytes are plain RGBA.
            let mut pixels = png::render(&svg(atlas, geometry, &options(*date)), w, h)?.take();
            let mut frame = gif::Frame::from_rgba_speed(gw, gh, &mut pixels, 10);
            frame.delay = if i + 1 == dates.len() { 300 } else { 25 };
            encoder.write_frame(&frame)?;
        }
    }
    Ok(bytes)
}
