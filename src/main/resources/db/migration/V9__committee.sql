-- Committees and leadership methods: terms, positions, assignments of committee members, working and coordination
-- regulations, secretary as agency head, functions-and-tasks checklists. Dates: valid_from inclusive, valid_to
-- exclusive, NULL open. Nothing is deleted: rows are closed with a date and a reason.

-- A term (nhiệm kỳ) of an organisation's committee, opened by a congress (or a decision for an appointed committee).
CREATE TABLE committee_term (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_id bigint  NOT NULL REFERENCES organization (id),
  number          integer CHECK (number IS NULL OR number > 0),
  label           text    NOT NULL,
  congress_date   date    NOT NULL,
  planned_end     date    NOT NULL,
  valid_to        date,
  opened_by       text    NOT NULL CHECK (opened_by IN ('CONGRESS', 'APPOINTMENT')),
  decision_ref    text,
  closed_reason   text,
  recorded_by     text    NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (planned_end > congress_date),
  CHECK (valid_to IS NULL OR valid_to > congress_date),
  -- two terms of one organisation never overlap
  EXCLUDE USING gist (organization_id WITH =, daterange(congress_date, valid_to) WITH &&)
);
CREATE INDEX committee_term_org_idx ON committee_term (organization_id, congress_date);

-- A position held by a member in an organisation's committee during a term.
CREATE TABLE committee_position (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  term_id         bigint NOT NULL REFERENCES committee_term (id),
  organization_id bigint NOT NULL REFERENCES organization (id),
  position        text   NOT NULL CHECK (position IN ('SECRETARY', 'DEPUTY_SECRETARY', 'STANDING_MEMBER',
                                                      'COMMITTEE_MEMBER', 'INSPECTION_CHAIR',
                                                      'INSPECTION_DEPUTY_CHAIR', 'INSPECTION_MEMBER')),
  member_id       bigint NOT NULL REFERENCES member (id),
  -- the name as the decision wrote it (the register keeps the current one)
  member_name     text   NOT NULL,
  valid_from      date   NOT NULL,
  valid_to        date,
  filled_by       text   NOT NULL CHECK (filled_by IN ('ELECTED', 'APPOINTED')),
  decision_ref    text,
  closed_reason   text,
  recorded_by     text   NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  -- one member holds one position of one organisation at most once at a time
  EXCLUDE USING gist (organization_id WITH =, position WITH =, member_id WITH =,
                      daterange(valid_from, valid_to) WITH &&),
  -- a single seat (the secretary, the inspection committee's chair) has one holder at a time
  EXCLUDE USING gist (organization_id WITH =, position WITH =, daterange(valid_from, valid_to) WITH &&)
    WHERE (position IN ('SECRETARY', 'INSPECTION_CHAIR'))
);
CREATE INDEX committee_position_org_idx ON committee_position (organization_id, valid_from);
CREATE INDEX committee_position_member_idx ON committee_position (member_id, valid_from);

-- The fields a committee member may answer for: an editable list.
CREATE TABLE assignment_field (
  code        text    PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
  name        text    NOT NULL,
  sort_order  integer NOT NULL,
  active      boolean NOT NULL DEFAULT true,
  closed_reason text
);
INSERT INTO assignment_field (code, name, sort_order) VALUES
('ORGANIZATION', 'Công tác tổ chức, cán bộ, đảng viên', 10),
('INSPECTION', 'Công tác kiểm tra, giám sát', 20),
('PROPAGANDA', 'Công tác tuyên giáo', 30),
('MASS_MOBILISATION', 'Công tác dân vận', 40),
('YOUTH_UNION', 'Đoàn Thanh niên Cộng sản Hồ Chí Minh', 50),
('WOMEN', 'Công tác phụ nữ', 60),
('TRADE_UNION', 'Công đoàn', 70),
('DEFENCE_SECURITY', 'Quốc phòng, an ninh', 80);

-- Which committee member answers for which field (phân công cấp uỷ viên).
CREATE TABLE field_assignment (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  term_id         bigint NOT NULL REFERENCES committee_term (id),
  organization_id bigint NOT NULL REFERENCES organization (id),
  member_id       bigint NOT NULL REFERENCES member (id),
  member_name     text   NOT NULL,
  field_code      text   NOT NULL REFERENCES assignment_field (code),
  valid_from      date   NOT NULL,
  valid_to        date,
  decision_ref    text,
  closed_reason   text,
  recorded_by     text   NOT NULL,
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  EXCLUDE USING gist (organization_id WITH =, field_code WITH =, member_id WITH =,
                      daterange(valid_from, valid_to) WITH &&)
);
CREATE INDEX field_assignment_org_idx ON field_assignment (organization_id, valid_from);

-- Which committee member follows (phụ trách) which subordinate organisation.
CREATE TABLE follow_assignment (
  id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  term_id                  bigint NOT NULL REFERENCES committee_term (id),
  organization_id          bigint NOT NULL REFERENCES organization (id),
  member_id                bigint NOT NULL REFERENCES member (id),
  member_name              text   NOT NULL,
  followed_organization_id bigint NOT NULL REFERENCES organization (id),
  valid_from               date   NOT NULL,
  valid_to                 date,
  decision_ref             text,
  closed_reason            text,
  recorded_by              text   NOT NULL,
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  CHECK (followed_organization_id <> organization_id),
  -- one follower of a subordinate organisation at a time
  EXCLUDE USING gist (followed_organization_id WITH =, daterange(valid_from, valid_to) WITH &&)
);
CREATE INDEX follow_assignment_org_idx ON follow_assignment (organization_id, valid_from);
CREATE INDEX follow_assignment_followed_idx ON follow_assignment (followed_organization_id, valid_from);

-- Working regulations (quy chế làm việc) of a committee or its inspection committee, and coordination regulations
-- (quy chế phối hợp) with the agency head or, historically, a party delegation committee. Versions chain by amends_id.
CREATE TABLE regulation (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_id   bigint  NOT NULL REFERENCES organization (id),
  term_id           bigint  REFERENCES committee_term (id),
  kind              text    NOT NULL CHECK (kind IN ('WORKING', 'INSPECTION_WORKING', 'COORDINATION')),
  counterpart       text    CHECK (counterpart IN ('AGENCY_HEAD', 'BAN_CAN_SU_DANG', 'DANG_DOAN')),
  counterpart_name  text,
  symbol            text    NOT NULL,
  title             text    NOT NULL,
  version_no        integer NOT NULL DEFAULT 1,
  amends_id         bigint  REFERENCES regulation (id),
  adopted_on        date    NOT NULL,
  valid_to          date,
  closed_reason     text,
  attachment_name   text,
  attachment_type   text,
  attachment        bytea,
  recorded_by       text    NOT NULL,
  recorded_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to > adopted_on),
  CHECK ((kind = 'COORDINATION') = (counterpart IS NOT NULL)),
  -- one version of a kind of regulation (per counterpart) in force at a time
  EXCLUDE USING gist (organization_id WITH =, kind WITH =, (coalesce(counterpart, '')) WITH =,
                      daterange(adopted_on, valid_to) WITH &&)
);
CREATE INDEX regulation_org_idx ON regulation (organization_id, adopted_on);

-- Reviews of a regulation (rà soát): the age alert counts from the last one.
CREATE TABLE regulation_review (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  regulation_id bigint NOT NULL REFERENCES regulation (id),
  reviewed_on   date   NOT NULL,
  outcome       text,
  recorded_by   text   NOT NULL,
  recorded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX regulation_review_idx ON regulation_review (regulation_id, reviewed_on);

-- Periods in which an organisation's secretary is also the head of its agency (nhất thể hoá), or explicitly not.
CREATE TABLE secretary_agency_head (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_id bigint  NOT NULL REFERENCES organization (id),
  is_agency_head  boolean NOT NULL,
  valid_from      date    NOT NULL,
  valid_to        date,
  decision_ref    text,
  closed_reason   text,
  recorded_by     text    NOT NULL,
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  EXCLUDE USING gist (organization_id WITH =, daterange(valid_from, valid_to) WITH &&)
);

-- The functions-and-tasks checklist per organisation type; editable; the default is marked unverified.
CREATE TABLE function_checklist_item (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_type text    NOT NULL CHECK (organization_type IN ('DANG_BO_TINH', 'DANG_BO_CAP_TREN_CO_SO',
                            'DANG_BO_CO_SO', 'CHI_BO_CO_SO', 'DANG_BO_BO_PHAN', 'CHI_BO_TRUC_THUOC', 'TO_DANG')),
  text              text    NOT NULL,
  sort_order        integer NOT NULL,
  source_document   text    NOT NULL,
  verified          boolean NOT NULL DEFAULT false,
  valid_from        date    NOT NULL,
  valid_to          date,
  closed_reason     text,
  recorded_by       text    NOT NULL DEFAULT 'system',
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX function_checklist_item_type_idx ON function_checklist_item (organization_type, sort_order);

-- An organisation's yearly self-check of its functions and tasks, one answer per item.
CREATE TABLE function_self_check (
  organization_id bigint  NOT NULL REFERENCES organization (id),
  year            integer NOT NULL,
  item_id         bigint  NOT NULL REFERENCES function_checklist_item (id),
  done            boolean NOT NULL,
  note            text,
  recorded_by     text    NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, year, item_id)
);

-- Default checklist: from memory of QĐ 97-QĐ/TW and 98-QĐ/TW (2004) and the Statute; NOT verified (DOMAIN.md §1.7).
INSERT INTO function_checklist_item (organization_type, text, sort_order, source_document, valid_from)
SELECT t.type, i.text, i.sort_order, i.source, DATE '2004-01-01'
FROM (VALUES ('DANG_BO_CO_SO'), ('CHI_BO_CO_SO')) AS t (type)
CROSS JOIN (VALUES
  (10, 'Lãnh đạo thực hiện nhiệm vụ chính trị của cơ quan, đơn vị', 'Quy định 97-QĐ/TW, 98-QĐ/TW (2004), theo trí nhớ, chưa xác minh'),
  (20, 'Lãnh đạo công tác tư tưởng, học tập và quán triệt nghị quyết', 'Quy định 97-QĐ/TW, 98-QĐ/TW (2004), theo trí nhớ, chưa xác minh'),
  (30, 'Lãnh đạo công tác tổ chức, cán bộ; quản lý, phát triển đảng viên', 'Quy định 97-QĐ/TW, 98-QĐ/TW (2004), theo trí nhớ, chưa xác minh'),
  (40, 'Thực hiện công tác kiểm tra, giám sát, thi hành kỷ luật đảng', 'Điều lệ Đảng 2011, chương VII'),
  (50, 'Lãnh đạo các đoàn thể chính trị – xã hội trong cơ quan, đơn vị', 'Quy định 97-QĐ/TW, 98-QĐ/TW (2004), theo trí nhớ, chưa xác minh'),
  (60, 'Xây dựng và thực hiện quy chế làm việc, quy chế phối hợp với thủ trưởng cơ quan', 'Quy định 97-QĐ/TW, 98-QĐ/TW (2004), theo trí nhớ, chưa xác minh'),
  (70, 'Sinh hoạt định kỳ đúng quy định, nâng cao chất lượng sinh hoạt', 'Chỉ thị 50-CT/TW (2025); Hướng dẫn 42-HD/BTCTW (2025)')
) AS i (sort_order, text, source);
INSERT INTO function_checklist_item (organization_type, text, sort_order, source_document, valid_from)
SELECT t.type, i.text, i.sort_order, i.source, DATE '2004-01-01'
FROM (VALUES ('CHI_BO_TRUC_THUOC')) AS t (type)
CROSS JOIN (VALUES
  (10, 'Lãnh đạo thực hiện nhiệm vụ chuyên môn của bộ phận', 'Quy định 97-QĐ/TW, 98-QĐ/TW (2004), theo trí nhớ, chưa xác minh'),
  (20, 'Giáo dục, quản lý, phân công nhiệm vụ cho đảng viên', 'Quy định 97-QĐ/TW, 98-QĐ/TW (2004), theo trí nhớ, chưa xác minh'),
  (30, 'Sinh hoạt chi bộ hằng tháng đúng quy định', 'Chỉ thị 50-CT/TW (2025); Hướng dẫn 42-HD/BTCTW (2025)'),
  (40, 'Tạo nguồn, bồi dưỡng quần chúng ưu tú để kết nạp', 'Quy định 97-QĐ/TW, 98-QĐ/TW (2004), theo trí nhớ, chưa xác minh'),
  (50, 'Kiểm tra, giám sát đảng viên chấp hành nhiệm vụ', 'Điều lệ Đảng 2011, chương VII')
) AS i (sort_order, text, source);
INSERT INTO function_checklist_item (organization_type, text, sort_order, source_document, valid_from)
SELECT t.type, i.text, i.sort_order, i.source, DATE '2004-01-01'
FROM (VALUES ('DANG_BO_CAP_TREN_CO_SO')) AS t (type)
CROSS JOIN (VALUES
  (10, 'Lãnh đạo, chỉ đạo các tổ chức cơ sở đảng trực thuộc thực hiện nghị quyết', 'Quy định của Ban Bí thư về đảng bộ cấp trên cơ sở, theo trí nhớ, chưa xác minh'),
  (20, 'Phân công cấp uỷ viên phụ trách tổ chức cơ sở đảng', 'Quy định của Ban Bí thư về đảng bộ cấp trên cơ sở, theo trí nhớ, chưa xác minh'),
  (30, 'Kiểm tra, giám sát tổ chức đảng và đảng viên', 'Điều lệ Đảng 2011, chương VII'),
  (40, 'Tổng hợp, báo cáo cấp uỷ cấp trên', 'Quy định của Ban Bí thư về đảng bộ cấp trên cơ sở, theo trí nhớ, chưa xác minh')
) AS i (sort_order, text, source);

-- Rules of this module (DOMAIN.md §1.4, §1.5, §1.7). The cell-committee threshold of QĐ 294 is seeded in V2; the same
-- threshold under the earlier Statute regulations is added here as its earlier version.
INSERT INTO rule (rule_key, value, value_type, valid_from, valid_to, source_document, confidence, note) VALUES
('organization.cell-committee.min-full-members', '9', 'INTEGER', '2007-01-01', '2025-07-01',
 'Quy định thi hành Điều lệ Đảng trước QĐ 294 (QĐ 23-QĐ/TW 2007, QĐ 45-QĐ/TW 2011, QĐ 29-QĐ/TW 2016, QĐ 24-QĐ/TW 2021)', 'M',
 'Chi bộ có từ 9 đảng viên chính thức trở lên bầu chi uỷ (theo trí nhớ cho giai đoạn trước 01/7/2025; cần xác minh).'),
('committee.cell-committee.max-members', '7', 'INTEGER', '2025-07-01', NULL,
 'Quy định 294-QĐ/TW ngày 26/5/2025', 'V',
 'Chi uỷ của chi bộ đông đảng viên có tối đa 7 chi uỷ viên.'),
('committee.working-regulation.due-days', '90', 'INTEGER', '1930-01-01', NULL,
 'Thực tiễn công tác đảng (mỗi cấp uỷ ban hành quy chế làm việc đầu nhiệm kỳ); số ngày chưa xác minh', 'M',
 'Số ngày (theo lịch) sau đại hội mà cấp uỷ khoá mới phải ban hành quy chế làm việc.'),
('committee.regulation.review-months', '24', 'INTEGER', '1930-01-01', NULL,
 'Thực tiễn công tác đảng (rà soát, bổ sung quy chế); số tháng chưa xác minh', 'M',
 'Quy chế ban hành hoặc rà soát lần cuối quá số tháng này thì cần rà soát lại.'),
('committee.assignment.overload-count', '6', 'INTEGER', '1930-01-01', NULL,
 'Cấu hình của cấp uỷ (không có văn bản quy định)', 'M',
 'Một cấp uỷ viên được phân công quá số lĩnh vực và tổ chức phụ trách này thì bị coi là quá tải.'),
('committee.term.months', '60', 'INTEGER', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 11 và 22', 'V',
 'Nhiệm kỳ của đại hội đảng bộ (tháng).'),
('committee.term.months.subordinate-cell', '30', 'INTEGER', '1930-01-01', '2025-07-01',
 'Điều lệ Đảng 2011, Điều 24 (chi bộ trực thuộc đại hội hai lần trong nhiệm kỳ 5 năm)', 'V',
 'Nhiệm kỳ của chi bộ trực thuộc đảng uỷ cơ sở (tháng).'),
('committee.term.months.subordinate-cell', '60', 'INTEGER', '2025-07-01', NULL,
 'Quy định 294-QĐ/TW ngày 26/5/2025 (thí điểm đại hội chi bộ trực thuộc một lần trong 5 năm)', 'P',
 'Nhiệm kỳ của chi bộ trực thuộc đảng uỷ cơ sở (tháng).');
