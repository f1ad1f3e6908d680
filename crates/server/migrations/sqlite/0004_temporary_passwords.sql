-- Until when a temporary password works (partner_domain::limits::TEMPORARY_PASSWORD_LIFETIME_S);
-- NULL for a password the user chose. `must_change_password` stays what `GET /api/session` says.
ALTER TABLE users ADD COLUMN temporary_until TEXT;
