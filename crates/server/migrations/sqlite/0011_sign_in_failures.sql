-- Sign-in failures are rows, not a node's memory (#18): every node behind a load balancer counts
-- the same failures, and a restart forgets none. Housekeeping drops those older than the window.
CREATE TABLE sign_in_failures (
    key TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX sign_in_failures_by_key ON sign_in_failures(key, at);
CREATE INDEX sign_in_failures_by_time ON sign_in_failures(at);
