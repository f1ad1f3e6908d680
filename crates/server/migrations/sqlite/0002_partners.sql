-- Partner enrollment, the contact's email verification, the agreement texts and their
-- acceptances, the email outbox, and the accent-free search and sort columns of users.
ALTER TABLE users ADD COLUMN search TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN sort_name TEXT NOT NULL DEFAULT '';
CREATE INDEX users_tenant_sort ON users(tenant_id, sort_name);

CREATE TABLE partners (
    id                      TEXT PRIMARY KEY,
    tenant_id               TEXT NOT NULL UNIQUE REFERENCES tenants(id) ON DELETE CASCADE,
    mpn_id                  TEXT NOT NULL UNIQUE,
    legal_profile           TEXT NOT NULL,  -- JSON, partner_domain::LegalProfile
    primary_contact         TEXT NOT NULL,  -- JSON, partner_domain::PrimaryContact
    status                  TEXT NOT NULL,  -- partner_domain::VerificationStatus
    email_step_at           TEXT NOT NULL,
    business_step_at        TEXT,
    contact_verified_at     TEXT,
    vetting_due_at          TEXT,
    last_verification_email TEXT,
    created_at              TEXT NOT NULL
);

CREATE TABLE verification_tokens (
    token_hash TEXT PRIMARY KEY,
    partner_id TEXT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    email      TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at    TEXT
);

CREATE TABLE outbox (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    to_addr  TEXT NOT NULL,
    subject  TEXT NOT NULL,
    body     TEXT NOT NULL,
    link     TEXT,
    sent_at  TEXT NOT NULL
);

CREATE TABLE agreements (
    kind     TEXT NOT NULL,
    version  TEXT NOT NULL,
    lang     TEXT NOT NULL,
    title    TEXT NOT NULL,
    body     TEXT NOT NULL,
    current  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, version, lang)
);

CREATE TABLE agreement_acceptances (
    id           TEXT PRIMARY KEY,
    partner_id   TEXT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    version      TEXT NOT NULL,
    lang         TEXT NOT NULL,
    title        TEXT NOT NULL,
    accepted_at  TEXT NOT NULL,
    signer_name  TEXT NOT NULL,
    signer_email TEXT NOT NULL,
    UNIQUE (partner_id, kind, version)
);
