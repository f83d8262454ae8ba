-- Member lifecycle: admission pipeline, transfers, exemptions, readmission, register book rows, yearly updates,
-- badges, import layouts and runs, statistical form layouts. Rules seeded with their sources.

CREATE TABLE admission (
  id                         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  full_name                  text    NOT NULL,
  search_key                 text    NOT NULL,
  sex                        text    NOT NULL CHECK (sex IN ('NAM', 'NU')),
  date_of_birth              date    NOT NULL,
  citizen_id                 text,
  education                  text,
  lower_secondary_completed  boolean NOT NULL DEFAULT true,
  education_exception        text,
  youth_union_member         boolean NOT NULL DEFAULT false,
  organization_id            bigint  NOT NULL REFERENCES organization (id),
  helper_member_id           bigint  REFERENCES member (id),
  state                      text    NOT NULL CHECK (state IN ('QUAN_CHUNG_UU_TU', 'DA_HOC_NHAN_THUC', 'DANG_LAM_HO_SO',
                               'CHI_BO_DE_NGHI', 'DANG_UY_CO_SO_DE_NGHI', 'CO_QUYET_DINH_KET_NAP', 'DA_KET_NAP',
                               'CHINH_THUC', 'XOA_TEN')),
  state_since                date    NOT NULL,
  identified_on              date    NOT NULL,
  course_certificate_date    date,
  youth_union_resolution_date date,
  cell_resolution_date       date,
  committee_resolution_date  date,
  decision_date              date,
  decision_ref               text,
  decision_extended          boolean NOT NULL DEFAULT false,
  ceremony_date              date,
  ceremony_late_consent      text,
  member_id                  bigint  REFERENCES member (id),
  cell_recognition_date      date,
  failed_recognition_votes   integer NOT NULL DEFAULT 0,
  escalated_on               date,
  recognition_decision_ref   text,
  readmission                boolean NOT NULL DEFAULT false,
  closed_on                  date,
  closed_reason              text,
  version                    integer NOT NULL DEFAULT 0,
  created_at                 timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX admission_org_idx ON admission (organization_id, state);

-- Every transition, timestamped, with who did it.
CREATE TABLE admission_transition (
  admission_id bigint NOT NULL REFERENCES admission (id),
  from_state   text,
  to_state     text   NOT NULL,
  on_date      date   NOT NULL,
  actor        text   NOT NULL,
  note         text,
  recorded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX admission_transition_idx ON admission_transition (admission_id, recorded_at);

-- The forms of the admission file (1-KNĐ … 9-KNĐ), attached or missing.
CREATE TABLE admission_form (
  admission_id bigint NOT NULL REFERENCES admission (id),
  form_code    text   NOT NULL,
  attached_on  date   NOT NULL,
  reference    text,
  PRIMARY KEY (admission_id, form_code)
);

-- Full members introducing the applicant, with the date from which they worked together.
CREATE TABLE admission_introducer (
  admission_id    bigint NOT NULL REFERENCES admission (id),
  member_id       bigint NOT NULL REFERENCES member (id),
  together_since  date   NOT NULL,
  PRIMARY KEY (admission_id, member_id)
);

CREATE TABLE transfer (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  member_id         bigint NOT NULL REFERENCES member (id),
  kind              text   NOT NULL CHECK (kind IN ('CHINH_THUC', 'TAM_THOI', 'NOI_BO', 'NUOC_NGOAI', 'TAP_THE')),
  from_organization_id bigint NOT NULL REFERENCES organization (id),
  to_organization_id   bigint REFERENCES organization (id),
  destination       text,
  cause_date        date   NOT NULL,
  started_on        date   NOT NULL,
  letter_number     text,
  letter_issued_on  date,
  presented_on      date,
  end_date          date,
  returned_on       date,
  fees_paid_to      date,
  decision_ref      text,
  note              text,
  created_by        text   NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX transfer_from_idx ON transfer (from_organization_id, started_on);
CREATE INDEX transfer_to_idx ON transfer (to_organization_id, started_on);

-- Exemptions: EXEMPT goes through the member's status; TEMPORARY (tạm miễn) is dated here only.
CREATE TABLE member_exemption (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  member_id    bigint NOT NULL REFERENCES member (id),
  kind         text   NOT NULL CHECK (kind IN ('EXEMPT', 'TEMPORARY')),
  valid_from   date   NOT NULL,
  valid_to     date,
  reason       text,
  decision_ref text   NOT NULL,
  closed_reason text,
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);

-- Why membership ended, and readmissions (allowed once).
CREATE TABLE membership_end (
  member_id    bigint NOT NULL REFERENCES member (id),
  ended_on     date   NOT NULL,
  status       text   NOT NULL,
  reason_code  text   NOT NULL,
  excludes_readmission boolean NOT NULL DEFAULT false,
  decision_ref text,
  PRIMARY KEY (member_id, ended_on)
);
CREATE TABLE readmission (
  member_id               bigint NOT NULL PRIMARY KEY REFERENCES member (id),
  decision_date           date   NOT NULL,
  provincial_consent_ref  text   NOT NULL,
  decision_ref            text   NOT NULL,
  cleared_criminal_record boolean NOT NULL DEFAULT false
);

-- The cell's member register book: a row number per member, kept for good.
CREATE TABLE member_register_row (
  organization_id bigint  NOT NULL REFERENCES organization (id),
  member_id       bigint  NOT NULL REFERENCES member (id),
  row_number      integer NOT NULL,
  entered_on      date    NOT NULL,
  PRIMARY KEY (organization_id, member_id),
  UNIQUE (organization_id, row_number)
);

-- Phiếu bổ sung hồ sơ đảng viên: one per member and year.
CREATE TABLE member_yearly_update (
  member_id   bigint NOT NULL REFERENCES member (id),
  year        integer NOT NULL,
  changes     text   NOT NULL,
  recorded_on date   NOT NULL,
  recorded_by text   NOT NULL,
  PRIMARY KEY (member_id, year)
);

-- Badge cases that allow an early award, and the awards presented.
CREATE TABLE badge_early_case (
  member_id bigint NOT NULL PRIMARY KEY REFERENCES member (id),
  kind      text   NOT NULL CHECK (kind IN ('SERIOUSLY_ILL')),
  noted_on  date   NOT NULL,
  note      text
);
CREATE TABLE badge_award (
  member_id    bigint  NOT NULL REFERENCES member (id),
  years        integer NOT NULL,
  presented_on date    NOT NULL,
  early_kind   text,
  decision_ref text,
  PRIMARY KEY (member_id, years)
);

-- Column mappings saved per source layout (identified by its folded header row).
CREATE TABLE import_layout (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name       text NOT NULL,
  signature  text NOT NULL UNIQUE,
  headers    text NOT NULL,
  mapping    text NOT NULL,
  saved_by   text NOT NULL,
  saved_at   timestamptz NOT NULL DEFAULT now()
);

-- One import run, its file and its outcome; progress lives in background_job.
CREATE TABLE import_run (
  job_id          bigint PRIMARY KEY REFERENCES background_job (id),
  file_name       text   NOT NULL,
  content         bytea  NOT NULL,
  encoding        text   NOT NULL,
  mapping         text   NOT NULL,
  per_row         boolean NOT NULL,
  default_organization_id bigint REFERENCES organization (id),
  created         integer NOT NULL DEFAULT 0,
  updated         integer NOT NULL DEFAULT 0,
  unchanged       integer NOT NULL DEFAULT 0,
  rejected        integer NOT NULL DEFAULT 0,
  error_report    text
);

-- The standard statistical forms (Biểu 1–5): layouts unverified, kept as editable rows.
CREATE TABLE statistics_form_row (
  form_code  text    NOT NULL,
  position   integer NOT NULL,
  label      text    NOT NULL,
  measure    text    NOT NULL,
  PRIMARY KEY (form_code, position)
);
INSERT INTO statistics_form_row (form_code, position, label, measure) VALUES
('BIEU_1', 1, 'Số đảng viên đầu kỳ', 'opening'),
('BIEU_1', 2, 'Tăng: kết nạp mới', 'in.admitted'),
('BIEU_1', 3, 'Tăng: kết nạp lại', 'in.readmitted'),
('BIEU_1', 4, 'Tăng: chuyển đến', 'in.transferred'),
('BIEU_1', 5, 'Giảm: từ trần', 'out.deceased'),
('BIEU_1', 6, 'Giảm: xoá tên', 'out.removed'),
('BIEU_1', 7, 'Giảm: khai trừ', 'out.expelled'),
('BIEU_1', 8, 'Giảm: xin ra khỏi Đảng', 'out.resigned'),
('BIEU_1', 9, 'Giảm: chuyển đi', 'out.transferred'),
('BIEU_1', 10, 'Số đảng viên cuối kỳ', 'closing'),
('BIEU_2', 1, 'Đảng viên mới kết nạp', 'new.total'),
('BIEU_2', 2, 'Trong đó: nữ', 'new.women'),
('BIEU_2', 3, 'Trong đó: dân tộc thiểu số', 'new.minority'),
('BIEU_2', 4, 'Trong đó: có tôn giáo', 'new.religious'),
('BIEU_2', 5, 'Trong đó: dưới 30 tuổi', 'new.under30'),
('BIEU_3', 1, 'Tổng số đảng viên', 'all.total'),
('BIEU_3', 2, 'Nữ', 'all.women'),
('BIEU_3', 3, 'Dự bị', 'all.probationary'),
('BIEU_3', 4, 'Dưới 30 tuổi', 'all.age.under30'),
('BIEU_3', 5, 'Từ 30 đến 50 tuổi', 'all.age.30to50'),
('BIEU_3', 6, 'Trên 50 tuổi', 'all.age.over50'),
('BIEU_3', 7, 'Lý luận chính trị: sơ cấp', 'all.theory.SO_CAP'),
('BIEU_3', 8, 'Lý luận chính trị: trung cấp', 'all.theory.TRUNG_CAP'),
('BIEU_3', 9, 'Lý luận chính trị: cao cấp, cử nhân', 'all.theory.high'),
('BIEU_4', 1, 'Đảng viên là người dân tộc thiểu số', 'all.minority'),
('BIEU_4', 2, 'Đảng viên có tôn giáo', 'all.religious'),
('BIEU_5', 1, 'Tổ chức cơ sở đảng', 'org.grassroots'),
('BIEU_5', 2, 'Chi bộ trực thuộc', 'org.subcells'),
('BIEU_5', 3, 'Đảng viên trong đảng bộ cơ sở', 'members.in-committees'),
('BIEU_5', 4, 'Đảng viên trong chi bộ cơ sở', 'members.in-grassroots-cells');

INSERT INTO rule (rule_key, value, value_type, valid_from, valid_to, source_document, confidence, note) VALUES
('admission.awareness-certificate.valid-months', '60', 'INTEGER', '2016-01-01', NULL,
 'Giấy chứng nhận bồi dưỡng nhận thức về Đảng (CN-NTVĐ); thực tiễn các trung tâm chính trị', 'P',
 'Giấy chứng nhận học lớp nhận thức về Đảng có giá trị 5 năm (60 tháng).'),
('admission.introducer.min-months-together', '12', 'INTEGER', '2011-01-01', NULL,
 'Quy định 24-QĐ/TW 2021, §3.2; Quy định 294-QĐ/TW', 'V',
 'Người giới thiệu là đảng viên chính thức cùng công tác, học tập, cư trú với người vào Đảng ít nhất 12 tháng.'),
('admission.introducers.required', '2', 'INTEGER', '2011-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 4; Quy định 24-QĐ/TW §3.1', 'P',
 'Hai đảng viên chính thức giới thiệu; đoàn viên được Ban Chấp hành Đoàn cơ sở giới thiệu thì cần thêm một đảng viên.'),
('admission.youth-union.max-age-years', '30', 'INTEGER', '2011-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 4 (nhớ lại, chưa thấy văn bản)', 'M',
 'Đoàn viên trong độ tuổi thanh niên được Đoàn giới thiệu thay một đảng viên.'),
('admission.decision.working-days', '60', 'INTEGER', '2016-01-01', NULL,
 'Quy định 29-QĐ/TW §4.3.1; Quy định 232-QĐ/TW; Quy định 294-QĐ/TW', 'V',
 'Cấp uỷ có thẩm quyền quyết định kết nạp trong 60 ngày làm việc kể từ ngày chi bộ có nghị quyết đề nghị.'),
('admission.decision.extension-working-days', '30', 'INTEGER', '2016-01-01', NULL,
 'Quy định 29-QĐ/TW §4.3.1; Quy định 232-QĐ/TW; Quy định 294-QĐ/TW', 'V',
 'Trường hợp đặc biệt được kéo dài thêm không quá 30 ngày làm việc.'),
('admission.ceremony.working-days', '30', 'INTEGER', '2016-01-01', NULL,
 'Quy định 29-QĐ/TW; Quy định 294-QĐ/TW', 'V',
 'Tổ chức lễ kết nạp trong 30 ngày làm việc kể từ ngày nhận quyết định; chậm hơn phải được cấp trên đồng ý.'),
('admission.recognition.cell-working-days', '30', 'INTEGER', '2016-01-01', NULL,
 'Quy định 29-QĐ/TW §4.2; Quy định 294-QĐ/TW', 'V',
 'Chi bộ xét công nhận chính thức trong 30 ngày làm việc kể từ ngày hết 12 tháng dự bị.'),
('admission.recognition.committee-working-days', '30', 'INTEGER', '2016-01-01', NULL,
 'Quy định 29-QĐ/TW §4.2; Quy định 294-QĐ/TW', 'V',
 'Cấp uỷ có thẩm quyền quyết định trong 30 ngày làm việc kể từ ngày chi bộ có nghị quyết.'),
('admission.recognition.max-failed-votes', '3', 'INTEGER', '2016-01-01', NULL,
 'Quy định 29-QĐ/TW §4.2; Quy định 294-QĐ/TW', 'V',
 'Sau 3 lần biểu quyết không đủ 2/3 đồng ý, báo cáo cấp uỷ cấp trên xem xét.'),
('admission.education.minimum', 'THCS', 'TEXT', '2011-01-01', NULL,
 'Quy định 24-QĐ/TW; Quy định 294-QĐ/TW; Hướng dẫn 06-HD/TW 2025', 'V',
 'Tốt nghiệp trung học cơ sở trở lên; ngoại lệ vùng cao, biên giới, hải đảo, dân tộc thiểu số theo hướng dẫn của Ban Bí thư.'),
('transfer.start.working-days', '60', 'INTEGER', '2025-07-01', NULL,
 'Quy định 294-QĐ/TW §6.3.1', 'V',
 'Đảng viên phải làm thủ tục chuyển sinh hoạt trong 60 ngày làm việc kể từ ngày có quyết định hoặc chuyển nơi ở.'),
('transfer.present.working-days', '30', 'INTEGER', '2025-07-01', NULL,
 'Quy định 294-QĐ/TW §6.3.1', 'V',
 'Xuất trình giấy giới thiệu sinh hoạt đảng với nơi nhận trong 30 ngày làm việc kể từ ngày ký.'),
('transfer.temporary.max-months', '24', 'INTEGER', '2016-01-01', NULL,
 'Quy định 29-QĐ/TW §6.3; Quy định 294-QĐ/TW', 'V',
 'Sinh hoạt tạm thời: thay đổi nơi ở, nơi làm việc từ 3 tháng đến dưới 1 năm; đi học tập trung trong nước từ 3 tháng đến 2 năm.'),
('transfer.temporary.min-months', '3', 'INTEGER', '2016-01-01', NULL,
 'Quy định 29-QĐ/TW §6.3; Quy định 294-QĐ/TW', 'V',
 'Sinh hoạt tạm thời từ 3 tháng trở lên.'),
('readmission.min-months-after-leaving', '36', 'INTEGER', '2025-07-01', NULL,
 'Quy định 294-QĐ/TW §3.5', 'V',
 'Kết nạp lại sau ít nhất 36 tháng kể từ khi ra khỏi Đảng.'),
('readmission.min-months-after-criminal-record', '60', 'INTEGER', '2025-07-01', NULL,
 'Quy định 294-QĐ/TW §3.5', 'V',
 'Sau ít nhất 60 tháng kể từ khi được xoá án tích (tội ít nghiêm trọng).'),
('readmission.max-times', '1', 'INTEGER', '2025-07-01', NULL,
 'Quy định 294-QĐ/TW §3.5', 'V', 'Chỉ được kết nạp lại một lần.'),
('member.party-age.excludes-time-out', 'true', 'BOOLEAN', '1930-01-01', NULL,
 'Quy định 294-QĐ/TW (tính tuổi đảng); Hướng dẫn 06-HD/TW 2025 (lời văn chưa xác minh)', 'P',
 'Tuổi đảng chỉ tính thời gian ở trong Đảng: trừ thời gian gián đoạn giữa lúc ra khỏi Đảng và lúc kết nạp lại.'),
('badge.milestone-years', '30,40,45,50,55,60,65,70,75,80,85,90', 'TEXT', '2011-01-01', NULL,
 'Hướng dẫn 01-HD/TW 2021 (Huy hiệu Đảng)', 'V', 'Các mốc tuổi đảng được tặng Huy hiệu Đảng.'),
('badge.presentation-dates', '02-03,05-19,09-02,11-07', 'TEXT', '2011-01-01', NULL,
 'Hướng dẫn 01-HD/TW 2021; luatminhkhue', 'V', 'Ngày trao Huy hiệu: 3/2, 19/5, 2/9, 7/11 (tháng-ngày).'),
('badge.early.ill.months', '12', 'INTEGER', '2011-01-01', NULL,
 'Hướng dẫn 01-HD/TW 2021', 'V', 'Đảng viên bị bệnh nặng được tặng sớm không quá 12 tháng (mốc đến 65 năm).'),
('badge.early.ill.senior.months', '24', 'INTEGER', '2011-01-01', NULL,
 'Hướng dẫn 01-HD/TW 2021', 'V', 'Đảng viên bị bệnh nặng được tặng sớm không quá 24 tháng (mốc từ 70 năm).'),
('badge.early.ill.senior.from-years', '70', 'INTEGER', '2011-01-01', NULL,
 'Hướng dẫn 01-HD/TW 2021', 'V', 'Mốc tuổi đảng từ đó được tặng sớm đến 24 tháng.'),
('badge.early.posthumous.months', '12', 'INTEGER', '2011-01-01', NULL,
 'Hướng dẫn 01-HD/TW 2021', 'V', 'Truy tặng cho đảng viên từ trần sớm không quá 12 tháng.'),
('import.two-digit-year.pivot', 'CURRENT_YEAR', 'TEXT', '2000-01-01', NULL,
 'Quy ước nhập liệu của hệ thống (không có văn bản)', 'M',
 'Năm hai chữ số lớn hơn hai chữ số cuối của năm hiện tại là 19yy, còn lại là 20yy.');
