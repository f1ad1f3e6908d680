-- Whose email each one is: `GET /api/dev/outbox` shows a signed-in caller their own work
-- account's only. Emails queued before this have none (shown to signed-out callers only).
ALTER TABLE outbox ADD COLUMN tenant_id TEXT;
CREATE INDEX outbox_tenant ON outbox(tenant_id);
