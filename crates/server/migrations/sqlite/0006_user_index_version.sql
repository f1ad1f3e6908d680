-- Each node keeps its work accounts' user lists in memory for search (partner-server's
-- `user_index.rs`). This counter moves in the transaction of every change to a work account's
-- users, their names or their roles, so that a node knows when its copy is stale: any node may
-- serve any request.
ALTER TABLE tenants ADD COLUMN users_version INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER users_version_on_insert AFTER INSERT ON users BEGIN
    UPDATE tenants SET users_version = users_version + 1 WHERE id = NEW.tenant_id;
END;

CREATE TRIGGER users_version_on_update AFTER UPDATE OF first_name, last_name, email, tenant_id ON users BEGIN
    UPDATE tenants SET users_version = users_version + 1 WHERE id IN (OLD.tenant_id, NEW.tenant_id);
END;

CREATE TRIGGER users_version_on_delete AFTER DELETE ON users BEGIN
    UPDATE tenants SET users_version = users_version + 1 WHERE id = OLD.tenant_id;
END;

CREATE TRIGGER users_version_on_role_insert AFTER INSERT ON user_roles BEGIN
    UPDATE tenants SET users_version = users_version + 1
    WHERE id = (SELECT tenant_id FROM users WHERE id = NEW.user_id);
END;

CREATE TRIGGER users_version_on_role_delete AFTER DELETE ON user_roles BEGIN
    UPDATE tenants SET users_version = users_version + 1
    WHERE id = (SELECT tenant_id FROM users WHERE id = OLD.user_id);
END;
