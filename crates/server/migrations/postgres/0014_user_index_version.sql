-- Each node keeps its work accounts' user lists in memory for search, as on SQLite (partner-server's
-- `user_index.rs`, SQLite's migration 0006): this version moves in the transaction of every change
-- to a work account's users, their names, invitation or roles, so that a node knows when its copy
-- is stale. The triggers are SQLite's five, by name, with two differences:
-- - the version becomes the writing transaction's id, set once per transaction: a transaction
--   that updates one row thousands of times (an import, a seed) makes PostgreSQL walk a longer
--   chain of that row's versions at each update. The writers of one work account take its lock
--   in turn (`db::write`), so its ids grow with each commit, as SQLite's counter does;
-- - they run per statement, and a statement trigger that reads its rows cannot name columns: the
--   update trigger compares the listed columns itself.
ALTER TABLE tenants ADD COLUMN users_version BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION users_version_on_users() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE tenants SET users_version = txid_current()
        WHERE users_version <> txid_current() AND id IN (SELECT tenant_id FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE tenants SET users_version = txid_current()
        WHERE users_version <> txid_current() AND id IN (SELECT tenant_id FROM old_rows);
    ELSE
        UPDATE tenants SET users_version = txid_current()
        WHERE users_version <> txid_current() AND id IN (
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
        UPDATE tenants SET users_version = txid_current()
        WHERE users_version <> txid_current() AND id IN (SELECT u.tenant_id FROM new_rows r JOIN users u ON u.id = r.user_id);
    ELSE
        UPDATE tenants SET users_version = txid_current()
        WHERE users_version <> txid_current() AND id IN (SELECT u.tenant_id FROM old_rows r JOIN users u ON u.id = r.user_id);
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
