//! Finding a place, region, river or height by any of its names, in any script or tradition, with
//! or without diacritics: "susa", "Şuşa", "Shushi" and "Шуша" all find Shusha.
//!
//! Every name is folded once per atlas (transliterated to ASCII by `deunicode`, lower-cased);
//! a query is folded the same way and scored against each name by `nucleo-matcher`, the fuzzy
//! matcher of the Helix editor, with exact and prefix matches first.

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use super::{Atlas, HeightKind, PlaceIdx, RegionIdx, WaterKind, WaterShape};

/// What a search result is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Found {
    /// A town, village or point of `places.geojson`.
    Place(PlaceIdx),
    /// A region.
    Region(RegionIdx),
    /// A river, lake or reservoir, by index in `atlas.land.water`.
    Water(usize),
    /// A peak, range or plateau, by index in `atlas.land.heights`.
    Height(usize),
}

/// One result: what was found, by which of its names, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchHit {
    /// What was found.
    pub found: Found,
    /// The name that matched, as written in the atlas.
    pub matched: String,
    /// Where to centre the map: longitude, latitude.
    pub lonlat: (f64, f64),
    /// Higher is better.
    pub score: u32,
}

struct Entry {
    found: Found,
    name: String,
    folded: String,
    /// Tie-break: more important features first (rank 1 before 9).
    rank: u8,
}

/// The names of an atlas, folded once, to search as the user types.
pub struct SearchIndex {
    entries: Vec<Entry>,
    positions: Vec<(Found, (f64, f64))>,
}

/// Folds a name for comparison: any script to ASCII, lower case, spaces squeezed.
pub fn fold(s: &str) -> String {
    // deunicode writes the schwa as "@" (its IPA reading); Azerbaijani readers type "e" for "ə".
    let s = s.replace(['ə', 'Ə'], "e");
    let ascii = deunicode::deunicode(&s).to_lowercase();
    ascii.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn centre_of(shape: &WaterShape) -> Option<(f64, f64)> {
    use geo::InteriorPoint as _;
    let p = match shape {
        WaterShape::Line(l) => l.interior_point()?,
        WaterShape::Area(a) => a.interior_point()?,
        WaterShape::Point(p) => *p,
    };
    Some((p.x(), p.y()))
}

impl SearchIndex {
    /// Folds every name of every place, region, water and height of `atlas`.
    pub fn new(atlas: &Atlas) -> Self {
        use geo::InteriorPoint as _;
        let mut entries = Vec::new();
        let mut positions = Vec::new();
        let mut add = |found: Found, rank: u8, names: &mut dyn Iterator<Item = &str>| {
            let mut seen = std::collections::HashSet::new();
            for name in names {
                let folded = fold(name);
                if !folded.is_empty() && seen.insert(folded.clone()) {
                    entries.push(Entry { found, name: name.to_owned(), folded, rank });
                }
            }
        };
        for (i, p) in atlas.places.iter().enumerate() {
            let found = Found::Place(PlaceIdx::new(i));
            let names = p.name.0.values().map(String::as_str);
            let names = names.chain(p.name_first.as_deref()).chain(p.name_second.as_deref());
            add(found, p.rank, &mut names.chain(p.other_names.iter().map(String::as_str)));
            positions.push((found, (p.point.x(), p.point.y())));
        }
        for (i, r) in atlas.regions.iter().enumerate() {
            let found = Found::Region(RegionIdx::new(i));
            let names = r.name.0.values().chain(r.label.iter().flat_map(|l| l.0.values())).map(String::as_str);
            let names = names.chain(r.name_first.as_deref()).chain(r.name_second.as_deref());
            let mut names = names.chain(r.label_first.as_deref()).chain(r.label_second.as_deref());
            // After the towns of rank 1–2, which often share a district's name ("Lachin").
            add(found, 3, &mut names);
            if let Some(p) = r.geometry.interior_point() {
                positions.push((found, (p.x(), p.y())));
            }
        }
        for (i, w) in atlas.land.water.iter().enumerate() {
            let found = Found::Water(i);
            let n = &w.names;
            let names = n.name.iter().flat_map(|t| t.0.values()).map(String::as_str);
            let names = names.chain(n.name_first.as_deref()).chain(n.name_second.as_deref());
            add(found, w.rank, &mut names.chain(n.other.iter().map(String::as_str)));
            if let Some(c) = centre_of(&w.shape) {
                positions.push((found, c));
            }
        }
        for (i, h) in atlas.land.heights.iter().enumerate() {
            let found = Found::Height(i);
            let n = &h.names;
            let names = n.name.iter().flat_map(|t| t.0.values()).map(String::as_str);
            let names = names.chain(n.name_first.as_deref()).chain(n.name_second.as_deref());
            let rank = if h.kind == HeightKind::Peak { 3 } else { 2 };
            add(found, rank, &mut names.chain(n.other.iter().map(String::as_str)));
            positions.push((found, (h.point.x(), h.point.y())));
        }
        Self { entries, positions }
    }

    /// The best matches for `query`, best first, one per feature, at most `limit`.
    pub fn find(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        let q = fold(query);
        if q.is_empty() {
            return Vec::new();
        }
        let mut matcher = Matcher::new(Config::DEFAULT);
        let pattern = Pattern::new(&q, CaseMatching::Ignore, Normalization::Never, AtomKind::Fuzzy);
        let mut buf = Vec::new();
        let mut best: std::collections::HashMap<Found, (u32, u8, &Entry)> = Default::default();
        for e in &self.entries {
            let Some(fuzzy) = pattern.score(Utf32Str::new(&e.folded, &mut buf), &mut matcher) else { continue };
            // Exact names first, then names that begin with the query, then words that do, then
            // the fuzzy matches, each group by the matcher's score.
            let words = e.folded.split([' ', '-', '(']).any(|w| w.starts_with(&q));
            let bonus = if e.folded == q {
                30_000
            } else if e.folded.starts_with(&q) {
                20_000
            } else if words {
                10_000
            } else {
                0
            };
            let score = fuzzy.min(9_999) + bonus;
            let slot = best.entry(e.found).or_insert((score, e.rank, e));
            if score > slot.0 {
                *slot = (score, e.rank, e);
            }
        }
        let mut hits: Vec<(u32, u8, &Entry)> = best.into_values().collect();
        hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.name.cmp(&b.2.name)));
        hits.into_iter()
            .take(limit)
            .filter_map(|(score, _, e)| {
                let lonlat = self.positions.iter().find(|(f, _)| *f == e.found)?.1;
                Some(SearchHit { found: e.found, matched: e.name.clone(), lonlat, score })
            })
            .collect()
    }
}

/// A short word for what was found ("village", "river"), in English, for the command line.
pub fn kind_word(atlas: &Atlas, found: Found) -> &'static str {
    match found {
        Found::Place(i) => match atlas.place(i).map(|p| p.kind) {
            Some(super::PlaceKind::Capital) => "capital",
            Some(super::PlaceKind::Town) => "town",
            Some(super::PlaceKind::Village) => "village",
            _ => "place",
        },
        Found::Region(_) => "region",
        Found::Water(i) => match atlas.land.water.get(i).map(|w| w.kind) {
            Some(WaterKind::River) => "river",
            Some(WaterKind::Lake) => "lake",
            _ => "reservoir",
        },
        Found::Height(i) => match atlas.land.heights.get(i).map(|h| h.kind) {
            Some(HeightKind::Range) => "range",
            Some(HeightKind::Plateau) => "plateau",
            _ => "peak",
        },
    }
}
