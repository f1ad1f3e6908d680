//! The rows of `data/regions.tsv` (country, code, English name, French name), read by build.rs
//! for the codes and by the SPA for the names.

/// Each data row's four fields; comments, blank lines and malformed rows are skipped (build.rs
/// refuses a malformed row, so the shipped file has none).
pub fn rows(tsv: &str) -> impl Iterator<Item = [&str; 4]> {
    tsv.lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let row = [
                fields.next()?,
                fields.next()?,
                fields.next()?,
                fields.next()?,
            ];
            fields.next().is_none().then_some(row)
        })
}
