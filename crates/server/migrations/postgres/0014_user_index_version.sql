-- Each node keeps its work accounts' user lists in memory for search, as on SQLite (partner-server's
-- `user_index.rs`, SQLite's migration 0006): this counter moves in the transaction of every change
-- to a work account's users, their names, invitation or roles, so that a node knows when its copy
-- is stale. The triggers are SQLite's five, by name, but per statement: a bulk load of 100,000
-- users moves the counter once, not 100,000 times. A statement trigger that reads its rows cannot
-- name columns, so the update trigger compares the listed columns itself.
ALTER TABLE tenants ADD COLUMN users_version BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION users_version_on_users() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE tenants SET users_version = users_version + 1
        WHERE id IN (SELECT tenant_id FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE tenants SET users_version = users_version + 1
        WHERE id IN (SELECT tenant_id FROM old_rows);
    ELSE
        UPDATE tenants SET users_version = users_version + 1
        WHERE id IN (
            SELECT unnest(ARRAY[o.tenant_id, n.tenant_id])
            FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE (o.first_name, o.last_name, o.email, o.tenant_id, o.invited_at)
                IS DISTINCT FROM (n.first_name, n.last_name, n.email, n.tenant_id, n.invited_at)
        );
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION users_version_on_roles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE tenants SET users_version = users_version + 1
        WHERE id IN (SELECT u.tenant_id FROM new_rows r JOIN users u ON u.id = r.user_id);
    ELSE
        UPDATE tenants SET users_version = users_version + 1
        WHERE id IN (SELECT u.tenant_id FROM old_rows r JOIN users u ON u.id = r.user_id);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER users_version_on_insert AFTER INSERT ON users
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION users_version_on_users();
CREATE TRIGGER users_version_on_update AFTER UPDATE ON users
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION users_version_on_users();
CREATE TRIGGER users_version_on_delete AFTER DELETE ON users
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION users_version_on_users();
CREATE TRIGGER users_version_on_role_insert AFTER INSERT ON user_roles
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION users_version_on_roles();
CREATE TRIGGER users_version_on_role_delete AFTER DELETE ON user_roles
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION users_version_on_roles();
