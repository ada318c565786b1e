//! An elevation grid: heights in metres on a regular longitude–latitude grid, read from an ESRI
//! BIL pair (`elevation.hdr` + `elevation.bil`), the plain format QGIS and GDAL write ("EHdr").
//!
//! Every number of the header is checked against the data before the data is read, so a grid
//! that disagrees with its header, holds NaN or lies away from the atlas is refused with its own
//! message instead of drawing nonsense.

/// Most cells a grid may have (a 5,000 × 5,000 grid, 100 MB as 32-bit values): far more than a
/// regional relief needs, and small enough that a hostile header cannot exhaust memory.
pub const MAX_CELLS: usize = 25_000_000;

/// Heights below the Dead Sea's shore or above Everest are not heights: a sign of wrong data.
const PLAUSIBLE_M: std::ops::RangeInclusive<f32> = -1_000.0..=9_000.0;

/// A grid of heights. Cells are `cell_lon` × `cell_lat` degrees; row 0 is the northern edge.
#[derive(Clone, Debug, PartialEq)]
pub struct Elevation {
    columns: usize,
    rows: usize,
    west: f64,
    north: f64,
    cell_lon: f64,
    cell_lat: f64,
    /// Row by row from the north; NaN where the grid has no data.
    values: Vec<f32>,
    lowest: f32,
    highest: f32,
}

impl Elevation {
    /// The height of the cell holding `lon`, `lat`, if the grid covers it and has data there.
    pub fn at(&self, lon: f64, lat: f64) -> Option<f32> {
        let col = ((lon - self.west) / self.cell_lon).floor();
        let row = ((self.north - lat) / self.cell_lat).floor();
        if !(col >= 0.0 && row >= 0.0) {
            return None;
        }
        self.value(row as usize, col as usize)
    }

    /// The height of a cell, if it has data.
    pub fn value(&self, row: usize, col: usize) -> Option<f32> {
        if row >= self.rows || col >= self.columns {
            return None;
        }
        self.values.get(row * self.columns + col).copied().filter(|v| !v.is_nan())
    }

    /// Columns (west to east) and rows (north to south).
    pub fn size(&self) -> (usize, usize) {
        (self.columns, self.rows)
    }

    /// The grid's outer edges: west, south, east, north, in degrees.
    pub fn edges(&self) -> [f64; 4] {
        [
            self.west,
            self.north - self.rows as f64 * self.cell_lat,
            self.west + self.columns as f64 * self.cell_lon,
            self.north,
        ]
    }

    /// A cell's north–south size in km: the grid's resolution, as the hover box states it.
    pub fn cell_km(&self) -> f64 {
        self.cell_lat * 111.03
    }

    /// The lowest and highest heights in the grid.
    pub fn range(&self) -> (f32, f32) {
        (self.lowest, self.highest)
    }

    /// A grid from its values (row by row from the north, NaN for no data), for tests and
    /// generators. `None` if the sizes disagree or a cell is outside the plausible range.
    pub fn from_values(columns: usize, rows: usize, edges: [f64; 4], values: Vec<f32>) -> Option<Self> {
        let [west, south, east, north] = edges;
        if columns == 0 || rows == 0 || values.len() != columns.checked_mul(rows)? || east <= west || north <= south {
            return None;
        }
        let (lowest, highest) = min_max(&values)?;
        Some(Self {
            columns,
            rows,
            west,
            north,
            cell_lon: (east - west) / columns as f64,
            cell_lat: (north - south) / rows as f64,
            values,
            lowest,
            highest,
        })
    }
}

fn min_max(values: &[f32]) -> Option<(f32, f32)> {
    let mut lo = f32::INFINITY;
    let mut hi = f32::NEG_INFINITY;
    for &v in values.iter().filter(|v| !v.is_nan()) {
        if !PLAUSIBLE_M.contains(&v) {
            return None;
        }
        lo = lo.min(v);
        hi = hi.max(v);
    }
    (lo <= hi).then_some((lo, hi))
}

/// The header of a BIL file, as far as a one-band grid needs it.
#[derive(Debug)]
struct Header {
    rows: usize,
    columns: usize,
    bits: u32,
    float: bool,
    big_endian: bool,
    /// Centre of the upper-left cell (the ESRI convention).
    ulx: f64,
    uly: f64,
    xdim: f64,
    ydim: f64,
    nodata: Option<f64>,
}

fn parse_header(text: &str) -> Result<Header, String> {
    let mut get = std::collections::HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split_whitespace();
        let (Some(key), Some(value)) = (parts.next(), parts.next()) else {
            return Err(format!("line {}: \"{line}\" is not a KEY VALUE pair", n + 1));
        };
        get.insert(key.to_ascii_uppercase(), value.to_owned());
    }
    let number = |key: &str| -> Result<Option<f64>, String> {
        match get.get(key) {
            None => Ok(None),
            Some(v) => match v.parse::<f64>() {
                Ok(x) if x.is_finite() => Ok(Some(x)),
                _ => Err(format!("{key} is \"{v}\", not a finite number")),
            },
        }
    };
    let required = |key: &str| number(key)?.ok_or_else(|| format!("has no {key}"));
    let count = |key: &str| -> Result<usize, String> {
        let v = required(key)?;
        if v < 1.0 || v.fract() != 0.0 || v > MAX_CELLS as f64 {
            return Err(format!("{key} is {v}: it must be a whole number from 1 to {MAX_CELLS}"));
        }
        Ok(v as usize)
    };
    let rows = count("NROWS")?;
    let columns = count("NCOLS")?;
    if rows.saturating_mul(columns) > MAX_CELLS {
        return Err(format!("{columns} × {rows} cells, over the limit of {MAX_CELLS}"));
    }
    if let Some(bands) = number("NBANDS")?
        && bands != 1.0
    {
        return Err(format!("NBANDS is {bands}: an elevation grid has one band"));
    }
    let bits = number("NBITS")?.unwrap_or(8.0);
    let pixel = get.get("PIXELTYPE").map(|s| s.to_ascii_uppercase());
    let (bits, float) = match (bits, pixel.as_deref()) {
        (16.0, None | Some("SIGNEDINT")) => (16, false),
        (32.0, Some("FLOAT")) => (32, true),
        (b, p) => {
            return Err(format!(
                "NBITS {b} with PIXELTYPE {}: only 16-bit signed integers (NBITS 16, PIXELTYPE SIGNEDINT) and \
                 32-bit floats (NBITS 32, PIXELTYPE FLOAT) are read",
                p.unwrap_or("(none)")
            ));
        }
    };
    let big_endian = match get.get("BYTEORDER").map(|s| s.to_ascii_uppercase()).as_deref() {
        None | Some("I") => false,
        Some("M") => true,
        Some(other) => return Err(format!("BYTEORDER is \"{other}\": it must be I (Intel) or M (Motorola)")),
    };
    let row_bytes = columns * bits as usize / 8;
    for key in ["BANDROWBYTES", "TOTALROWBYTES"] {
        if let Some(v) = number(key)?
            && v != row_bytes as f64
        {
            return Err(format!("{key} is {v}, but {columns} columns of {} bytes make {row_bytes}", bits / 8));
        }
    }
    if number("SKIPBYTES")?.is_some_and(|v| v != 0.0) {
        return Err("SKIPBYTES is not 0: a grid with a leading block is not read".into());
    }
    let (xdim, ydim) = (required("XDIM")?, required("YDIM")?);
    if xdim <= 0.0 || ydim <= 0.0 {
        return Err(format!("XDIM {xdim} and YDIM {ydim} must be positive (degrees per cell)"));
    }
    Ok(Header {
        rows,
        columns,
        bits,
        float,
        big_endian,
        ulx: required("ULXMAP")?,
        uly: required("ULYMAP")?,
        xdim,
        ydim,
        nodata: number("NODATA")?,
    })
}

/// Reads a grid from its header's text and its data's bytes. `within` is the atlas's extent
/// (west, south, east, north, degrees): a grid that does not overlap it is refused, since it
/// would show nothing. Errors are plain sentences, each with the part of the grid at fault.
pub(crate) fn read_elevation(header: &str, data: &[u8], within: Option<[f64; 4]>) -> Result<Elevation, GridError> {
    let h = parse_header(header).map_err(GridError::Header)?;
    read_data(&h, data, within).map_err(GridError::Data)
}

/// What is wrong with a grid, and in which of its two files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum GridError {
    /// The header cannot be read, or asks for what is not read.
    Header(String),
    /// The data disagree with the header, or are not heights, or lie away from the atlas.
    Data(String),
}

impl GridError {
    /// The message, whichever file it is about.
    pub(crate) fn message(&self) -> &str {
        match self {
            GridError::Header(m) | GridError::Data(m) => m,
        }
    }
}

fn read_data(h: &Header, data: &[u8], within: Option<[f64; 4]>) -> Result<Elevation, String> {
    let west = h.ulx - h.xdim / 2.0;
    let north = h.uly + h.ydim / 2.0;
    let east = west + h.columns as f64 * h.xdim;
    let south = north - h.rows as f64 * h.ydim;
    if west < -180.0 - 1e-9 || east > 180.0 + 1e-9 || south < -90.0 - 1e-9 || north > 90.0 + 1e-9 {
        return Err(format!(
            "the grid's edges (lon {west:.4} to {east:.4}, lat {south:.4} to {north:.4}) are outside longitude \
             ±180 and latitude ±90: ULXMAP, ULYMAP, XDIM and YDIM must be in degrees"
        ));
    }
    if let Some([w, s, e, n]) = within
        && (east <= w || west >= e || north <= s || south >= n)
    {
        return Err(format!(
            "the grid covers lon {west:.2} to {east:.2}, lat {south:.2} to {north:.2}, which does not overlap the \
             atlas (lon {w:.2} to {e:.2}, lat {s:.2} to {n:.2})"
        ));
    }
    let cell_bytes = h.bits as usize / 8;
    let expected = h.rows * h.columns * cell_bytes;
    if data.len() != expected {
        return Err(format!(
            "the data file holds {} bytes, but the header's {} × {} cells of {cell_bytes} bytes need {expected}",
            data.len(),
            h.columns,
            h.rows
        ));
    }
    let mut values = Vec::with_capacity(h.rows * h.columns);
    let mut nans = 0usize;
    let mut first_nan = None;
    for (i, chunk) in data.chunks_exact(cell_bytes).enumerate() {
        let v = match (h.float, h.big_endian, chunk) {
            (false, false, &[a, b]) => f32::from(i16::from_le_bytes([a, b])),
            (false, true, &[a, b]) => f32::from(i16::from_be_bytes([a, b])),
            (true, false, &[a, b, c, d]) => f32::from_le_bytes([a, b, c, d]),
            (true, true, &[a, b, c, d]) => f32::from_be_bytes([a, b, c, d]),
            _ => f32::NAN,
        };
        if v.is_nan() {
            nans += 1;
            first_nan.get_or_insert(i);
        }
        let missing = h.nodata.is_some_and(|nd| f64::from(v) == nd);
        values.push(if missing { f32::NAN } else { v });
    }
    if let Some(i) = first_nan {
        return Err(format!(
            "{nans} cell(s) hold NaN, the first at row {}, column {}: mark missing cells with the header's NODATA value",
            i / h.columns,
            i % h.columns
        ));
    }
    if let Some((i, v)) = values.iter().enumerate().find(|(_, v)| !v.is_nan() && !PLAUSIBLE_M.contains(v)) {
        return Err(format!(
            "row {}, column {} holds {v} m, outside {} to {} m: the grid is not heights in metres (or NODATA is \
             not set)",
            i / h.columns,
            i % h.columns,
            PLAUSIBLE_M.start(),
            PLAUSIBLE_M.end()
        ));
    }
    Elevation::from_values(h.columns, h.rows, [west, south, east, north], values)
        .ok_or_else(|| "every cell is NODATA: the grid has no heights".to_owned())
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn read_elevation(header: &str, data: &[u8], within: Option<[f64; 4]>) -> Result<Elevation, String> {
        super::read_elevation(header, data, within).map_err(|e| e.message().to_owned())
    }

    const HEADER: &str = "BYTEORDER I\nLAYOUT BIL\nNROWS 2\nNCOLS 3\nNBANDS 1\nNBITS 16\nPIXELTYPE SIGNEDINT\n\
                          ULXMAP 44.5\nULYMAP 40.5\nXDIM 1\nYDIM 1\nNODATA -500\n";

    fn cells(values: &[i16]) -> Vec<u8> {
        values.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    #[test]
    fn reads_a_grid_and_finds_heights_by_position() {
        let grid = read_elevation(HEADER, &cells(&[100, 200, 300, 400, -500, 600]), None).expect("valid");
        assert_eq!(grid.size(), (3, 2));
        assert_eq!(grid.edges(), [44.0, 39.0, 47.0, 41.0]);
        assert_eq!(grid.at(44.2, 40.9), Some(100.0));
        assert_eq!(grid.at(46.9, 39.1), Some(600.0));
        assert_eq!(grid.at(45.5, 39.5), None, "NODATA is no height");
        assert_eq!(grid.at(43.9, 40.0), None, "outside the grid");
        assert_eq!(grid.range(), (100.0, 600.0));
    }

    #[test]
    fn each_malformed_grid_has_its_own_message() {
        let ok = cells(&[1, 2, 3, 4, 5, 6]);
        let short = read_elevation(HEADER, &ok[..10], None).expect_err("refused");
        assert!(short.contains("holds 10 bytes") && short.contains("need 12"), "{short}");
        let disagreeing = read_elevation(&HEADER.replace("NCOLS 3", "NCOLS 4"), &ok, None).expect_err("refused");
        assert!(disagreeing.contains("4 × 2 cells"), "{disagreeing}");
        let nan_header = read_elevation(&HEADER.replace("XDIM 1", "XDIM nan"), &ok, None).expect_err("refused");
        assert!(nan_header.contains("XDIM is \"nan\""), "{nan_header}");
        let float = HEADER.replace("NBITS 16\nPIXELTYPE SIGNEDINT", "NBITS 32\nPIXELTYPE FLOAT");
        let data: Vec<u8> = [1.0f32, 2.0, f32::NAN, 4.0, 5.0, 6.0].iter().flat_map(|v| v.to_le_bytes()).collect();
        let nan = read_elevation(&float, &data, None).expect_err("refused");
        assert!(nan.contains("NaN") && nan.contains("row 0, column 2"), "{nan}");
        let away = read_elevation(HEADER, &ok, Some([10.0, 10.0, 12.0, 12.0])).expect_err("refused");
        assert!(away.contains("does not overlap the atlas"), "{away}");
        let huge = read_elevation(&HEADER.replace("NROWS 2", "NROWS 9000000"), &ok, None).expect_err("refused");
        assert!(huge.contains("over the limit"), "{huge}");
        let world = read_elevation(&HEADER.replace("ULXMAP 44.5", "ULXMAP 440.5"), &ok, None).expect_err("refused");
        assert!(world.contains("outside longitude"), "{world}");
        let wild = read_elevation(HEADER, &cells(&[1, 2, 3, 4, 30_000, 6]), None).expect_err("refused");
        assert!(wild.contains("30000 m"), "{wild}");
        let bands = read_elevation(&HEADER.replace("NBANDS 1", "NBANDS 3"), &ok, None).expect_err("refused");
        assert!(bands.contains("one band"), "{bands}");
    }
}
