-- Practical hours, competence validations (signed), their evidence and company validation links (SQLite).
-- Shipped migrations are never edited.

-- Hours a tutor logs for an apprentice's path stage (workshop, internship), in whole minutes.
CREATE TABLE practical_hours (
  id TEXT PRIMARY KEY,
  apprentice_id TEXT NOT NULL REFERENCES apprentices (id),
  path_id TEXT NOT NULL,
  stage INTEGER NOT NULL,
  day TEXT NOT NULL,
  minutes INTEGER NOT NULL,
  kind TEXT NOT NULL,
  note TEXT,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX practical_hours_apprentice ON practical_hours (apprentice_id, path_id);

-- Evidence photos, in the database so that backups include them; addressed by their SHA-256.
CREATE TABLE evidence (
  sha256 TEXT PRIMARY KEY,
  content_type TEXT NOT NULL,
  length INTEGER NOT NULL,
  content BLOB NOT NULL,
  created_at TEXT NOT NULL
);

-- Single-use links a centre tutor gives a company tutor (who has no account). Only the token's hash is kept.
CREATE TABLE validation_links (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  centre_id TEXT NOT NULL REFERENCES centres (id),
  apprentice_id TEXT NOT NULL REFERENCES apprentices (id),
  company TEXT NOT NULL,
  skills TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  revoked_at TEXT
);
CREATE INDEX validation_links_apprentice ON validation_links (apprentice_id);

-- One validated skill: `record` is the canonical JSON the centre's Ed25519 key signed.
-- Voiding keeps the row (history): voided_at, voided_by, void_reason.
CREATE TABLE validations (
  id TEXT PRIMARY KEY,
  centre_id TEXT NOT NULL REFERENCES centres (id),
  apprentice_id TEXT NOT NULL REFERENCES apprentices (id),
  skill_id TEXT NOT NULL,
  level INTEGER NOT NULL,
  day TEXT NOT NULL,
  validator_kind TEXT NOT NULL,
  tutor_id TEXT,
  link_id TEXT REFERENCES validation_links (id),
  evidence_sha256 TEXT REFERENCES evidence (sha256),
  recorded_at TEXT NOT NULL,
  record TEXT NOT NULL,
  signature TEXT NOT NULL,
  public_key TEXT NOT NULL,
  voided_at TEXT,
  voided_by TEXT,
  void_reason TEXT
);
CREATE INDEX validations_apprentice ON validations (apprentice_id, recorded_at);
