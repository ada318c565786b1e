//! An animated GIF of the map over a range of dates, one frame every few days, each with its date.

use jiff::ToSpan as _;

use super::{ExportError, ExportOptions};
use crate::atlas::{Atlas, DateRange, days_between};
use crate::scene::MapGeometry;

/// Frames from the first day to the last (both included): at most this many, checked before any
/// frame is drawn.
pub const MAX_FRAMES: usize = 400;

/// Which days get a frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frames {
    /// One every so many days (and the last day).
    Every(i64),
    /// The first day, every day on which control changed, and the last day.
    Changes,
}

/// How long a frame shows, in hundredths of a second: a fixed-interval frame a quarter of a
/// second; a change half a second, so that a war's changes read one by one; the last three seconds.
const FRAME_DELAY: u16 = 25;
const CHANGE_DELAY: u16 = 50;
const LAST_DELAY: u16 = 300;

/// The days of `range` that `frames` picks, at most [`MAX_FRAMES`] (checked before any is drawn).
pub fn frame_dates(atlas: &Atlas, range: DateRange, frames: Frames) -> Result<Vec<jiff::civil::Date>, ExportError> {
    let mut dates = Vec::new();
    match frames {
        Frames::Every(step) => {
            let step = step.max(1);
            let n = days_between(range.start, range.end) / step + 2;
            if n > MAX_FRAMES as i64 + 1 {
                return Err(ExportError::TooManyFrames { frames: n });
            }
            let mut d = range.start;
            while d <= range.end {
                dates.push(d);
                match d.checked_add(step.days()) {
                    Ok(next) => d = next,
                    Err(_) => break,
                }
            }
        }
        Frames::Changes => {
            dates.push(range.start);
            dates.extend(atlas.change_days().into_iter().filter(|&d| d > range.start && d <= range.end));
            if dates.len() > MAX_FRAMES {
                return Err(ExportError::TooManyFrames { frames: dates.len() as i64 });
            }
        }
    }
    if dates.last() != Some(&range.end) {
        dates.push(range.end);
    }
    Ok(dates)
}

/// An animated GIF of the map over `range`, a frame on each day `frames` picks, each with the
/// date large and a bar of the range.
pub fn animate_gif(
    atlas: &Atlas,
    geometry: &MapGeometry,
    range: DateRange,
    frames: Frames,
    options: &dyn Fn(jiff::civil::Date) -> ExportOptions,
    progress: &super::Progress,
) -> Result<Vec<u8>, ExportError> {
    let dates = frame_dates(atlas, range, frames)?;
    let last = dates.len().saturating_sub(1);
    let pictures: Vec<(ExportOptions, u16)> = dates
        .iter()
        .enumerate()
        .map(|(i, date)| {
            let delay = if i == last {
                LAST_DELAY
            } else if frames == Frames::Changes {
                CHANGE_DELAY
            } else {
                FRAME_DELAY
            };
            (ExportOptions { progress: Some(range), ..options(*date) }, delay)
        })
        .collect();
    encode(atlas, geometry, &pictures, progress)
}

/// Frames of the flight between two steps of a story's animation, and how long each shows
/// (hundredths of a second): about a second, as in the window.
const FLIGHT_FRAMES: usize = 8;
const FLIGHT_DELAY: u16 = 10;
/// How long a step of one day holds, and the most frames a span plays in.
const STEP_DELAY: u16 = 300;
const SPAN_FRAMES: i64 = 40;

/// A story as an animated GIF that flies between its steps as the window does: each step held
/// three seconds with its caption; a span played through at its pace (in at most 40 frames);
/// between steps, a second of flight, the map turning to the next step halfway. The number of
/// frames is checked against [`MAX_FRAMES`] before any is drawn.
pub fn story_gif(
    atlas: &Atlas,
    geometry: &MapGeometry,
    story: &crate::atlas::Story,
    options: &dyn Fn(jiff::civil::Date) -> ExportOptions,
    progress: &super::Progress,
) -> Result<Vec<u8>, ExportError> {
    let on_step = |step: &crate::atlas::StoryStep, date| super::step_options(geometry, step, options(date));
    let mut frames: Vec<(ExportOptions, u16)> = Vec::new();
    let mut previous: Option<&crate::atlas::StoryStep> = None;
    for step in &story.steps {
        let arrived = on_step(step, step.when.first_day());
        if let (Some(before), Some(to)) = (previous, arrived.view) {
            let left = on_step(before, before.when.last_day());
            let flight = crate::scene::Flight {
                from: left.view.unwrap_or(to),
                to,
                from_date: before.when.last_day(),
                to_date: step.when.first_day(),
                atlas_width_km: geometry.bounds.width(),
            };
            for k in 1..FLIGHT_FRAMES {
                let t = k as f64 / FLIGHT_FRAMES as f64;
                let turned = crate::scene::ease(t) >= 0.5;
                let look = if turned { arrived.clone() } else { left.clone() };
                frames.push((ExportOptions { view: Some(flight.view_at(t)), ..look }, FLIGHT_DELAY));
            }
        }
        match step.when {
            crate::atlas::StepWhen::Day(_) => frames.push((arrived, STEP_DELAY)),
            crate::atlas::StepWhen::Span { from, to, days_per_second } => {
                let days = days_between(from, to).max(1);
                let every = (days + SPAN_FRAMES - 1) / SPAN_FRAMES;
                let delay = ((every as f64 / days_per_second.max(1e-3)) * 100.0).clamp(2.0, 300.0) as u16;
                let mut d = from;
                while d < to {
                    frames.push((on_step(step, d), delay));
                    d = d.checked_add(every.days()).unwrap_or(to);
                }
                frames.push((on_step(step, to), STEP_DELAY));
            }
        }
        if frames.len() > MAX_FRAMES {
            return Err(ExportError::TooManyFrames { frames: frames.len() as i64 });
        }
        previous = Some(step);
    }
    encode(atlas, geometry, &frames, progress)
}

/// The GIF of `frames`, each drawn and shown for its delay (hundredths of a second). Each frame
/// after the first holds only the rectangle that changed, the rest transparent over the frame
/// before, so that a war at 1280 × 720 stays small.
fn encode(
    atlas: &Atlas,
    geometry: &MapGeometry,
    frames: &[(ExportOptions, u16)],
    progress: &super::Progress,
) -> Result<Vec<u8>, ExportError> {
    progress.start(frames.len());
    let Some((first, _)) = frames.first() else { return Err(ExportError::TooManyFrames { frames: 0 }) };
    let (w, h) = super::picture_size(first);
    let too_large = || ExportError::TooLargeForGif { width: w, height: h };
    let (gw, gh) = (u16::try_from(w).map_err(|_| too_large())?, u16::try_from(h).map_err(|_| too_large())?);
    let mut bytes = Vec::new();
    {
        let mut encoder = gif::Encoder::new(&mut bytes, gw, gh, &[])?;
        encoder.set_repeat(gif::Repeat::Infinite)?;
        let mut previous: Option<Vec<u8>> = None;
        for (frame_options, delay) in frames {
            // tiny-skia keeps premultiplied alpha; the picture is opaque, so the bytes are plain RGBA.
            let pixels = super::plate::raster(atlas, geometry, frame_options)?.take();
            let mut frame = match &previous {
                Some(before) => changed_part(before, &pixels, w as usize, h as usize),
                None => {
                    let mut all = pixels.clone();
                    gif::Frame::from_rgba_speed(gw, gh, &mut all, 10)
                }
            };
            frame.delay = *delay;
            frame.dispose = gif::DisposalMethod::Keep;
            encoder.write_frame(&frame)?;
            previous = Some(pixels);
            progress.step()?;
        }
    }
    Ok(bytes)
}

/// The part of `now` that differs from `before` (both RGBA, `w × h`): the smallest rectangle
/// holding every changed pixel, unchanged pixels in it transparent. A frame with no change is a
/// single transparent pixel.
fn changed_part(before: &[u8], now: &[u8], w: usize, h: usize) -> gif::Frame<'static> {
    let (mut x0, mut y0, mut x1, mut y1) = (w, h, 0, 0);
    for (i, (a, b)) in before.chunks_exact(4).zip(now.chunks_exact(4)).enumerate() {
        if a != b {
            let (x, y) = (i % w, i / w);
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x + 1);
            y1 = y1.max(y + 1);
        }
    }
    if x1 <= x0 || y1 <= y0 {
        let mut clear = vec![0u8; 4];
        return gif::Frame::from_rgba_speed(1, 1, &mut clear, 10);
    }
    let (cw, ch) = (x1 - x0, y1 - y0);
    let mut part = Vec::with_capacity(cw * ch * 4);
    for y in y0..y1 {
        for x in x0..x1 {
            let k = (y * w + x) * 4;
            let (a, b) = (before.get(k..k + 4).unwrap_or(&[0; 4]), now.get(k..k + 4).unwrap_or(&[0; 4]));
            if a == b {
                part.extend_from_slice(&[0, 0, 0, 0]);
            } else {
                part.extend_from_slice(b);
            }
        }
    }
    let mut frame = gif::Frame::from_rgba_speed(cw as u16, ch as u16, &mut part, 10);
    frame.left = x0 as u16;
    frame.top = y0 as u16;
    frame
}
