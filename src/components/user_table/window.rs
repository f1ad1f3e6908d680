//! Which rows of a long list to render: those in view and a few around them, from the scroll
//! position alone (rows have a fixed height, so nothing is measured).

use std::ops::Range;

/// Pixels; `.user-table tbody tr` has this height, so row positions are known without measuring.
pub const ROW_HEIGHT: f64 = 44.0;
/// Rows rendered above and below the visible ones, so that scrolling never shows a gap.
pub const OVERSCAN: usize = 8;

/// The rows to render of `count`, scrolled `scroll_top` pixels down, seen through `viewport`
/// pixels.
pub fn visible_rows(scroll_top: f64, viewport: f64, count: usize) -> Range<usize> {
    let first = ((scroll_top.max(0.0) / ROW_HEIGHT) as usize).saturating_sub(OVERSCAN);
    let visible = (viewport.max(0.0) / ROW_HEIGHT).ceil() as usize + 2 * OVERSCAN;
    first.min(count)..(first + visible).min(count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn at_the_top_the_rows_in_view_and_those_below() {
        // 600 px show 13.6 rows: 14, and 16 more for scrolling.
        assert_eq!(visible_rows(0.0, 600.0, 10_000), 0..30);
    }

    #[test]
    fn scrolled_down_a_few_rows_above_are_kept() {
        let rows = visible_rows(44.0 * 5_000.0, 600.0, 10_000);
        assert_eq!(rows, 4_992..5_022);
    }

    #[test]
    fn never_past_the_end_of_a_short_or_empty_list() {
        assert_eq!(visible_rows(0.0, 600.0, 3), 0..3);
        assert_eq!(visible_rows(0.0, 600.0, 0), 0..0);
        // A scroll position left from a longer list (the list just got shorter).
        assert_eq!(visible_rows(44.0 * 9_000.0, 600.0, 100), 100..100);
    }

    #[test]
    fn odd_measurements_give_an_empty_or_small_window() {
        assert_eq!(visible_rows(-20.0, 0.0, 100), 0..16);
        assert_eq!(visible_rows(f64::NAN, f64::NAN, 100), 0..16);
    }
}
