-- Supporting documents sent for the business check (#17): at most five per partner, 5 MB each,
-- so their bytes sit beside their description; the list never reads them.
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    partner_id TEXT NOT NULL REFERENCES partners(id),
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    uploaded_by_id TEXT NOT NULL,
    uploaded_by_name TEXT NOT NULL,
    uploaded_by_email TEXT NOT NULL,
    uploaded_at TEXT NOT NULL,
    bytes BLOB NOT NULL
);
CREATE INDEX documents_by_partner ON documents(partner_id, uploaded_at);
