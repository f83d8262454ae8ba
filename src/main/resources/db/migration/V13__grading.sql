-- Review and quality grading (kiểm điểm, đánh giá, xếp loại chất lượng): campaigns for a period, the reviews of
-- organisations, leadership collectives and members with their dated workflow steps, and the Hồ Chí Minh study.
-- Every band, condition, quota, path and deadline is a rule-book entry below, with its source and confidence.

CREATE TABLE grading_campaign (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  root_organization_id bigint  NOT NULL REFERENCES organization (id),
  period_kind          text    NOT NULL CHECK (period_kind IN ('YEAR', 'QUARTER', 'TERM', 'AD_HOC')),
  period_from          date    NOT NULL,
  period_to            date    NOT NULL,
  title                text    NOT NULL,
  -- the rules of this date apply to the whole campaign (the end of the period reviewed)
  rules_on             date    NOT NULL,
  opened_on            date    NOT NULL,
  self_deadline        date    NOT NULL,
  appraisal_deadline   date    NOT NULL,
  decision_deadline    date    NOT NULL,
  status               text    NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'PUBLISHED', 'CLOSED')),
  published_on         date,
  closed_reason        text,
  created_by           text    NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now(),
  version              integer NOT NULL DEFAULT 0,
  CHECK (period_to >= period_from)
);
CREATE INDEX grading_campaign_period_idx ON grading_campaign (period_to, root_organization_id);

-- One reviewed subject in a campaign: an organisation (its collective report, form 01), its executive or standing
-- committee as a leadership collective, or a member (forms 2A/2B/2C). Members exempt from activities never get a row.
CREATE TABLE grading_review (
  id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campaign_id              bigint  NOT NULL REFERENCES grading_campaign (id),
  subject_kind             text    NOT NULL CHECK (subject_kind IN ('ORGANIZATION', 'MEMBER')),
  collective               text    CHECK (collective IN ('ORGANIZATION', 'COMMITTEE', 'STANDING_COMMITTEE')),
  organization_id          bigint  NOT NULL REFERENCES organization (id),
  member_id                bigint  REFERENCES member (id),
  subject_name             text    NOT NULL,
  organization_name        text    NOT NULL,
  deciding_organization_id bigint  NOT NULL REFERENCES organization (id),
  form                     text    NOT NULL CHECK (form IN ('MAU_01', 'MAU_2A', 'MAU_2B', 'MAU_2C')),
  leads_organization_id    bigint  REFERENCES organization (id),
  step                     text    NOT NULL DEFAULT 'PENDING'
                           CHECK (step IN ('PENDING', 'SELF', 'PROPOSED', 'DECIDED', 'PUBLISHED')),
  self_score               numeric(5, 2),
  self_grade               text CHECK (self_grade IN ('HTXS', 'HTT', 'HTNV', 'KHTNV')),
  proposed_score           numeric(5, 2),
  proposed_grade           text CHECK (proposed_grade IN ('HTXS', 'HTT', 'HTNV', 'KHTNV')),
  proposed_reason          text,
  decided_grade            text CHECK (decided_grade IN ('HTXS', 'HTT', 'HTNV', 'KHTNV')),
  decided_on               date,
  decision_reason          text,
  quota_exception_reason   text,
  criteria                 jsonb,
  tasks_total              integer NOT NULL DEFAULT 0,
  tasks_on_time            integer NOT NULL DEFAULT 0,
  tasks_exceeding          integer NOT NULL DEFAULT 0,
  tasks_late               integer NOT NULL DEFAULT 0,
  tasks_not_done           integer NOT NULL DEFAULT 0,
  disciplined_leadership   integer NOT NULL DEFAULT 0,
  disciplined_subordinates integer NOT NULL DEFAULT 0,
  shortcomings_open        integer NOT NULL DEFAULT 0,
  violated_standards       boolean NOT NULL DEFAULT false,
  residence_comment        text,
  version                  integer NOT NULL DEFAULT 0,
  CHECK ((subject_kind = 'MEMBER') = (member_id IS NOT NULL)),
  CHECK ((subject_kind = 'ORGANIZATION') = (collective IS NOT NULL)),
  CHECK (tasks_on_time + tasks_late + tasks_not_done <= tasks_total AND tasks_exceeding <= tasks_on_time),
  UNIQUE NULLS NOT DISTINCT (campaign_id, subject_kind, collective, organization_id, member_id)
);
CREATE INDEX grading_review_campaign_idx ON grading_review (campaign_id, deciding_organization_id);
CREATE INDEX grading_review_org_idx ON grading_review (organization_id);
CREATE INDEX grading_review_member_idx ON grading_review (member_id) WHERE member_id IS NOT NULL;

-- Each step of a review, dated, with who took it and why (a changed grade always has a reason).
CREATE TABLE grading_step (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  review_id   bigint NOT NULL REFERENCES grading_review (id),
  step        text   NOT NULL CHECK (step IN ('SELF', 'PROPOSED', 'DECIDED', 'PUBLISHED')),
  grade       text   CHECK (grade IN ('HTXS', 'HTT', 'HTNV', 'KHTNV')),
  score       numeric(5, 2),
  on_date     date   NOT NULL,
  actor       text   NOT NULL,
  reason      text,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX grading_step_review_idx ON grading_step (review_id, id);

-- Hồ Chí Minh study (Chỉ thị 05-CT/TW): the yearly theme, each member's commitment and its assessments, and the
-- exemplary collectives and individuals (điển hình tiên tiến) with their commendations.
CREATE TABLE hcm_theme (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  year          integer NOT NULL UNIQUE,
  title         text    NOT NULL,
  document_ref  text
);

CREATE TABLE hcm_commitment (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  member_id        bigint  NOT NULL REFERENCES member (id),
  organization_id  bigint  NOT NULL REFERENCES organization (id),
  year             integer NOT NULL,
  commitment       text    NOT NULL,
  linked_tasks     text,
  signed_on        date    NOT NULL,
  mid_year_self    text,
  year_end_self    text,
  result           text    CHECK (result IN ('XUAT_SAC', 'TOT', 'DAT', 'CHUA_DAT')),
  cell_comment     text,
  version          integer NOT NULL DEFAULT 0,
  UNIQUE (member_id, year)
);
CREATE INDEX hcm_commitment_org_idx ON hcm_commitment (organization_id, year);

CREATE TABLE hcm_model (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  year            integer NOT NULL,
  organization_id bigint  NOT NULL REFERENCES organization (id),
  member_id       bigint  REFERENCES member (id),
  kind            text    NOT NULL CHECK (kind IN ('COLLECTIVE', 'INDIVIDUAL')),
  title           text    NOT NULL,
  commendation    text,
  decision_ref    text,
  recorded_on     date    NOT NULL,
  closed_on       date,
  closed_reason   text,
  CHECK ((kind = 'INDIVIDUAL') = (member_id IS NOT NULL))
);
CREATE INDEX hcm_model_org_idx ON hcm_model (organization_id, year);

-- The rules. Regimes: before 2018 (not verified), Quy định 132-QĐ/TW (08/3/2018) with HD 16-HD/BTCTW,
-- Quy định 124-QĐ/TW (04/10/2023) with HD 25-HD/BTCTW (10/11/2023), Quy định 366-QĐ/TW (30/8/2025) with
-- HD 43-HD/BTCTW (31/10/2025). A campaign reads the rules in force on the last day of its period.
INSERT INTO rule (rule_key, value, value_type, valid_from, valid_to, source_document, confidence, note) VALUES
('grading.band.htxs.min', '90', 'DECIMAL', '1930-01-01', NULL,
 'Quy định 366-QĐ/TW ngày 30/8/2025, Điều 11', 'V',
 'Điểm tối thiểu của mức Hoàn thành xuất sắc nhiệm vụ (thang 100). Trước 2025 việc xếp loại không theo thang điểm; hệ thống dùng cùng ngưỡng làm quy đổi (lựa chọn mô hình hoá).'),
('grading.band.htt.min', '70', 'DECIMAL', '1930-01-01', NULL,
 'Quy định 366-QĐ/TW ngày 30/8/2025, Điều 11', 'V', 'Điểm tối thiểu của mức Hoàn thành tốt nhiệm vụ.'),
('grading.band.htnv.min', '50', 'DECIMAL', '1930-01-01', NULL,
 'Quy định 366-QĐ/TW ngày 30/8/2025, Điều 11', 'V',
 'Điểm tối thiểu của mức Hoàn thành nhiệm vụ; dưới mức này là Không hoàn thành nhiệm vụ.'),
('grading.htxs.min-exceeding-share', '0', 'DECIMAL', '1930-01-01', '2025-08-30',
 'Quy định 132-QĐ/TW (2018); Quy định 124-QĐ/TW ngày 04/10/2023', 'M',
 'Lựa chọn mô hình hoá: trước Quy định 366 không đòi tỷ lệ nhiệm vụ vượt yêu cầu để xếp Hoàn thành xuất sắc.'),
('grading.htxs.min-exceeding-share', '0.30', 'DECIMAL', '2025-08-30', NULL,
 'Quy định 366-QĐ/TW ngày 30/8/2025, Điều 11', 'V',
 'Hoàn thành xuất sắc: ít nhất 30% nhiệm vụ vượt yêu cầu.'),
('grading.collective.htnv.max-late-share', '0.20', 'DECIMAL', '1930-01-01', NULL,
 'Quy định 366-QĐ/TW ngày 30/8/2025, Điều 11', 'V',
 'Tập thể Hoàn thành nhiệm vụ: hoàn thành 100% nhiệm vụ, không quá 20% chậm tiến độ (áp dụng cả trước 2025: chưa xác minh).'),
('grading.collective.htxs.no-discipline', 'true', 'BOOLEAN', '1930-01-01', NULL,
 'Quy định 124-QĐ/TW (2023); Quy định 366-QĐ/TW (2025), Điều 11', 'V',
 'Tập thể không được xếp Hoàn thành xuất sắc khi tổ chức trực thuộc hoặc thành viên tập thể lãnh đạo bị kỷ luật trong kỳ.'),
('grading.collective.htxs.shortcomings-corrected', 'true', 'BOOLEAN', '1930-01-01', NULL,
 'Quy định 366-QĐ/TW (2025), Điều 11', 'V',
 'Tập thể Hoàn thành xuất sắc phải khắc phục 100% hạn chế, khuyết điểm đã chỉ ra.'),
('grading.leader.bounded-by-unit', 'true', 'BOOLEAN', '1930-01-01', NULL,
 'Quy định 124-QĐ/TW (2023); Quy định 366-QĐ/TW (2025)', 'P',
 'Mức xếp loại của người đứng đầu không cao hơn mức của đơn vị do mình lãnh đạo.'),
('grading.quota.htxs-share-of-htt', '0.20', 'DECIMAL', '1930-01-01', '2018-03-08',
 'Hướng dẫn của Ban Tổ chức Trung ương trước 2018', 'M', 'Chưa xác minh; giữ bằng mức sau để so sánh.'),
('grading.quota.htxs-share-of-htt', '0.20', 'DECIMAL', '2018-03-08', '2023-10-04',
 'Quy định 132-QĐ/TW ngày 08/3/2018', 'P',
 'Số Hoàn thành xuất sắc không quá 20% số Hoàn thành tốt (không tính số Hoàn thành xuất sắc), trừ trường hợp đặc biệt.'),
('grading.quota.htxs-share-of-htt', '0.20', 'DECIMAL', '2023-10-04', '2025-08-30',
 'Quy định 124-QĐ/TW ngày 04/10/2023; Hướng dẫn 25-HD/BTCTW ngày 10/11/2023', 'P',
 'Số Hoàn thành xuất sắc không quá 20% số Hoàn thành tốt, trừ đơn vị nổi trội (có lý do).'),
('grading.quota.htxs-share-of-htt', '0.20', 'DECIMAL', '2025-08-30', NULL,
 'Quy định 366-QĐ/TW ngày 30/8/2025 (chưa xác minh); Nghị định 335/2025/NĐ-CP giữ tỷ lệ 20%', 'M',
 'Tỷ lệ trong Quy định 366 chưa xác minh (DOMAIN.md §15.2); sửa trong Sổ quy định khi biết.'),
('grading.period-kinds', 'YEAR,AD_HOC', 'TEXT', '1930-01-01', '2025-08-30',
 'Quy định 124-QĐ/TW ngày 04/10/2023 (hằng năm)', 'V', 'Trước Quy định 366 chỉ đánh giá hằng năm (và khi cần: lựa chọn mô hình hoá).'),
('grading.period-kinds', 'YEAR,QUARTER,TERM,AD_HOC', 'TEXT', '2025-08-30', NULL,
 'Quy định 366-QĐ/TW ngày 30/8/2025', 'V', 'Theo nhiệm kỳ, hằng năm, hằng quý hoặc khi cần.'),
('grading.criteria.member', 'POLITICS:15,ETHICS:15,DISCIPLINE:15,HCM_STUDY:10,TASKS:45', 'TEXT', '1930-01-01', NULL,
 'Hướng dẫn 25-HD/BTCTW (2023); Hướng dẫn 43-HD/BTCTW (31/10/2025): khung tiêu chí', 'M',
 'Tiêu chí chấm điểm cá nhân và điểm tối đa (tổng 100); điểm học tập và làm theo Bác lấy từ kết quả học tập.'),
('grading.criteria.organization', 'LEADERSHIP:30,PARTY_BUILDING:30,TASKS:30,HCM_STUDY:10', 'TEXT', '1930-01-01', NULL,
 'Hướng dẫn 25-HD/BTCTW (2023); Hướng dẫn 43-HD/BTCTW (31/10/2025): khung tiêu chí', 'M',
 'Tiêu chí chấm điểm tập thể và điểm tối đa (tổng 100).'),
('grading.hcm-study.factors', 'XUAT_SAC:1.0,TOT:0.8,DAT:0.5,CHUA_DAT:0', 'TEXT', '1930-01-01', NULL,
 'Chỉ thị 05-CT/TW (2016); Kết luận 01-KL/TW (2021)', 'M',
 'Phần điểm của tiêu chí học tập và làm theo Bác ứng với kết quả học tập của đảng viên.'),
('grading.path.organization', 'SELF,PROPOSED,DECIDED,PUBLISHED', 'TEXT', '1930-01-01', NULL,
 'Quy định 124-QĐ/TW (2023); Hướng dẫn 43-HD/BTCTW (2025), mục quy trình', 'P',
 'Tổ chức: tự đánh giá → ban tổ chức cấp trên thẩm định, đề xuất → ban thường vụ cấp trên quyết định → công bố.'),
('grading.path.member', 'SELF,PROPOSED,DECIDED,PUBLISHED', 'TEXT', '1930-01-01', NULL,
 'Hướng dẫn 43-HD/BTCTW (2025); Hướng dẫn 25-HD/BTCTW (2023)', 'P',
 'Đảng viên: tự kiểm điểm → chi bộ đề xuất → cấp uỷ cơ sở quyết định → công bố.'),
('grading.deadline.self.working-days', '10', 'INTEGER', '1930-01-01', NULL,
 'Hướng dẫn 43-HD/BTCTW (2025): kế hoạch kiểm điểm (thời hạn cụ thể do cấp uỷ định)', 'M',
 'Số ngày làm việc từ ngày mở đợt đến hạn tự kiểm điểm, tự đánh giá.'),
('grading.deadline.appraisal.working-days', '10', 'INTEGER', '1930-01-01', NULL,
 'Hướng dẫn 43-HD/BTCTW (2025)', 'M', 'Số ngày làm việc từ hạn tự đánh giá đến hạn thẩm định, đề xuất.'),
('grading.deadline.decision.working-days', '5', 'INTEGER', '1930-01-01', NULL,
 'Hướng dẫn 43-HD/BTCTW (2025)', 'M', 'Số ngày làm việc từ hạn đề xuất đến hạn quyết định xếp loại.'),
('grading.consequence.consecutive-years', '2', 'INTEGER', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 8; Quy định 294-QĐ/TW (2025)', 'V',
 'Số năm liền vi phạm tư cách đảng viên (hoặc không hoàn thành nhiệm vụ) thì chi bộ xem xét đưa ra khỏi Đảng (xoá tên).');
