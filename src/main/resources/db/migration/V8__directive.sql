-- Directives and resolutions, the committee's implementation plan (content items, indicators, tasks), each
-- grassroots organisation's plan, periodic reports up the chain with their dated steps, reviews (sơ kết, tổng kết,
-- yearly) with their outline, organisations' review reports, the drafted review report kept in versions, and the
-- review conference. Nothing is deleted: rows are closed with a date and a reason.

-- A directive, resolution or other source document as the committee records it. The document register may link
-- it later through document_id; until then the symbol, title and date are recorded here.
CREATE TABLE directive (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_id      bigint  NOT NULL REFERENCES organization (id),
  kind          text    NOT NULL CHECK (kind IN ('DIRECTIVE', 'RESOLUTION', 'CONCLUSION', 'PLAN', 'OTHER')),
  symbol        text    NOT NULL,
  title         text    NOT NULL,
  issuer        text    NOT NULL,
  issued_on     date    NOT NULL,
  document_id   bigint,
  summary       text,
  created_by    text    NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  closed_on     date,
  closed_reason text,
  version       integer NOT NULL DEFAULT 0
);
CREATE INDEX directive_owner_idx ON directive (owner_id);

-- The committee's implementation plan (KH): period covered, reporting frequency.
CREATE TABLE implementation_plan (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  directive_id  bigint  NOT NULL REFERENCES directive (id),
  owner_id      bigint  NOT NULL REFERENCES organization (id),
  symbol        text    NOT NULL,
  title         text    NOT NULL,
  issued_on     date    NOT NULL,
  starts_on     date    NOT NULL,
  ends_on       date    NOT NULL,
  frequency     text    NOT NULL CHECK (frequency IN ('QUARTERLY', 'SIX_MONTHLY', 'YEARLY')),
  purpose       text,
  created_by    text    NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  closed_on     date,
  closed_reason text,
  version       integer NOT NULL DEFAULT 0,
  CHECK (ends_on >= starts_on)
);
CREATE INDEX implementation_plan_directive_idx ON implementation_plan (directive_id);

-- A content item of the plan, with the board or committee member responsible (free text until the committee
-- module publishes assignments) and an optional weight for the roll-up.
CREATE TABLE plan_item (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id     bigint  NOT NULL REFERENCES implementation_plan (id),
  position    integer NOT NULL,
  title       text    NOT NULL,
  responsible text,
  deadline    date,
  weight      numeric(9, 3) CHECK (weight IS NULL OR weight > 0),
  closed_on   date,
  UNIQUE (plan_id, position)
);

-- An indicator of a content item with its target: NUMBER (summed over the periods), PERCENT (latest value),
-- YES_NO (latest value, 1 = yes).
CREATE TABLE plan_indicator (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  item_id   bigint  NOT NULL REFERENCES plan_item (id),
  position  integer NOT NULL,
  name      text    NOT NULL,
  kind      text    NOT NULL CHECK (kind IN ('NUMBER', 'PERCENT', 'YES_NO')),
  target    numeric(14, 3) NOT NULL CHECK (target >= 0),
  unit      text,
  weight    numeric(9, 3) CHECK (weight IS NULL OR weight > 0),
  closed_on date,
  UNIQUE (item_id, position)
);

-- A grassroots organisation's own plan for the committee's plan, or its adoption of the committee's plan as is.
CREATE TABLE organization_plan (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id         bigint  NOT NULL REFERENCES implementation_plan (id),
  organization_id bigint  NOT NULL REFERENCES organization (id),
  adopted         boolean NOT NULL,
  symbol          text,
  issued_on       date    NOT NULL,
  note            text,
  created_by      text    NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, organization_id)
);

-- A task under a content item: the committee's own (organization_id NULL) or a grassroots organisation's.
CREATE TABLE plan_task (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  item_id         bigint  NOT NULL REFERENCES plan_item (id),
  organization_id bigint REFERENCES organization (id),
  title           text    NOT NULL,
  responsible     text,
  deadline        date,
  weight          numeric(9, 3) CHECK (weight IS NULL OR weight > 0),
  progress        integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  progress_on     date,
  done_on         date,
  created_by      text    NOT NULL,
  closed_on       date,
  closed_reason   text,
  version         integer NOT NULL DEFAULT 0
);
CREATE INDEX plan_task_item_idx ON plan_task (item_id, organization_id);

-- A periodic report (BC) of one organisation for one period of a plan. due_on is computed from the rule book when
-- the report is opened. Steps are recorded in report_step.
CREATE TABLE progress_report (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id            bigint  NOT NULL REFERENCES implementation_plan (id),
  organization_id    bigint  NOT NULL REFERENCES organization (id),
  period_start       date    NOT NULL,
  period_end         date    NOT NULL,
  due_on             date    NOT NULL,
  status             text    NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED')),
  first_submitted_on date,
  submitted_on       date,
  decided_on         date,
  decided_by         text,
  return_comment     text,
  created_by         text    NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  version            integer NOT NULL DEFAULT 0,
  UNIQUE (plan_id, organization_id, period_start)
);
CREATE INDEX progress_report_plan_idx ON progress_report (plan_id, period_start);

CREATE TABLE progress_report_value (
  report_id    bigint NOT NULL REFERENCES progress_report (id),
  indicator_id bigint NOT NULL REFERENCES plan_indicator (id),
  value        numeric(14, 3) NOT NULL,
  PRIMARY KEY (report_id, indicator_id)
);

CREATE TABLE progress_report_text (
  report_id bigint NOT NULL REFERENCES progress_report (id),
  item_id   bigint NOT NULL REFERENCES plan_item (id),
  text      text   NOT NULL,
  PRIMARY KEY (report_id, item_id)
);

-- A review (sơ kết, tổng kết, yearly or other periodic report) opened by a committee, with the deadline of the
-- organisations' reports and the header data of the drafted report.
CREATE TABLE review (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_id        bigint  NOT NULL REFERENCES organization (id),
  directive_id    bigint REFERENCES directive (id),
  kind            text    NOT NULL CHECK (kind IN ('INTERIM', 'FINAL', 'YEARLY', 'OTHER')),
  title           text    NOT NULL,
  period_from     date    NOT NULL,
  period_to       date    NOT NULL,
  opened_on       date    NOT NULL,
  due_on          date    NOT NULL,
  status          text    NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
  superior        text,
  issuer          text    NOT NULL,
  symbol          text,
  place           text,
  report_date     date,
  authority       text    NOT NULL DEFAULT 'T/M BAN THƯỜNG VỤ',
  signer_title    text    NOT NULL DEFAULT 'BÍ THƯ',
  signer          text,
  recipients      text,
  created_by      text    NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  closed_on       date,
  version         integer NOT NULL DEFAULT 0,
  CHECK (period_to >= period_from)
);
CREATE INDEX review_owner_idx ON review (owner_id);

-- The outline (đề cương): sections in order; removing a section closes it.
CREATE TABLE review_section (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  review_id bigint  NOT NULL REFERENCES review (id),
  position  integer NOT NULL,
  code      text    NOT NULL,
  title     text    NOT NULL,
  guidance  text,
  closed_on date
);
CREATE INDEX review_section_review_idx ON review_section (review_id, position);

-- An organisation's review report in the outline.
CREATE TABLE review_submission (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  review_id          bigint  NOT NULL REFERENCES review (id),
  organization_id    bigint  NOT NULL REFERENCES organization (id),
  status             text    NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED')),
  first_submitted_on date,
  submitted_on       date,
  decided_on         date,
  decided_by         text,
  return_comment     text,
  created_by         text    NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  version            integer NOT NULL DEFAULT 0,
  UNIQUE (review_id, organization_id)
);

CREATE TABLE review_submission_text (
  submission_id bigint NOT NULL REFERENCES review_submission (id),
  section_id    bigint NOT NULL REFERENCES review_section (id),
  text          text   NOT NULL,
  PRIMARY KEY (submission_id, section_id)
);

CREATE TABLE review_submission_value (
  submission_id bigint NOT NULL REFERENCES review_submission (id),
  indicator_id  bigint NOT NULL REFERENCES plan_indicator (id),
  value         numeric(14, 3) NOT NULL,
  PRIMARY KEY (submission_id, indicator_id)
);

-- Every step of a periodic report or a review report: who moved it from which state to which, on what date.
CREATE TABLE report_step (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  report_kind text   NOT NULL CHECK (report_kind IN ('PROGRESS', 'REVIEW')),
  report_id   bigint NOT NULL,
  from_status text,
  to_status   text   NOT NULL,
  on_date     date   NOT NULL,
  actor       text   NOT NULL,
  comment     text,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_step_report_idx ON report_step (report_kind, report_id, id);

-- The drafted review report, per section, in versions: an edit adds a row, never overwrites one.
CREATE TABLE review_draft_version (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  review_id  bigint  NOT NULL REFERENCES review (id),
  section_id bigint  NOT NULL REFERENCES review_section (id),
  number     integer NOT NULL,
  text       text    NOT NULL,
  created_by text    NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (section_id, number)
);

-- The review conference and the notice (TB) of the leader's conclusions.
CREATE TABLE review_conference (
  review_id     bigint PRIMARY KEY REFERENCES review (id),
  held_on       date   NOT NULL,
  place         text,
  chair         text,
  agenda        text,
  conclusions   text,
  notice_symbol text,
  notice_date   date,
  concluded_by  text,
  version       integer NOT NULL DEFAULT 0
);

CREATE TABLE conference_delegate (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  review_id         bigint  NOT NULL REFERENCES review (id),
  full_name         text    NOT NULL,
  position_title    text,
  organization_name text,
  guest             boolean NOT NULL DEFAULT false,
  attended          boolean NOT NULL DEFAULT false
);

CREATE TABLE conference_speech (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  review_id bigint  NOT NULL REFERENCES review (id),
  position  integer NOT NULL,
  speaker   text    NOT NULL,
  role      text,
  summary   text    NOT NULL
);

CREATE TABLE commendation (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  review_id         bigint NOT NULL REFERENCES review (id),
  kind              text   NOT NULL CHECK (kind IN ('COLLECTIVE', 'INDIVIDUAL')),
  name              text   NOT NULL,
  organization_name text,
  form              text   NOT NULL,
  reason            text
);

INSERT INTO rule (rule_key, value, value_type, valid_from, valid_to, source_document, confidence, note) VALUES
('directive.report.due-working-days', '5', 'INTEGER', '1930-01-01', NULL,
 'Thực tiễn kế hoạch thực hiện chỉ thị, nghị quyết của cấp uỷ (hạn gửi báo cáo định kỳ); cần xác nhận với Văn phòng Đảng uỷ', 'M',
 'Báo cáo định kỳ (quý, 6 tháng, năm) gửi cấp uỷ cấp trên chậm nhất N ngày làm việc sau ngày cuối kỳ báo cáo.'),
('directive.report.remind-working-days', '5', 'INTEGER', '1930-01-01', NULL,
 'Cấu hình của hệ thống (nhắc việc)', 'M',
 'Nhắc báo cáo sắp đến hạn khi còn không quá N ngày làm việc.'),
('directive.review.due-working-days', '10', 'INTEGER', '1930-01-01', NULL,
 'Thực tiễn hướng dẫn sơ kết, tổng kết (hạn gửi báo cáo của tổ chức cơ sở đảng); cần xác nhận với Văn phòng Đảng uỷ', 'M',
 'Khi hướng dẫn không ghi hạn, báo cáo sơ kết/tổng kết của tổ chức cơ sở đảng gửi chậm nhất N ngày làm việc sau ngày cuối kỳ sơ kết, tổng kết.');
