-- Agreement texts are written at start from partner_domain::agreements (INSERT OR IGNORE,
-- then the latest version of each kind is marked current); nothing to create here beyond
-- the lookup the current text needs.
CREATE INDEX agreements_current ON agreements(kind, lang, current);
