-- Invitations (#17): a new user chooses a password from an emailed single-use link. `invited_at`
-- says when the latest one was sent, until the user chooses a password; the user list shows it,
-- so it moves the list's version like a name does.
ALTER TABLE users ADD COLUMN invited_at TEXT;

DROP TRIGGER users_version_on_update;
CREATE TRIGGER users_version_on_update
AFTER UPDATE OF first_name, last_name, email, tenant_id, invited_at ON users BEGIN
    UPDATE tenants SET users_version = users_version + 1 WHERE id IN (OLD.tenant_id, NEW.tenant_id);
END;

CREATE TABLE invitations (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at TEXT NOT NULL,
    used_at TEXT
);
CREATE INDEX invitations_by_user ON invitations(user_id);
CREATE INDEX invitations_by_expiry ON invitations(expires_at);
