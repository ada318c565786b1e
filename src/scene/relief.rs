//! The relief under the zones: a hillshade of the atlas's elevation grid, optionally tinted by
//! height, computed once per atlas into an image that the window uploads as a texture and the
//! exports embed. The zones are drawn over it translucent, so valleys and ridges read through
//! them on every date.

use std::sync::Arc;

use egui::{Color32, Pos2, Rect};

use super::Projection;
use crate::atlas::Elevation;

/// Each grid cell becomes this many pixels a side, the heights between cell centres interpolated
/// (bilinear). One is enough: the texture is filtered linearly when drawn, so the shading stays
/// smooth when zoomed in, and a finer image would add memory but no information.
const UPSAMPLE: usize = 1;

/// Vertical exaggeration of the shading: a 1 km grid flattens slopes, and mountains would
/// otherwise barely show at a regional scale.
const EXAGGERATION: f32 = 2.5;

/// Light from the north-west, 45° above the horizon: the cartographic convention, under which
/// relief reads as raised rather than sunken.
const AZIMUTH_DEG: f32 = 315.0;
const ALTITUDE_DEG: f32 = 45.0;

/// An RGBA image, row by row from the top, not premultiplied.
#[derive(Clone, Debug, PartialEq)]
pub struct ReliefImage {
    /// Width and height in pixels.
    pub size: [usize; 2],
    /// Four bytes a pixel.
    pub rgba: Vec<u8>,
}

/// The relief of an atlas, in map km: where it goes, and its two looks.
#[derive(Clone, Debug)]
pub struct Relief {
    /// The grid's extent in map km (the image is stretched over it).
    pub rect: Rect,
    /// Width and height of the images in pixels.
    pub size: [usize; 2],
    /// How lit each pixel is (0–255 for 0.3–1.12 times its colour), row by row from the top.
    light: Arc<Vec<u8>>,
    /// Each pixel's height in metres (`i16::MIN` where the grid has none).
    heights: Arc<Vec<i16>>,
    /// The land's colour, under the plain hillshade.
    land: [f32; 3],
    /// The two images as PNG files (shaded, tinted), encoded by the first export that embeds
    /// them and kept, so a deck of a hundred pictures encodes them once.
    pub encoded: Arc<[std::sync::OnceLock<Vec<u8>>; 2]>,
}

/// Light as stored: 0.3–1.12 in 256 steps.
const LIGHT_RANGE: (f32, f32) = (0.3, 1.12);

impl Relief {
    /// Shades `grid` over `land`, once per atlas. Only the light and the height of each pixel are
    /// kept (3 bytes a pixel); the images are painted from them when they are uploaded or encoded.
    pub fn new(grid: &Elevation, projection: &Projection, land: Color32) -> Self {
        let [west, south, east, north] = grid.edges();
        let a = projection.map_from_lonlat(west, north);
        let b = projection.map_from_lonlat(east, south);
        let rect = Rect::from_two_pos(a, b);
        let (shade, heights, size) = shade(grid);
        let (lo, hi) = LIGHT_RANGE;
        // Flat ground (shade ≈ 0.71 under a 45° light) keeps its colour; slopes facing away darken
        // it, slopes facing the light brighten it a little.
        let light: Vec<u8> =
            shade.iter().map(|&s| (((0.35 + 0.92 * s).clamp(lo, hi) - lo) / (hi - lo) * 255.0).round() as u8).collect();
        let heights: Vec<i16> = heights
            .iter()
            .map(|&h| if h.is_nan() { i16::MIN } else { h.round().clamp(-9_000.0, 9_000.0) as i16 })
            .collect();
        let land = [f32::from(land.r()), f32::from(land.g()), f32::from(land.b())];
        Relief { rect, size, light: Arc::new(light), heights: Arc::new(heights), land, encoded: Arc::default() }
    }

    /// The hillshade painted over the land colour (`tinted`: over colours by height, green
    /// lowlands to brown mountains) as an image.
    pub fn image(&self, tinted: bool) -> ReliefImage {
        let (lo, hi) = LIGHT_RANGE;
        let mut rgba = Vec::with_capacity(self.light.len() * 4);
        for (&l, &h) in self.light.iter().zip(self.heights.iter()) {
            if h == i16::MIN {
                rgba.extend_from_slice(&[0, 0, 0, 0]);
                continue;
            }
            let light = lo + f32::from(l) / 255.0 * (hi - lo);
            let [r, g, b] = if tinted { tint(f32::from(h)) } else { self.land };
            let px = |c: f32| (c * light).clamp(0.0, 255.0) as u8;
            rgba.extend_from_slice(&[px(r), px(g), px(b), 255]);
        }
        ReliefImage { size: self.size, rgba }
    }

    /// The map point of the image's pixel centre, for tests.
    pub fn pixel_map_point(&self, image: &ReliefImage, x: usize, y: usize) -> Pos2 {
        let [w, h] = image.size;
        Pos2::new(
            self.rect.min.x + (x as f32 + 0.5) / w.max(1) as f32 * self.rect.width(),
            self.rect.min.y + (y as f32 + 0.5) / h.max(1) as f32 * self.rect.height(),
        )
    }
}

/// Colours by height: the hypsometric tints of a school atlas, pale so that zones read over them.
fn tint(h: f32) -> [f32; 3] {
    const STOPS: [(f32, [f32; 3]); 7] = [
        (0.0, [214.0, 230.0, 196.0]),
        (300.0, [228.0, 236.0, 200.0]),
        (800.0, [240.0, 234.0, 204.0]),
        (1500.0, [234.0, 218.0, 186.0]),
        (2200.0, [222.0, 200.0, 170.0]),
        (3000.0, [212.0, 198.0, 186.0]),
        (4000.0, [240.0, 238.0, 236.0]),
    ];
    let mut prev = (0.0, [214.0, 230.0, 196.0]);
    for stop in STOPS {
        if h <= stop.0 {
            let t = if stop.0 > prev.0 { (h - prev.0) / (stop.0 - prev.0) } else { 0.0 };
            let t = t.clamp(0.0, 1.0);
            let ([r0, g0, b0], [r1, g1, b1]) = (prev.1, stop.1);
            return [r0 + (r1 - r0) * t, g0 + (g1 - g0) * t, b0 + (b1 - b0) * t];
        }
        prev = stop;
    }
    prev.1
}

/// The shading (0–1) and height of every pixel of the upsampled grid.
fn shade(grid: &Elevation) -> (Vec<f32>, Vec<f32>, [usize; 2]) {
    let (cols, rows) = grid.size();
    let (w, h) = (cols * UPSAMPLE, rows * UPSAMPLE);
    let [west, south, east, north] = grid.edges();
    let cell_lon = (east - west) / cols.max(1) as f64;
    let cell_lat = (north - south) / rows.max(1) as f64;
    // Height at a position in cell units (cell centres at whole numbers), bilinear; cells with no
    // data are left out of the average.
    let at = |x: f32, y: f32| -> f32 {
        let (x0, y0) = (x.floor(), y.floor());
        let (fx, fy) = (x - x0, y - y0);
        let mut sum = 0.0;
        let mut weight = 0.0;
        for (dx, dy, wgt) in
            [(0, 0, (1.0 - fx) * (1.0 - fy)), (1, 0, fx * (1.0 - fy)), (0, 1, (1.0 - fx) * fy), (1, 1, fx * fy)]
        {
            let (cx, cy) = ((x0 as i64 + dx).clamp(0, cols as i64 - 1), (y0 as i64 + dy).clamp(0, rows as i64 - 1));
            if let Some(v) = grid.value(cy as usize, cx as usize)
                && wgt > 0.0
            {
                sum += v * wgt;
                weight += wgt;
            }
        }
        if weight > 0.0 { sum / weight } else { f32::NAN }
    };
    let mut heights = Vec::with_capacity(w * h);
    for py in 0..h {
        let y = (py as f32 + 0.5) / UPSAMPLE as f32 - 0.5;
        for px in 0..w {
            let x = (px as f32 + 0.5) / UPSAMPLE as f32 - 0.5;
            heights.push(at(x, y));
        }
    }
    let (az, alt) = (AZIMUTH_DEG.to_radians(), ALTITUDE_DEG.to_radians());
    // Light direction (x east, y north, z up).
    let light = [alt.cos() * az.sin(), alt.cos() * az.cos(), alt.sin()];
    let mut shade = vec![alt.sin(); w * h];
    let get = |x: usize, y: usize| heights.get(y.min(h - 1) * w + x.min(w - 1)).copied().unwrap_or(f32::NAN);
    for y in 0..h {
        let lat = north - (y as f64 + 0.5) / UPSAMPLE as f64 * cell_lat;
        let dx_m = (cell_lon / UPSAMPLE as f64 * 111_320.0 * lat.to_radians().cos()) as f32;
        let dy_m = (cell_lat / UPSAMPLE as f64 * 111_030.0) as f32;
        for x in 0..w {
            let (l, r) = (get(x.saturating_sub(1), y), get(x + 1, y));
            let (u, d) = (get(x, y.saturating_sub(1)), get(x, y + 1));
            let span_x = if x == 0 || x + 1 >= w { 1.0 } else { 2.0 };
            let span_y = if y == 0 || y + 1 >= h { 1.0 } else { 2.0 };
            // Slopes: rise east and rise north, exaggerated.
            let sx = (r - l) / (span_x * dx_m) * EXAGGERATION;
            let sy = (u - d) / (span_y * dy_m) * EXAGGERATION;
            if !(sx.is_finite() && sy.is_finite()) {
                continue;
            }
            // The surface normal (−sx, −sy, 1), normalised, against the light.
            let n = (sx * sx + sy * sy + 1.0).sqrt();
            let s = (-sx * light[0] - sy * light[1] + light[2]) / n;
            if let Some(out) = shade.get_mut(y * w + x) {
                *out = s.clamp(0.0, 1.0);
            }
        }
    }
    (shade, heights, [w, h])
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn a_slope_facing_the_light_is_brighter_than_one_facing_away() {
        // A ridge running north–south: heights rise to the middle column and fall again.
        let (cols, rows) = (9, 6);
        let values: Vec<f32> =
            (0..rows).flat_map(|_| (0..cols).map(|c| 1000.0 - 200.0 * (c as f32 - 4.0).abs())).collect();
        let grid = Elevation::from_values(cols, rows, [44.0, 40.0, 44.075, 40.05], values).expect("grid");
        let projection = Projection::centred_on(44.04, 40.02);
        let relief = Relief::new(&grid, &projection, Color32::from_rgb(240, 240, 240));
        let img = &relief.image(false);
        assert_eq!(img.size, [cols * UPSAMPLE, rows * UPSAMPLE]);
        let px = |x: usize, y: usize| img.rgba[(y * img.size[0] + x) * 4];
        // Light from the west-north-west: the western slope is lit, the eastern one shadowed.
        let [w, h] = img.size;
        let (west, east) = (px(w / 4, h / 2), px(w * 3 / 4, h / 2));
        assert!(west > east + 40, "west slope {west}, east slope {east}");
        assert!(relief.rect.width() > 0.0 && relief.rect.height() > 0.0);
    }

    #[test]
    fn cells_without_data_are_transparent() {
        let mut values = vec![500.0; 16];
        values[5] = f32::NAN;
        values[6] = f32::NAN;
        values[9] = f32::NAN;
        values[10] = f32::NAN;
        let grid = Elevation::from_values(4, 4, [44.0, 40.0, 44.04, 40.04], values).expect("grid");
        let relief = Relief::new(&grid, &Projection::centred_on(44.02, 40.02), Color32::WHITE);
        let img = &relief.image(true);
        let alpha = |x: usize, y: usize| img.rgba[(y * img.size[0] + x) * 4 + 3];
        let [w, h] = img.size;
        assert_eq!(alpha(w / 2, h / 2), 0, "the middle has no data");
        assert_eq!(alpha(0, 0), 255);
    }
}
