//! Time as the API writes it: RFC 3339 UTC with whole seconds (`2026-11-30T09:00:00Z`), so that
//! stamps sort as strings in the same order as the times. Stores give the time as Unix seconds
//! (`Store::now`); this module turns it into stamps and back, with no clock of its own.

const DAY_S: i64 = 86_400;

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01 (`civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// `1_764_493_200` → `2025-11-30T09:00:00Z`.
pub fn stamp(unix_s: i64) -> String {
    let (year, month, day) = civil_from_days(unix_s.div_euclid(DAY_S));
    let secs = unix_s.rem_euclid(DAY_S);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

/// The Unix seconds of a stamp written by `stamp`; `None` for anything else.
pub fn parse_stamp(value: &str) -> Option<i64> {
    let b = value.as_bytes();
    let well_formed = b.len() == 20
        && [4, 7].iter().all(|&i| b[i] == b'-')
        && b[10] == b'T'
        && [13, 16].iter().all(|&i| b[i] == b':')
        && b[19] == b'Z';
    if !well_formed {
        return None;
    }
    let number = |range: std::ops::Range<usize>| value.get(range)?.parse::<i64>().ok();
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    let valid = (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && hour < 24
        && minute < 60
        && second < 60;
    valid.then(|| days_from_civil(year, month, day) * DAY_S + hour * 3600 + minute * 60 + second)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_instants() {
        assert_eq!(stamp(0), "1970-01-01T00:00:00Z");
        assert_eq!(stamp(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(stamp(1_764_493_200), "2025-11-30T09:00:00Z");
        assert_eq!(stamp(4_102_444_799), "2099-12-31T23:59:59Z");
        assert_eq!(parse_stamp("2026-11-30T09:00:00Z"), Some(1_796_029_200));
    }

    #[test]
    fn stamps_round_trip_and_sort_like_times() {
        let mut previous = String::new();
        for t in (0..4_102_444_800_i64).step_by(9_876_543) {
            let s = stamp(t);
            assert_eq!(parse_stamp(&s), Some(t), "{s}");
            assert!(s > previous, "{s} after {previous}");
            previous = s;
        }
    }

    #[test]
    fn anything_else_is_not_a_stamp() {
        for bad in [
            "",
            "2026-11-30",
            "2026-11-30T09:00:00",
            "2026-13-01T00:00:00Z",
            "2026-11-30 09:00:00Z",
        ] {
            assert_eq!(parse_stamp(bad), None, "{bad}");
        }
    }
}
