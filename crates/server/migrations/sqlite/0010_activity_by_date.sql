-- The activity log filtered by dates: SQLite reads one day of a work account's records from
-- this index and sorts them, instead of walking the newest records until the range starts
-- (150 ms at 100,000 records for a day 45 days back; `cargo xtask bench activity`).
CREATE INDEX activity_tenant_at ON activity(tenant_id, at);
