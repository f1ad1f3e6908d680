-- The activity log (docs/API.md, "Activity"), kept 90 days. Listed newest first per work
-- account, for one resource type or one user if asked: an index for each way.
-- AUTOINCREMENT: an id is never given twice, even after the newest records are purged, so that
-- a page's cursor (`before`) keeps its meaning.
CREATE TABLE activity (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id TEXT NOT NULL,
    at TEXT NOT NULL,
    actor_id TEXT,
    actor_name TEXT,
    actor_email TEXT,
    resource TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    detail TEXT,
    old_value TEXT,
    new_value TEXT,
    address TEXT
);
CREATE INDEX activity_tenant ON activity(tenant_id, id);
CREATE INDEX activity_tenant_resource ON activity(tenant_id, resource, id);
CREATE INDEX activity_tenant_actor ON activity(tenant_id, actor_id, id);
CREATE INDEX activity_at ON activity(at);
