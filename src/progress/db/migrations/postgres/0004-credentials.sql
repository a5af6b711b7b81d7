-- Open Badges 3.0 credentials issued to apprentices (ADR 0014). The signed JSON is kept as issued,
-- byte for byte; revoking marks the row, never deletes it (the verification page shows the status).
CREATE TABLE credentials (
  id TEXT PRIMARY KEY,
  apprentice_id TEXT NOT NULL REFERENCES apprentices (id),
  centre_id TEXT NOT NULL REFERENCES centres (id),
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  level INTEGER,
  name TEXT NOT NULL,
  body TEXT NOT NULL,
  issued_by TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  revoked_at TEXT,
  revoked_reason TEXT
);
CREATE INDEX credentials_apprentice ON credentials (apprentice_id);
-- One live credential per apprentice and achievement: issuing again returns the existing one.
CREATE UNIQUE INDEX credentials_live ON credentials (apprentice_id, kind, subject, COALESCE(level, 0)) WHERE revoked_at IS NULL;
