-- The review report (báo cáo sơ kết, tổng kết) drafted in the background (docs/directive.md, "Drafting the report as a
-- job"; docs/operations.md, "Fault checks"). A run names its review from the start; its progress lives in
-- background_job. The finished DOCX is written in ONE transaction together with the job's DONE status, so a drafting
-- killed half-way leaves no file. Nothing is deleted: a newer drafting supersedes the older file, which stays.
CREATE TABLE review_report_run (
  job_id    bigint PRIMARY KEY REFERENCES background_job (id),
  review_id bigint NOT NULL REFERENCES review (id)
);
CREATE INDEX review_report_run_review_idx ON review_report_run (review_id, job_id);

CREATE TABLE review_report_file (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  job_id      bigint NOT NULL UNIQUE REFERENCES review_report_run (job_id),
  review_id   bigint NOT NULL REFERENCES review (id),
  file_name   text   NOT NULL,
  size_bytes  bigint NOT NULL CHECK (size_bytes > 0),
  sha256      text   NOT NULL,
  content     bytea  NOT NULL,
  drafted_by  text   NOT NULL,
  drafted_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX review_report_file_review_idx ON review_report_file (review_id, id);
