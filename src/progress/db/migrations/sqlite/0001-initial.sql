-- Relais progress service, first schema (SQLite). Shipped migrations are never edited.
-- Times are ISO 8601 UTC strings with milliseconds (`2026-03-02T10:15:00.250Z`): they sort as text.

CREATE TABLE centres (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- Integration clients (HTTP Basic). No centre: an administrator's key, reads and writes everything.
CREATE TABLE clients (
  key TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  centre_id TEXT REFERENCES centres (id),
  secret_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);

CREATE TABLE tutors (
  id TEXT PRIMARY KEY,
  centre_id TEXT NOT NULL REFERENCES centres (id),
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  disabled_at TEXT
);

CREATE TABLE tutor_sessions (
  token_hash TEXT PRIMARY KEY,
  tutor_id TEXT NOT NULL REFERENCES tutors (id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX tutor_sessions_tutor ON tutor_sessions (tutor_id);

CREATE TABLE cohorts (
  id TEXT PRIMARY KEY,
  centre_id TEXT NOT NULL REFERENCES centres (id),
  name TEXT NOT NULL,
  path_id TEXT,
  starts_on TEXT,
  ends_on TEXT,
  join_code TEXT NOT NULL UNIQUE,
  join_open INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE INDEX cohorts_centre ON cohorts (centre_id);

CREATE TABLE cohort_tutors (
  cohort_id TEXT NOT NULL REFERENCES cohorts (id),
  tutor_id TEXT NOT NULL REFERENCES tutors (id),
  PRIMARY KEY (cohort_id, tutor_id)
);
CREATE INDEX cohort_tutors_tutor ON cohort_tutors (tutor_id);

-- Pseudonymous: no email, no phone. `id` is the name of the apprentice's xAPI account.
CREATE TABLE apprentices (
  id TEXT PRIMARY KEY,
  centre_id TEXT NOT NULL REFERENCES centres (id),
  nickname TEXT,
  recovery_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
CREATE INDEX apprentices_centre ON apprentices (centre_id);

CREATE TABLE apprentice_tokens (
  token_hash TEXT PRIMARY KEY,
  apprentice_id TEXT NOT NULL REFERENCES apprentices (id),
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX apprentice_tokens_apprentice ON apprentice_tokens (apprentice_id);

CREATE TABLE enrolments (
  cohort_id TEXT NOT NULL REFERENCES cohorts (id),
  apprentice_id TEXT NOT NULL REFERENCES apprentices (id),
  joined_at TEXT NOT NULL,
  PRIMARY KEY (cohort_id, apprentice_id)
);
CREATE INDEX enrolments_apprentice ON enrolments (apprentice_id);

-- The events: every xAPI statement as stored (`body`, the exact JSON returned), in `seq` order
-- (= `stored` order). `apprentice_id`/`centre_id` say whose it is (isolation); `module_id` which
-- catalogue module it is about (derived progress).
CREATE TABLE statements (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  stored TEXT NOT NULL,
  timestamp_utc TEXT NOT NULL,
  verb_id TEXT NOT NULL,
  object_ref TEXT,
  is_voiding INTEGER NOT NULL,
  voided INTEGER NOT NULL DEFAULT 0,
  apprentice_id TEXT,
  centre_id TEXT,
  module_id TEXT,
  client_key TEXT,
  body TEXT NOT NULL
);
CREATE INDEX statements_object_ref ON statements (object_ref) WHERE object_ref IS NOT NULL;
CREATE INDEX statements_apprentice ON statements (apprentice_id, seq) WHERE apprentice_id IS NOT NULL;
CREATE INDEX statements_centre ON statements (centre_id, seq) WHERE centre_id IS NOT NULL;
CREATE INDEX statements_progress ON statements (apprentice_id, module_id) WHERE module_id IS NOT NULL;

-- Query index of the Statements resource: kind `a` agent, `c` activity, `v` verb, `r`
-- registration; related 0 for the plain filter, 1 when only `related_agents`/`related_activities`
-- match. A statement whose object is a StatementRef also carries its target's rows.
CREATE TABLE statement_index (
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  seq INTEGER NOT NULL,
  related INTEGER NOT NULL,
  PRIMARY KEY (kind, value, seq, related)
) WITHOUT ROWID;
CREATE INDEX statement_index_seq ON statement_index (seq);

CREATE TABLE attachments (
  sha2 TEXT PRIMARY KEY,
  content_type TEXT NOT NULL,
  length INTEGER NOT NULL,
  content BLOB NOT NULL,
  created_at TEXT NOT NULL
);

-- Derived from statements (rebuildable: `relais progress rebuild`): one row per apprentice × module.
CREATE TABLE progress (
  apprentice_id TEXT NOT NULL,
  module_id TEXT NOT NULL,
  status TEXT NOT NULL,
  first_at TEXT NOT NULL,
  last_at TEXT NOT NULL,
  completed_at TEXT,
  best_score REAL,
  last_score REAL,
  last_score_at TEXT,
  passed INTEGER,
  attempts INTEGER NOT NULL,
  statements INTEGER NOT NULL,
  PRIMARY KEY (apprentice_id, module_id)
);
