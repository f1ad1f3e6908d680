//! Which rows of a long list to render: those in view and a few around them, from the scroll
//! position alone (rows have a fixed height, so nothing is measured).

use std::ops::Range;

/// Pixels; `.user-table tbody tr` has this height, so row positions are known without measuring.
pub const ROW_HEIGHT: f64 = 44.0;
/// Rows rendered above and below the visible ones, so that scrolling never shows a gap.
pub const OVERSCAN: usize = 8;

/// The rows to render of `count`, scrolled `scroll_top` pixels down, seen through `viewport`
/// pixels: those in view, `OVERSCAN` below them, and as many of `OVERSCAN` above as there are
/// (at the top of the list there are none: every row rendered is one a keystroke rewrites).
pub fn visible_rows(scroll_top: f64, viewport: f64, count: usize) -> Range<usize> {
    let top = (scroll_top.max(0.0) / ROW_HEIGHT) as usize;
    let in_view = (viewport.max(0.0) / ROW_HEIGHT).ceil() as usize;
    let first = top.saturating_sub(OVERSCAN);
    first.min(count)..(top + in_view + OVERSCAN).min(count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn at_the_top_the_rows_in_view_and_those_below() {
        // 600 px show 13.6 rows: 14, and 8 more below for scrolling (none above the first).
        assert_eq!(visible_rows(0.0, 600.0, 10_000), 0..22);
        // Two rows down: those two above are kept, not eight.
        assert_eq!(visible_rows(88.0, 600.0, 10_000), 0..24);
    }

    #[test]
    fn scrolled_down_a_few_rows_above_are_kept() {
        let rows = visible_rows(44.0 * 5_000.0, 600.0, 10_000);
        assert_eq!(rows, 4_992..5_022);
        assert_eq!(rows.len(), OVERSCAN + 14 + OVERSCAN);
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
        assert_eq!(visible_rows(-20.0, 0.0, 100), 0..8);
        assert_eq!(visible_rows(f64::NAN, f64::NAN, 100), 0..8);
    }
}
