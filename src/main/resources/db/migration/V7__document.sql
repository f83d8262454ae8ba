-- Party documents: terms that number them, the register of documents received and issued, where each was sent and
-- who opened it, attachments, and the study sessions (học tập, quán triệt) held for a document.

-- The numbering periods of an issuer (HD 36 §1.3.1): a committee term (TERM) runs from the day after its congress
-- closes to the closing day of the next one; a congress (CONGRESS) numbers its own documents across all types.
-- Until the committee module owns terms, this minimal table holds them; a default open TERM is seeded per issuer.
CREATE TABLE document_term (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  issuer_org_id   bigint NOT NULL REFERENCES organization (id),
  kind            text   NOT NULL CHECK (kind IN ('TERM', 'CONGRESS')),
  start_date      date   NOT NULL,
  -- exclusive; NULL: open
  end_date        date,
  label           text   NOT NULL,
  created_by      text   NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date IS NULL OR end_date > start_date),
  EXCLUDE USING gist (issuer_org_id WITH =, kind WITH =, daterange(start_date, end_date) WITH &&)
);

-- The last number handed out per sequence: 'issue:<term>:<type code>' ('*' for a congress), or
-- 'arrival:<organisation>:<year>' for the incoming register. Incremented with INSERT ... ON CONFLICT DO UPDATE
-- ... RETURNING, which locks the row, so two concurrent callers never get the same number.
CREATE TABLE document_counter (
  counter_key text    PRIMARY KEY,
  last_number integer NOT NULL CHECK (last_number >= 0)
);

CREATE TABLE document (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  direction        text    NOT NULL CHECK (direction IN ('RECEIVED', 'ISSUED')),
  doc_type         text    NOT NULL CHECK (doc_type IN ('RESOLUTION', 'DIRECTIVE', 'CONCLUSION', 'DECISION',
                      'REGULATION', 'WORKING_RULES', 'GUIDANCE', 'PLAN', 'PROGRAMME', 'REPORT', 'NOTICE',
                      'SUBMISSION', 'SCHEME', 'MINUTES', 'LETTER', 'COPY', 'CIRCULAR')),
  number           integer NOT NULL CHECK (number > 0),
  type_code        text    NOT NULL,
  issuer_code      text    NOT NULL,
  -- printed number and symbol, e.g. 16-CT/TU; identity is (symbol, issued_on): several 12-HD/BTCTW exist
  symbol           text    NOT NULL,
  issued_on        date    NOT NULL,
  issuer_name      text    NOT NULL,
  -- set when the issuer is one of our organisations
  issuer_org_id    bigint  REFERENCES organization (id),
  superior_name    text,
  place            text,
  -- the organisation whose incoming register holds a received document
  receiver_org_id  bigint  REFERENCES organization (id),
  title            text    NOT NULL,
  summary          text,
  body             text,
  signer_authority text,
  signer_title     text,
  signer_name      text,
  secrecy          text    NOT NULL DEFAULT 'NONE' CHECK (secrecy IN ('NONE', 'MAT', 'TOI_MAT', 'TUYET_MAT')),
  status           text    NOT NULL DEFAULT 'IN_FORCE' CHECK (status IN ('IN_FORCE', 'REPLACED', 'EXPIRED')),
  status_on        date,
  status_reason    text,
  term_id          bigint  REFERENCES document_term (id),
  sequence_code    text,
  -- incoming register (sổ văn bản đến)
  arrival_number   integer,
  arrival_year     integer,
  arrival_date     date,
  handler_name     text,
  due_date         date,
  handled_on       date,
  -- sample data whose real date or wording is not known
  sample_note      text,
  search_key       text    NOT NULL,
  created_by       text    NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 0,
  CHECK (direction = 'RECEIVED' OR issuer_org_id IS NOT NULL),
  CHECK (direction = 'ISSUED' OR receiver_org_id IS NOT NULL),
  CHECK ((term_id IS NULL) = (sequence_code IS NULL)),
  CONSTRAINT document_identity UNIQUE (symbol, issued_on, direction, receiver_org_id)
);
-- a number is handed out once per sequence of a term
CREATE UNIQUE INDEX document_sequence_idx ON document (term_id, sequence_code, number) WHERE term_id IS NOT NULL;
CREATE UNIQUE INDEX document_arrival_idx ON document (receiver_org_id, arrival_year, arrival_number)
  WHERE arrival_number IS NOT NULL;
CREATE UNIQUE INDEX document_issued_identity_idx ON document (issuer_org_id, symbol, issued_on) WHERE direction = 'ISSUED';
CREATE INDEX document_search_idx ON document USING gin (search_key gin_trgm_ops);
CREATE INDEX document_issuer_idx ON document (issuer_org_id, issued_on);
CREATE INDEX document_receiver_idx ON document (receiver_org_id, issued_on);

-- Where a document was sent (nơi nhận): one of our organisations, or a name outside the tree; and when an
-- organisation first opened it.
CREATE TABLE document_recipient (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id     bigint NOT NULL REFERENCES document (id),
  organization_id bigint REFERENCES organization (id),
  recipient_name  text   NOT NULL,
  sent_on         date   NOT NULL,
  opened_at       timestamptz,
  opened_by       text,
  UNIQUE (document_id, organization_id)
);
CREATE INDEX document_recipient_org_idx ON document_recipient (organization_id);

-- Files attached to a document, checked by content (magic bytes, zip entries), never by name.
CREATE TABLE document_attachment (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id  bigint NOT NULL REFERENCES document (id),
  file_name    text   NOT NULL,
  kind         text   NOT NULL CHECK (kind IN ('PDF', 'DOCX', 'XLSX', 'PNG', 'JPEG')),
  size_bytes   bigint NOT NULL,
  sha256       text   NOT NULL,
  content      bytea  NOT NULL,
  uploaded_by  text   NOT NULL,
  uploaded_at  timestamptz NOT NULL DEFAULT now(),
  closed_at    timestamptz,
  closed_reason text
);
CREATE INDEX document_attachment_doc_idx ON document_attachment (document_id);

-- A study session (học tập, quán triệt) of a document held by an organisation, and who attended.
CREATE TABLE study_session (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id     bigint NOT NULL REFERENCES document (id),
  organization_id bigint NOT NULL REFERENCES organization (id),
  held_on         date   NOT NULL,
  note            text,
  recorded_by     text   NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (document_id, organization_id, held_on)
);
CREATE INDEX study_session_org_idx ON study_session (organization_id, held_on);

CREATE TABLE study_attendance (
  session_id     bigint  NOT NULL REFERENCES study_session (id),
  member_id      bigint  NOT NULL REFERENCES member (id),
  member_name    text    NOT NULL,
  present        boolean NOT NULL,
  absence_reason text,
  PRIMARY KEY (session_id, member_id),
  CHECK (present OR absence_reason IS NOT NULL)
);

INSERT INTO rule (rule_key, value, value_type, valid_from, valid_to, source_document, confidence, note) VALUES
('document.incoming.handling-working-days', '7', 'INTEGER', '1990-01-01', NULL,
 'Thực tiễn công tác văn thư của văn phòng cấp uỷ (chưa xác minh; hỏi Văn phòng Đảng uỷ)', 'M',
 'Hạn xử lý văn bản đến, tính bằng ngày làm việc kể từ ngày đến.'),
('document.attachment.max-bytes', '10485760', 'INTEGER', '1990-01-01', NULL,
 'Cấu hình hệ thống (đề xuất; hỏi Văn phòng Đảng uỷ)', 'M',
 'Dung lượng tối đa của một tệp đính kèm văn bản, tính bằng byte (10 MB).');
