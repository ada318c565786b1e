//! Ramer–Douglas–Peucker simplification with bounded cost. geo's `Simplify` recurses once per
//! split, so a line whose farthest point is always next to an end (a spiral of a million points
//! from a hostile file) would overflow the stack, and takes time quadratic in its length. This is
//! the same algorithm, with the same choices (so the same result on every ordinary line), kept on
//! an explicit stack and given a budget of distance measurements: past it, the line is thinned by
//! distance from the last point kept instead, which is linear and just as good on screen.

/// Most distance measurements per point of a line before RDP gives way to thinning by distance.
const WORK_PER_POINT: usize = 64;

/// The points of `points` kept at `tolerance` (their indices, in order), keeping at least
/// `min_kept` points where a line has that many (4 for a closed ring, as geo does).
// Every index is within `0..n`: the spans on the stack lie inside it, and `keep` has n flags.
#[allow(clippy::indexing_slicing)]
pub fn kept_indices(points: &[[f64; 2]], tolerance: f64, min_kept: usize) -> Vec<usize> {
    let n = points.len();
    if tolerance <= 0.0 || n < 3 {
        return (0..n).collect();
    }
    let budget = WORK_PER_POINT.saturating_mul(n).saturating_add(1_000_000);
    let mut work = 0usize;
    let mut keep = vec![false; n];
    keep[0] = true;
    keep[n - 1] = true;
    let mut kept_len = n;
    // Spans (first, last) still to simplify, the left one first, as the recursion does.
    let mut stack = vec![(0usize, n - 1)];
    while let Some((first, last)) = stack.pop() {
        if last <= first + 1 {
            keep[first] = true;
            keep[last] = true;
            continue;
        }
        work += last - first;
        if work > budget {
            return thinned(points, tolerance);
        }
        let (a, b) = (points[first], points[last]);
        // Squared distances: the same order, without a square root per point.
        let (mut farthest, mut distance2) = (first + 1, 0.0);
        for (i, p) in points.iter().enumerate().take(last).skip(first + 1) {
            let d2 = distance2_to_segment(*p, a, b);
            if d2 >= distance2 {
                (farthest, distance2) = (i, d2);
            }
        }
        if distance2 > tolerance * tolerance {
            keep[farthest] = true;
            stack.push((farthest, last));
            stack.push((first, farthest));
            continue;
        }
        let culled = last - first - 1;
        if kept_len - culled < min_kept {
            // Too few would be left: keep this span whole, as geo does.
            keep[first..=last].iter_mut().for_each(|k| *k = true);
            continue;
        }
        kept_len -= culled;
        keep[first] = true;
        keep[last] = true;
    }
    keep.iter().enumerate().filter_map(|(i, &k)| k.then_some(i)).collect()
}

/// The points of `points` kept at `tolerance` when the line is first thinned by distance (no two
/// consecutive points closer than `tolerance`), then simplified: for a reader's dense lines (a
/// GPS track of a million points), where thinning first makes the simplification cheap. Not the
/// same points as [`kept_indices`] alone, so not used for the atlas's own borders.
// `first` holds indices of `points`, and RDP's indices are of `coarse`, as long as `first`.
#[allow(clippy::indexing_slicing)]
pub fn thinned_then_simplified(points: &[[f64; 2]], tolerance: f64) -> Vec<usize> {
    if tolerance <= 0.0 || points.len() < 3 {
        return (0..points.len()).collect();
    }
    let first: Vec<usize> = thinned(points, tolerance);
    let coarse: Vec<[f64; 2]> = first.iter().map(|&i| points[i]).collect();
    kept_indices(&coarse, tolerance, 2).into_iter().map(|i| first[i]).collect()
}

/// The points at least `tolerance` from the last point kept, and the last point: linear time.
fn thinned(points: &[[f64; 2]], tolerance: f64) -> Vec<usize> {
    let mut out = Vec::new();
    let mut last: Option<[f64; 2]> = None;
    for (i, p) in points.iter().enumerate() {
        if last.is_none_or(|q| (p[0] - q[0]).hypot(p[1] - q[1]) >= tolerance) || i + 1 == points.len() {
            out.push(i);
            last = Some(*p);
        }
    }
    out
}

/// The squared distance from `p` to the segment from `a` to `b` (to `a` if they are one point).
fn distance2_to_segment(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let length2 = dx * dx + dy * dy;
    let t = if length2 == 0.0 { 0.0 } else { (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2).clamp(0.0, 1.0) };
    let (ex, ey) = (p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
    ex * ex + ey * ey
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::kept_indices;

    #[test]
    fn the_same_points_as_geo_on_ordinary_lines() {
        use geo::SimplifyIdx as _;
        let wave: Vec<[f64; 2]> = (0..2_000).map(|i| [f64::from(i) * 0.01, (f64::from(i) * 0.05).sin()]).collect();
        let line: geo::LineString = wave.iter().map(|p| (p[0], p[1])).collect();
        for tolerance in [0.001, 0.01, 0.1, 0.5] {
            assert_eq!(kept_indices(&wave, tolerance, 2), line.simplify_idx(tolerance), "at {tolerance}");
        }
        let mut ring: Vec<[f64; 2]> = (0..200)
            .map(|i| {
                let a = std::f64::consts::TAU * f64::from(i) / 200.0;
                [a.cos() * (1.0 + 0.1 * (a * 7.0).sin()), a.sin()]
            })
            .collect();
        ring.push(ring[0]);
        let polygon = geo::Polygon::new(ring.iter().map(|p| (p[0], p[1])).collect(), vec![]);
        for tolerance in [0.01, 0.1, 5.0] {
            let ours: Vec<[f64; 2]> = kept_indices(&ring, tolerance, 4).into_iter().map(|i| ring[i]).collect();
            let geos: Vec<[f64; 2]> =
                geo::Simplify::simplify(&polygon, tolerance).exterior().coords().map(|c| [c.x, c.y]).collect();
            assert_eq!(ours, geos, "at {tolerance}");
        }
    }

    #[test]
    fn a_million_point_spiral_is_simplified_without_overflow_in_bounded_time() {
        // Each point a little farther out: the farthest point from the chord is always the last
        // but one, so RDP would split off one point at a time.
        let spiral: Vec<[f64; 2]> = (0..1_000_000)
            .map(|i| {
                let t = f64::from(i) * 0.001;
                [t * t.cos(), t * t.sin()]
            })
            .collect();
        let started = std::time::Instant::now();
        let kept = kept_indices(&spiral, 0.5, 2);
        assert!(kept.len() > 10 && kept.len() < spiral.len(), "{}", kept.len());
        assert_eq!(kept.first(), Some(&0));
        assert_eq!(kept.last(), Some(&(spiral.len() - 1)));
        assert!(started.elapsed().as_secs() < 60, "took {:?}", started.elapsed());
    }
}
