-- Inspection, supervision and discipline: yearly programmes, cases with dated stages, violations, discipline decisions
-- with their authority and limitation checks, complaints. Subjects keep their name as it was, so that a case outlives a
-- dissolved or merged organisation and a member who left (QĐ 296-QĐ/TW).
CREATE TABLE inspection_programme (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_id    bigint  NOT NULL REFERENCES organization (id),
  body               text    NOT NULL,
  year               integer NOT NULL,
  title              text    NOT NULL,
  adopted_on         date    NOT NULL,
  supervision_min_percent integer NOT NULL,
  supervision_max_percent integer NOT NULL,
  created_by         text    NOT NULL,
  closed_on          date,
  closed_reason      text,
  CHECK (supervision_min_percent BETWEEN 0 AND 100 AND supervision_max_percent BETWEEN supervision_min_percent AND 100)
);
CREATE UNIQUE INDEX inspection_programme_once ON inspection_programme (organization_id, body, year) WHERE closed_on IS NULL;

CREATE TABLE inspection_programme_item (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  programme_id     bigint  NOT NULL REFERENCES inspection_programme (id),
  kind             text    NOT NULL,
  subject_member_id bigint,
  subject_organization_id bigint,
  subject_name     text    NOT NULL,
  content          text    NOT NULL,
  planned_from     date    NOT NULL,
  planned_to       date    NOT NULL,
  method           text    NOT NULL,
  CHECK (planned_to >= planned_from),
  CHECK ((subject_member_id IS NULL) <> (subject_organization_id IS NULL))
);
CREATE INDEX inspection_programme_item_idx ON inspection_programme_item (programme_id);

CREATE TABLE inspection_case (
  id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  handling_organization_id bigint NOT NULL REFERENCES organization (id),
  body                    text    NOT NULL,
  kind                    text    NOT NULL,
  subject_member_id       bigint,
  subject_organization_id bigint,
  subject_name            text    NOT NULL,
  content                 text    NOT NULL,
  programme_item_id       bigint REFERENCES inspection_programme_item (id),
  stage                   text    NOT NULL,
  opened_on               date    NOT NULL,
  decision_ref            text    NOT NULL,
  conclusion              text,
  conclusion_published    boolean NOT NULL DEFAULT false,
  closed_on               date,
  version                 integer NOT NULL DEFAULT 0,
  CHECK ((subject_member_id IS NULL) <> (subject_organization_id IS NULL))
);
CREATE INDEX inspection_case_org_idx ON inspection_case (handling_organization_id, opened_on);

-- Who did what on which date: one row per stage reached (and per follow-up note).
CREATE TABLE inspection_case_step (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id      bigint NOT NULL REFERENCES inspection_case (id),
  stage        text   NOT NULL,
  on_date      date   NOT NULL,
  document_ref text,
  note         text,
  actor        text   NOT NULL,
  recorded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspection_case_step_idx ON inspection_case_step (case_id, on_date);

CREATE TABLE inspection_attachment (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id      bigint NOT NULL REFERENCES inspection_case (id),
  file_name    text   NOT NULL,
  content_type text   NOT NULL,
  content      bytea  NOT NULL,
  uploaded_by  text   NOT NULL,
  uploaded_at  timestamptz NOT NULL DEFAULT now()
);

-- A violation of a member or an organisation: one violation is decided once, with one form.
CREATE TABLE discipline_violation (
  id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id                 bigint REFERENCES inspection_case (id),
  subject_member_id       bigint,
  subject_organization_id bigint,
  subject_name            text   NOT NULL,
  area                    text   NOT NULL,
  summary                 text   NOT NULL,
  committed_on            date   NOT NULL,
  ended_on                date,
  recorded_by             text   NOT NULL,
  CHECK (ended_on IS NULL OR ended_on >= committed_on),
  CHECK ((subject_member_id IS NULL) <> (subject_organization_id IS NULL))
);
CREATE INDEX discipline_violation_member_idx ON discipline_violation (subject_member_id, committed_on);
CREATE INDEX discipline_violation_org_idx ON discipline_violation (subject_organization_id, committed_on);

CREATE TABLE discipline_decision (
  id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  violation_id            bigint NOT NULL REFERENCES discipline_violation (id),
  deciding_organization_id bigint NOT NULL REFERENCES organization (id),
  body                    text   NOT NULL,
  subject_kind            text   NOT NULL,
  standing                text   NOT NULL,
  form                    text   NOT NULL,
  decision_date           date   NOT NULL,
  effective_date          date   NOT NULL,
  document_ref            text   NOT NULL,
  eligible_voters         integer NOT NULL,
  votes_for               integer NOT NULL,
  votes_against           integer NOT NULL,
  warnings                text,
  status                  text   NOT NULL DEFAULT 'IN_FORCE',
  status_changed_on       date,
  recorded_by             text   NOT NULL,
  recorded_at             timestamptz NOT NULL DEFAULT now(),
  version                 integer NOT NULL DEFAULT 0,
  CHECK (effective_date >= decision_date),
  CHECK (votes_for >= 0 AND votes_against >= 0 AND votes_for + votes_against <= eligible_voters)
);
-- one violation, one discipline
CREATE UNIQUE INDEX discipline_decision_one_per_violation ON discipline_decision (violation_id) WHERE status <> 'ANNULLED';

CREATE TABLE discipline_complaint (
  id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  decision_id             bigint NOT NULL REFERENCES discipline_decision (id),
  handling_organization_id bigint NOT NULL REFERENCES organization (id),
  body                    text   NOT NULL,
  received_on             date   NOT NULL,
  grounds                 text   NOT NULL,
  outcome                 text,
  reduced_form            text,
  decided_on              date,
  outcome_ref             text,
  rights_restored         boolean NOT NULL DEFAULT false,
  recorded_by             text   NOT NULL
);

INSERT INTO rule (rule_key, value, value_type, valid_from, valid_to, source_document, confidence, note) VALUES
('inspection.supervision.min-percent', '30', 'INTEGER', '2019-01-01', NULL,
 'Đảng uỷ Khối các cơ quan tỉnh Bình Định, 2019 (baobinhdinh)', 'V',
 'Mỗi năm chi bộ giám sát từ 30% đảng viên trở lên (mặc định, sửa được theo chương trình của từng cấp uỷ).'),
('inspection.supervision.max-percent', '50', 'INTEGER', '2019-01-01', NULL,
 'Đảng uỷ Khối các cơ quan tỉnh Bình Định, 2019 (baobinhdinh)', 'V',
 'Mỗi năm chi bộ giám sát đến 50% đảng viên (mặc định).'),
('inspection.supervision.min-percent', '30', 'INTEGER', '2007-01-01', '2019-01-01',
 'Thực tiễn các chi bộ trước 2019 (chưa xác minh)', 'M', 'Giữ như năm 2019 cho dữ liệu lịch sử.'),
('inspection.supervision.max-percent', '50', 'INTEGER', '2007-01-01', '2019-01-01',
 'Thực tiễn các chi bộ trước 2019 (chưa xác minh)', 'M', 'Giữ như năm 2019 cho dữ liệu lịch sử.'),
('discipline.limitation-months.KHIEN_TRACH', '60', 'INTEGER', '1930-01-01', NULL,
 'Quy định 69-QĐ/TW ngày 06/7/2022, Điều 4 (tổ chức: QĐ 07-QĐi/2018)', 'V', 'Thời hiệu khiển trách: 5 năm (60 tháng) kể từ thời điểm có hành vi vi phạm.'),
('discipline.limitation-months.CANH_CAO', '120', 'INTEGER', '1930-01-01', NULL,
 'Quy định 69-QĐ/TW ngày 06/7/2022, Điều 4', 'V', 'Thời hiệu cảnh cáo: 10 năm (120 tháng).'),
('discipline.limitation-months.CACH_CHUC', '120', 'INTEGER', '1930-01-01', NULL,
 'Quy định 69-QĐ/TW ngày 06/7/2022, Điều 4', 'V', 'Thời hiệu cách chức: 10 năm (120 tháng).'),
('discipline.limitation-months.KHAI_TRU', '0', 'INTEGER', '1930-01-01', NULL,
 'Quy định 69-QĐ/TW ngày 06/7/2022, Điều 4', 'V', '0 = không áp dụng thời hiệu (khai trừ).'),
('discipline.limitation-months.GIAI_TAN', '0', 'INTEGER', '1930-01-01', NULL,
 'Quy định 07-QĐi/2018; Quy định 69-QĐ/TW', 'P', '0 = không áp dụng thời hiệu (giải tán).'),
('discipline.limitation.no-limit-areas', 'INTERNAL_POLITICS,NATIONAL_INTEREST,ILLEGAL_DIPLOMA', 'TEXT', '1930-01-01', NULL,
 'Quy định 102-QĐ/TW (2017); Quy định 69-QĐ/TW giữ nguyên', 'P',
 'Không áp dụng thời hiệu: vi phạm chính trị nội bộ; quốc phòng, an ninh, đối ngoại xâm hại lợi ích quốc gia; dùng văn bằng không hợp pháp.'),
('discipline.complaint.period-months', '1', 'INTEGER', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 39', 'V', 'Khiếu nại kỷ luật trong 1 tháng kể từ ngày nhận quyết định; quyết định vẫn có hiệu lực khi đang khiếu nại.'),
('discipline.vote.min-percent', '50', 'INTEGER', '1930-01-01', NULL,
 'Quy định 296-QĐ/TW (thủ tục biểu quyết, tỷ lệ chưa xác minh)', 'M', 'Quyết định kỷ luật cần quá số phần trăm này của số thành viên có quyền biểu quyết (bỏ phiếu kín).'),
-- Who may decide which form, for which subject (Điều lệ Đảng 2011, Điều 36). Value: forms, comma separated, or NONE.
('discipline.authority.CELL.MEMBER', 'KHIEN_TRACH,CANH_CAO', 'TEXT', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 36', 'V', 'Chi bộ: khiển trách, cảnh cáo đảng viên trong chi bộ.'),
('discipline.authority.CELL.COMMITTEE_MEMBER', 'KHIEN_TRACH,CANH_CAO', 'TEXT', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 36', 'V', 'Chi bộ: kể cả cấp uỷ viên các cấp sinh hoạt tại chi bộ.'),
('discipline.authority.CELL.HIGHER_MANAGED_CADRE', 'KHIEN_TRACH,CANH_CAO', 'TEXT', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 36', 'V', 'Chi bộ: kể cả cán bộ thuộc diện cấp trên quản lý.'),
('discipline.authority.CELL.ORGANIZATION', 'NONE', 'TEXT', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 36', 'V', 'Chi bộ không kỷ luật tổ chức đảng.'),
('discipline.authority.CELL.areas', 'POLITICAL_QUALITIES,IDEOLOGY,ETHICS,LIFESTYLE,PARTY_ACTIVITY,MEMBER_DUTIES', 'TEXT', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 36', 'V', 'Chi bộ chỉ kỷ luật vi phạm về phẩm chất chính trị, tư tưởng, đạo đức, lối sống, sinh hoạt đảng, nhiệm vụ đảng viên (trừ nhiệm vụ do cấp trên giao).'),
('discipline.authority.GRASSROOTS_COMMITTEE.MEMBER', 'KHIEN_TRACH,CANH_CAO', 'TEXT', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 36', 'V', 'Đảng uỷ cơ sở: khiển trách, cảnh cáo đảng viên trong đảng bộ.'),
('discipline.authority.GRASSROOTS_COMMITTEE.COMMITTEE_MEMBER', 'KHIEN_TRACH,CANH_CAO,CACH_CHUC', 'TEXT', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 36', 'V', 'Đảng uỷ cơ sở: cách chức cấp uỷ viên cấp dưới.'),
('discipline.authority.GRASSROOTS_COMMITTEE.OWN_COMMITTEE_MEMBER', 'KHIEN_TRACH,CANH_CAO', 'TEXT', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 36', 'V', 'Đảng uỷ cơ sở: không khai trừ, không cách chức đảng uỷ viên của chính mình.'),
('discipline.authority.GRASSROOTS_COMMITTEE.HIGHER_MANAGED_CADRE', 'KHIEN_TRACH,CANH_CAO', 'TEXT', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 36', 'V', 'Đảng uỷ cơ sở: không khai trừ cán bộ thuộc diện cấp trên quản lý.'),
('discipline.authority.GRASSROOTS_COMMITTEE.ORGANIZATION', 'NONE', 'TEXT', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 36', 'M', 'Đảng uỷ cơ sở không kỷ luật tổ chức đảng (đề nghị cấp trên).'),
('discipline.authority.GRASSROOTS_COMMITTEE.delegated', 'KHAI_TRU', 'TEXT', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 36', 'V', 'Đảng uỷ cơ sở được uỷ quyền quyết định kết nạp: thêm khai trừ (trừ đảng uỷ viên của mình và cán bộ cấp trên quản lý).'),
('discipline.authority.GRASSROOTS_STANDING.MEMBER', 'NONE', 'TEXT', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 36', 'V', 'Ban thường vụ đảng uỷ cơ sở không thi hành kỷ luật, chỉ thẩm định đề nghị.'),
('discipline.authority.SUB_COMMITTEE.MEMBER', 'NONE', 'TEXT', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 36', 'V', 'Đảng uỷ bộ phận không thi hành kỷ luật, chỉ thẩm định đề nghị.'),
('discipline.authority.UPPER_COMMITTEE.MEMBER', 'KHIEN_TRACH,CANH_CAO,CACH_CHUC,KHAI_TRU', 'TEXT', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 36', 'V', 'Cấp uỷ cấp trên trực tiếp của tổ chức cơ sở: mọi hình thức đối với đảng viên.'),
('discipline.authority.UPPER_COMMITTEE.ORGANIZATION', 'KHIEN_TRACH,CANH_CAO', 'TEXT', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 36', 'V', 'Khiển trách, cảnh cáo tổ chức đảng cấp dưới; giải tán thì đề nghị cấp trên.'),
('discipline.authority.UPPER_STANDING.MEMBER', 'KHIEN_TRACH,CANH_CAO,CACH_CHUC,KHAI_TRU', 'TEXT', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 36', 'V', 'Ban thường vụ cấp trên cơ sở: mọi hình thức đối với đảng viên.'),
('discipline.authority.UPPER_STANDING.ORGANIZATION', 'KHIEN_TRACH,CANH_CAO', 'TEXT', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 36', 'V', 'Khiển trách, cảnh cáo tổ chức đảng cấp dưới; giải tán thì đề nghị cấp trên.'),
('discipline.authority.UPPER_INSPECTION.MEMBER', 'KHIEN_TRACH,CANH_CAO,CACH_CHUC,KHAI_TRU', 'TEXT', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 36; Quy định 296-QĐ/TW', 'P', 'Uỷ ban kiểm tra cấp trên cơ sở: mọi hình thức đối với đảng viên.'),
('discipline.authority.UPPER_INSPECTION.ORGANIZATION', 'KHIEN_TRACH,CANH_CAO', 'TEXT', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 36; Quy định 296-QĐ/TW', 'P', 'Khiển trách, cảnh cáo tổ chức đảng cấp dưới; giải tán thì đề nghị cấp trên.');
