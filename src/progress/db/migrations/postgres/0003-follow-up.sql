-- Follow-up after placement (issue 7): an apprentice's exit from a cohort and the follow-ups
-- scheduled at 1, 3, 6 and 12 months after it. Depends on 0001 only. Dates are `YYYY-MM-DD`.

-- One exit per enrolment (cohort × apprentice); correcting it replaces the row.
CREATE TABLE exits (
  id TEXT PRIMARY KEY,
  cohort_id TEXT NOT NULL REFERENCES cohorts (id),
  apprentice_id TEXT NOT NULL REFERENCES apprentices (id),
  centre_id TEXT NOT NULL REFERENCES centres (id),
  left_on TEXT NOT NULL,
  outcome TEXT NOT NULL,
  contract TEXT,
  employer TEXT,
  note TEXT,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  UNIQUE (cohort_id, apprentice_id)
);
CREATE INDEX exits_centre ON exits (centre_id);

-- One row per scheduled milestone, written with the exit: the due list is then one indexed read.
CREATE TABLE follow_ups (
  exit_id TEXT NOT NULL REFERENCES exits (id),
  milestone INTEGER NOT NULL,
  due_on TEXT NOT NULL,
  done_on TEXT,
  status TEXT,
  contract TEXT,
  employer TEXT,
  note TEXT,
  recorded_by TEXT,
  recorded_at TEXT,
  PRIMARY KEY (exit_id, milestone)
);
CREATE INDEX follow_ups_pending ON follow_ups (due_on) WHERE done_on IS NULL;

-- The outcome report reads, per apprentice, the modules completed: a covering index spares a
-- table lookup per progress row (10,000 apprentices: bench:reports).
CREATE INDEX progress_completed ON progress (apprentice_id, module_id) WHERE status = 'completed';
