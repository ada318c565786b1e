//! Areas at the grain of places: each zone cut into the cells of the places in it (the Voronoi
//! cell of each place, clipped to its zone, so that no cell crosses a boundary the data fixes).
//! A cell takes the controller of its place, so a district changes colour village by village and
//! its km² change with it. A zone with no place is one cell of its own.
//!
//! The cells are found once per atlas: the places' Delaunay triangulation (spade) gives each
//! place its neighbours, the cell is a bounding box cut by the half-planes nearer the place than
//! each neighbour (convex, so a simple clip), and that is intersected with the zone (geo's
//! boolean operations).

use geo::{BooleanOps as _, BoundingRect as _, GeodesicArea as _, MultiPolygon, Polygon};
use spade::{DelaunayTriangulation, Point2, Triangulation as _};

use super::{Atlas, ControlStatus, ControllerIdx, PlaceIdx, ZoneIdx};

/// A piece of a zone held with one place.
#[derive(Clone, Debug)]
pub struct Cell {
    /// The zone it is cut from.
    pub zone: ZoneIdx,
    /// The place it belongs to (`None`: a zone with no place).
    pub place: Option<PlaceIdx>,
    /// Its outline, longitude and latitude.
    pub geometry: MultiPolygon,
    /// Its geodesic area.
    pub area_km2: f64,
}

/// Clips a convex polygon (counter-clockwise) to the half-plane `a·x + b·y ≤ c`.
fn clip(poly: &[(f64, f64)], (a, b, c): (f64, f64, f64)) -> Vec<(f64, f64)> {
    let side = |p: &(f64, f64)| a * p.0 + b * p.1 - c;
    let mut out = Vec::with_capacity(poly.len() + 1);
    for (i, p) in poly.iter().enumerate() {
        let q = poly.get((i + 1) % poly.len()).unwrap_or(p);
        let (sp, sq) = (side(p), side(q));
        if sp <= 0.0 {
            out.push(*p);
        }
        if (sp < 0.0) != (sq < 0.0) && (sp - sq).abs() > f64::EPSILON {
            let t = sp / (sp - sq);
            out.push((p.0 + (q.0 - p.0) * t, p.1 + (q.1 - p.1) * t));
        }
    }
    out
}

/// The cells of one zone from the places in it.
fn zone_cells(zone: ZoneIdx, area: &MultiPolygon, sites: &[(PlaceIdx, geo::Point)]) -> Vec<Cell> {
    let whole = |place| Cell { zone, place, geometry: area.clone(), area_km2: area.geodesic_area_unsigned() / 1e6 };
    let Some(bounds) = area.bounding_rect() else { return Vec::new() };
    if sites.len() <= 1 {
        return vec![whole(sites.first().map(|s| s.0))];
    }
    // Local coordinates in which distances are true to scale: longitude shrunk by cos(latitude).
    let (lon0, lat0) = (bounds.center().x, bounds.center().y);
    let k = lat0.to_radians().cos().max(0.01);
    let local = |p: geo::Point| ((p.x() - lon0) * k, p.y() - lat0);
    let mut triangulation: DelaunayTriangulation<Point2<f64>> = DelaunayTriangulation::new();
    let mut site_of_vertex: Vec<Option<usize>> = Vec::new();
    for (i, (_, p)) in sites.iter().enumerate() {
        let (x, y) = local(*p);
        let Ok(handle) = triangulation.insert(Point2::new(x, y)) else { continue };
        let v = handle.index();
        if site_of_vertex.len() <= v {
            site_of_vertex.resize(v + 1, None);
        }
        // Two places at one point: the first keeps the cell.
        if let Some(slot) = site_of_vertex.get_mut(v)
            && slot.is_none()
        {
            *slot = Some(i);
        }
    }
    // The zone's boundary segments, by their boxes.
    let boundary: rstar::RTree<rstar::primitives::Rectangle<[f64; 2]>> = rstar::RTree::bulk_load(
        area.iter()
            .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
            .flat_map(|ring| ring.lines())
            .map(|l| rstar::primitives::Rectangle::from_corners([l.start.x, l.start.y], [l.end.x, l.end.y]))
            .collect(),
    );
    let margin = 0.01;
    let (x0, y0) = ((bounds.min().x - lon0) * k - margin, bounds.min().y - lat0 - margin);
    let (x1, y1) = ((bounds.max().x - lon0) * k + margin, bounds.max().y - lat0 + margin);
    let frame = vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1)];
    let mut cells = Vec::new();
    for v in triangulation.vertices() {
        let Some(site) = site_of_vertex.get(v.fix().index()).copied().flatten() else { continue };
        let Some(&(place, _)) = sites.get(site) else { continue };
        let s = v.position();
        let mut poly = frame.clone();
        for e in v.out_edges() {
            let t = e.to().position();
            // Nearer s than t: (t − s)·q ≤ (|t|² − |s|²) / 2.
            let (a, b) = (t.x - s.x, t.y - s.y);
            let c = (t.x * t.x + t.y * t.y - s.x * s.x - s.y * s.y) / 2.0;
            poly = clip(&poly, (a, b, c));
            if poly.len() < 3 {
                break;
            }
        }
        if poly.len() < 3 {
            continue;
        }
        let mut ring: Vec<geo::Coord> =
            poly.iter().map(|&(x, y)| geo::coord! { x: x / k + lon0, y: y + lat0 }).collect();
        ring.extend(ring.first().copied());
        let cell = Polygon::new(geo::LineString::new(ring), Vec::new());
        // A cell clear of the zone's boundary lies wholly inside it (its place is inside): no
        // boolean operation needed. Only the cells along the boundary are cut.
        let clear = cell.bounding_rect().is_some_and(|b| {
            let envelope = rstar::AABB::from_corners([b.min().x, b.min().y], [b.max().x, b.max().y]);
            boundary.locate_in_envelope_intersecting(&envelope).next().is_none()
        });
        let geometry =
            if clear { MultiPolygon::new(vec![cell]) } else { area.intersection(&MultiPolygon::new(vec![cell])) };
        let area_km2 = geometry.geodesic_area_unsigned() / 1e6;
        if area_km2 > 0.0 {
            cells.push(Cell { zone, place: Some(place), geometry, area_km2 });
        }
    }
    if cells.is_empty() {
        cells.push(whole(None));
    }
    cells
}

impl Atlas {
    /// The zones cut into the cells of their places, made once, on first use (17 ms for the
    /// built-in atlas, so loading does not wait for it); empty for an atlas without places, whose
    /// ground is then its zones.
    pub fn cells(&self) -> &[Cell] {
        self.cells_cache.get_or_init(|| {
            let zone_of = &self.place_control.zone_of;
            if self.places.is_empty() || zone_of.len() != self.places.len() {
                return Vec::new();
            }
            self.build_cells(zone_of)
        })
    }

    /// Cuts every zone into the cells of its places.
    fn build_cells(&self, zone_of: &[Option<ZoneIdx>]) -> Vec<Cell> {
        let mut sites: Vec<Vec<(PlaceIdx, geo::Point)>> = vec![Vec::new(); self.zones.len()];
        for (i, (p, z)) in self.places.iter().zip(zone_of).enumerate() {
            if let Some(list) = z.and_then(|z| sites.get_mut(z.get())) {
                list.push((PlaceIdx::new(i), p.point));
            }
        }
        // Zone by zone, on every core (each zone's cells are independent), largest zones first.
        let next = std::sync::atomic::AtomicUsize::new(0);
        let mut order: Vec<usize> = (0..self.zones.len()).collect();
        order.sort_by_key(|&z| std::cmp::Reverse(sites.get(z).map_or(0, Vec::len)));
        let work = || {
            let mut done: Vec<(usize, Vec<Cell>)> = Vec::new();
            loop {
                let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(&z) = order.get(k) else { break };
                let (Some(zone), Some(sites)) = (self.zones.get(z), sites.get(z)) else { continue };
                let mut these = zone_cells(ZoneIdx::new(z), &zone.geometry, sites);
                // The cells' geodesic areas differ from the zone's by the rounding of the cuts (a
                // few parts in a million): scaled to the zone's, so that km² by cells and by
                // zones agree.
                let sum: f64 = these.iter().map(|c| c.area_km2).sum();
                if sum > 0.0 {
                    for c in &mut these {
                        c.area_km2 *= zone.area_km2 / sum;
                    }
                }
                done.push((z, these));
            }
            done
        };
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
        let mut parts: Vec<(usize, Vec<Cell>)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
            let mut all = work();
            for h in handles {
                all.extend(h.join().unwrap_or_default());
            }
            all
        });
        // In zone order, whatever thread made them, so that cell indices are the same every run.
        parts.sort_by_key(|(z, _)| *z);
        parts.into_iter().flat_map(|(_, cells)| cells).collect()
    }

    /// Who holds each cell on a day, and on what that rests: its place's control where the place
    /// has one, else its zone's. `zone_control` is the zones' control on the day and `places` the
    /// places' (as [`super::PlaceTimeline::all_at`] gives them).
    pub fn cell_control(
        &self,
        zone_control: &[ControllerIdx],
        places: &[Option<super::PlaceControl>],
    ) -> Vec<(ControllerIdx, ControlStatus)> {
        self.cells()
            .iter()
            .map(|c| {
                let by_place = c.place.and_then(|p| places.get(p.get()).copied().flatten());
                match by_place {
                    Some(pc) => (pc.controller, pc.status),
                    None => (zone_control.get(c.zone.get()).copied().unwrap_or_default(), ControlStatus::ByZone),
                }
            })
            .collect()
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn ring(points: &[(f64, f64)]) -> Polygon {
        let mut coords: Vec<geo::Coord> = points.iter().map(|&(x, y)| geo::coord! { x: x, y: y }).collect();
        coords.extend(coords.first().copied());
        Polygon::new(geo::LineString::new(coords), Vec::new())
    }

    #[test]
    fn the_cells_of_a_zone_tile_it_and_each_holds_its_place() {
        let square = ring(&[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)]);
        let area = MultiPolygon::new(vec![square]);
        let sites: Vec<(PlaceIdx, geo::Point)> = [(0.2, 0.2), (0.8, 0.3), (0.5, 0.8), (0.3, 0.6)]
            .iter()
            .enumerate()
            .map(|(i, &(x, y))| (PlaceIdx::new(i), geo::Point::new(x, y)))
            .collect();
        let cells = zone_cells(ZoneIdx::new(0), &area, &sites);
        assert_eq!(cells.len(), 4);
        let total: f64 = cells.iter().map(|c| c.area_km2).sum();
        let whole = area.geodesic_area_unsigned() / 1e6;
        assert!((total - whole).abs() < whole * 1e-4, "{total} against {whole}");
        for c in &cells {
            let place = c.place.expect("a place");
            let (_, p) = sites[place.get()];
            assert!(geo::Intersects::intersects(&c.geometry, &p), "cell of {place} holds it");
        }
    }

    #[test]
    fn a_zone_without_places_is_one_cell() {
        let tri = ring(&[(0.0, 0.0), (1.0, 0.0), (0.0, 1.0)]);
        let cells = zone_cells(ZoneIdx::new(3), &MultiPolygon::new(vec![tri]), &[]);
        assert_eq!(cells.len(), 1);
        assert_eq!(cells[0].place, None);
        assert_eq!(cells[0].zone, ZoneIdx::new(3));
    }
}
