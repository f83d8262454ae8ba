-- Background jobs and scheduled work across nodes (docs/operations.md, "Faults").
-- A running job holds the advisory lock (7301, id) for its whole run; a RUNNING job whose lock nobody holds was
-- interrupted and is marked FAILED by the sweeper. Scheduled work records each (task, slot) it ran, once across
-- every node of one database.
CREATE TABLE scheduled_run (
  task    text        NOT NULL,
  slot    timestamptz NOT NULL,
  node    text        NOT NULL,
  ran_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (task, slot)
);

CREATE INDEX background_job_running ON background_job (started_at) WHERE status = 'RUNNING';
