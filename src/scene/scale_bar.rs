//! The scale bar's length: one rule for the window and every export, so a picture's bar reads
//! like the screen's.

/// The round lengths a scale bar may show, in km.
const ROUND_KM: [f32; 12] = [0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 500.0, 1000.0];

/// The longest round length in km that fits in about `target` points at `per_km` points per km.
pub fn scale_bar_km(per_km: f32, target: f32) -> f32 {
    let want = target / per_km.max(1e-6);
    ROUND_KM.into_iter().rfind(|k| *k <= want).unwrap_or(ROUND_KM[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_is_a_round_length_that_fits() {
        assert_eq!(scale_bar_km(2.0, 140.0), 50.0, "70 km fit: 50");
        assert_eq!(scale_bar_km(14.0, 140.0), 10.0);
        assert_eq!(scale_bar_km(1000.0, 140.0), 0.5, "zoomed far in: the shortest");
        assert_eq!(scale_bar_km(0.001, 140.0), 1000.0, "zoomed far out: the longest");
    }
}
