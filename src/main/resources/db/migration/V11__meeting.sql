-- Cell meetings (sinh hoạt chi bộ), grassroots committee meetings and review conferences: the plan, preparation,
-- attendance, minutes with resolutions and tasks, votes and quality. DOMAIN.md §1.6, §4.

INSERT INTO rule (rule_key, value, value_type, valid_from, valid_to, source_document, confidence, note) VALUES
('meeting.regular.day-of-month', '5', 'INTEGER', '1930-01-01', '2025-07-23',
 'Mặc định của hệ thống (trước Chỉ thị 50-CT/TW mỗi chi bộ tự chọn ngày)', 'M',
 'Ngày sinh hoạt chi bộ thường kỳ trước ngày 23/7/2025: cấu hình, mặc định ngày 05 hằng tháng.'),
('meeting.regular.day-of-month', '3', 'INTEGER', '2025-07-23', NULL,
 'Chỉ thị 50-CT/TW ngày 23/7/2025 của Ban Bí thư', 'V',
 'Toàn Đảng sinh hoạt chi bộ thường kỳ vào ngày 3 hằng tháng.'),
('meeting.regular.non-working-day', 'NEXT_WORKING_DAY', 'TEXT', '1930-01-01', NULL,
 'Thực tiễn các tỉnh (Hậu Giang 2023); chưa có văn bản trung ương', 'M',
 'Khi ngày sinh hoạt không phải ngày làm việc: NEXT_WORKING_DAY (ngày làm việc kế tiếp), PREVIOUS_WORKING_DAY (ngày làm việc liền trước) hoặc KEEP (giữ nguyên).'),
('meeting.committee.day-of-month', '1', 'INTEGER', '1930-01-01', NULL,
 'QĐ 24-QĐ/TW 2021 (đảng uỷ cơ sở họp thường kỳ hằng tháng); ngày họp: mặc định của hệ thống', 'M',
 'Ngày họp thường kỳ hằng tháng của đảng uỷ cơ sở (trước ngày sinh hoạt chi bộ).'),
('meeting.thematic.per-quarter', '1', 'INTEGER', '1930-01-01', NULL,
 'HD 09-HD/BTCTW 2012; HD 12-HD/BTCTW 2018 (thực tiễn)', 'M',
 'Số buổi sinh hoạt chuyên đề tối thiểu mỗi quý.'),
('meeting.grassroots-review.dates', '07-15,12-20', 'TEXT', '1930-01-01', NULL,
 'QĐ 24-QĐ/TW 2021 (tổ chức cơ sở đảng sinh hoạt định kỳ 6 tháng và cuối năm); ngày: mặc định của hệ thống', 'P',
 'Tháng-ngày của hội nghị sơ kết 6 tháng và tổng kết năm của tổ chức cơ sở đảng.'),
('meeting.removal.unexcused-months', '3', 'INTEGER', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 8; QĐ 294-QĐ/TW', 'V',
 'Đảng viên bỏ sinh hoạt chi bộ không có lý do chính đáng 3 tháng trong năm thì chi bộ xem xét, đề nghị xoá tên.'),
('meeting.min-duration.minutes', '60', 'INTEGER', '1930-01-01', '2025-10-28',
 'Mặc định của hệ thống trước HD 42-HD/BTCTW', 'M', 'Thời lượng tối thiểu một buổi sinh hoạt chi bộ (phút).'),
('meeting.min-duration.minutes', '90', 'INTEGER', '2025-10-28', NULL,
 'Hướng dẫn 42-HD/BTCTW ngày 28/10/2025', 'V', 'Thời lượng tối thiểu một buổi sinh hoạt chi bộ: 90 phút.'),
('meeting.min-duration.combined-minutes', '90', 'INTEGER', '1930-01-01', '2025-10-28',
 'Mặc định của hệ thống trước HD 42-HD/BTCTW', 'M',
 'Thời lượng tối thiểu khi sinh hoạt thường kỳ kết hợp chuyên đề (phút).'),
('meeting.min-duration.combined-minutes', '120', 'INTEGER', '2025-10-28', NULL,
 'Hướng dẫn 42-HD/BTCTW ngày 28/10/2025', 'V',
 'Sinh hoạt thường kỳ kết hợp chuyên đề trong cùng buổi: tối thiểu 120 phút.'),
('meeting.documents.days-before', '1', 'INTEGER', '2025-10-28', NULL,
 'Hướng dẫn 42-HD/BTCTW ngày 28/10/2025', 'V',
 'Tài liệu sinh hoạt được đưa lên ứng dụng Sổ tay đảng viên điện tử ít nhất 1 ngày trước buổi sinh hoạt.'),
('meeting.vote.quorum', '>=2/3', 'TEXT', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 10 (hội nghị có giá trị khi có ít nhất hai phần ba số thành viên triệu tập)', 'P',
 'Số có mặt tối thiểu so với số có quyền biểu quyết để biểu quyết có giá trị.'),
('meeting.vote.majority', '>1/2', 'TEXT', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 10 (quyết định được quá nửa số thành viên tán thành)', 'P',
 'Số tán thành cần có so với số có quyền biểu quyết để nghị quyết được thông qua.'),
('meeting.vote.admission', '>=2/3', 'TEXT', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 4 (ít nhất hai phần ba số đảng viên chính thức tán thành)', 'V',
 'Kết nạp đảng viên: số đảng viên chính thức tán thành cần có.'),
('meeting.vote.full-membership', '>=2/3', 'TEXT', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 5 (ít nhất hai phần ba số đảng viên chính thức tán thành)', 'V',
 'Công nhận đảng viên chính thức: số đảng viên chính thức tán thành cần có.');


CREATE TABLE meeting (
  id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_id        bigint  NOT NULL REFERENCES organization (id),
  kind                   text    NOT NULL CHECK (kind IN ('REGULAR', 'THEMATIC', 'COMMITTEE', 'MID_YEAR_REVIEW',
                                                          'YEAR_END_REVIEW', 'REVIEW_CONFERENCE', 'AD_HOC')),
  period                 text,
  scheduled_on           date    NOT NULL,
  planned_on             date    NOT NULL,
  held_on                date,
  status                 text    NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'HELD', 'NOT_HELD')),
  not_held_reason        text,
  title                  text,
  place                  text,
  subject                text,
  combined_with_thematic boolean NOT NULL DEFAULT false,
  duration_minutes       integer CHECK (duration_minutes IS NULL OR duration_minutes > 0),
  content_agreed_on      date,
  follower_notified_on   date,
  documents_uploaded_on  date,
  expected_count         integer,
  present_count          integer,
  late_count             integer,
  excused_count          integer,
  unexcused_count        integer,
  exempt_count           integer,
  attendance_rows        boolean NOT NULL DEFAULT false,
  created_by             text    NOT NULL,
  created_at             timestamptz NOT NULL DEFAULT now(),
  version                integer NOT NULL DEFAULT 0,
  CHECK ((status = 'HELD') = (held_on IS NOT NULL))
);
-- one scheduled meeting of a kind per organisation and period (2026-03, 2026-Q1, 2026-H1); ad-hoc ones have none
CREATE UNIQUE INDEX meeting_period_uq ON meeting (organization_id, kind, period) WHERE period IS NOT NULL;
CREATE INDEX meeting_org_date_idx ON meeting (organization_id, scheduled_on);
CREATE INDEX meeting_date_idx ON meeting (scheduled_on);

-- Every move of a meeting's date, with its reason.
CREATE TABLE meeting_move (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id  bigint NOT NULL REFERENCES meeting (id),
  from_date   date   NOT NULL,
  to_date     date   NOT NULL,
  reason      text   NOT NULL,
  moved_by    text   NOT NULL,
  moved_at    timestamptz NOT NULL DEFAULT now()
);

-- In-app notification records (the national app sends the members' invitations).
CREATE TABLE meeting_notification (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id      bigint NOT NULL REFERENCES meeting (id),
  recipient_name  text   NOT NULL,
  recipient_user  bigint,
  recipient_role  text   NOT NULL,
  message         text   NOT NULL,
  created_by      text   NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  read_at         timestamptz
);

-- The superior committee's monthly meeting guidance (định hướng sinh hoạt) for its whole subtree.
CREATE TABLE meeting_guidance (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_id bigint NOT NULL REFERENCES organization (id),
  month           date   NOT NULL CHECK (extract(day FROM month) = 1),
  title           text   NOT NULL,
  body            text   NOT NULL,
  created_by      text   NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  closed_reason   text
);

-- Editable agenda templates: the system's default (organization_id NULL) or a superior committee's own.
CREATE TABLE agenda_template (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_id bigint REFERENCES organization (id),
  kind            text   NOT NULL,
  items           text   NOT NULL,
  updated_by      text   NOT NULL DEFAULT 'system',
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX agenda_template_uq ON agenda_template (coalesce(organization_id, 0), kind);

INSERT INTO agenda_template (kind, items) VALUES
('REGULAR', E'FEES|Thu đảng phí tháng\nOPENING|Khai mạc; báo cáo tình hình đảng viên (chính thức, dự bị, miễn sinh hoạt, có mặt, vắng có lý do); thông qua chương trình; cử thư ký\nREPORT|Báo cáo kết quả lãnh đạo tháng trước; phương hướng, nhiệm vụ tháng tới\nINFORMATION|Phổ biến văn bản, chỉ thị của cấp trên; định hướng sinh hoạt của cấp uỷ cấp trên\nDISCUSSION|Thảo luận; phê bình và tự phê bình; kết luận; phân công nhiệm vụ cho đảng viên\nVOTE|Biểu quyết thông qua nghị quyết (giơ tay, sau đó trên ứng dụng Sổ tay đảng viên)\nPERSONNEL|Công tác cán bộ, phát triển đảng viên (nếu có)\nQUALITY|Chấm điểm chất lượng buổi sinh hoạt\nCLOSING|Đọc và thông qua biên bản; bế mạc'),
('THEMATIC', E'OPENING|Khai mạc; báo cáo tình hình đảng viên; thông qua chương trình; cử thư ký\nSTUDY|Báo cáo chuyên đề\nDISCUSSION|Thảo luận, liên hệ bản thân; phê bình và tự phê bình; kết luận\nVOTE|Biểu quyết thông qua kết luận\nCLOSING|Đọc và thông qua biên bản; bế mạc'),
('COMMITTEE', E'OPENING|Khai mạc; thông qua chương trình\nREPORT|Đánh giá kết quả lãnh đạo tháng; nhiệm vụ tháng tới; định hướng sinh hoạt cho các chi bộ\nDISCUSSION|Thảo luận; kết luận; phân công cấp uỷ viên\nCLOSING|Đọc và thông qua biên bản; bế mạc'),
('MID_YEAR_REVIEW', E'OPENING|Khai mạc; giới thiệu đại biểu\nREPORT|Báo cáo sơ kết 6 tháng\nDISCUSSION|Tham luận, thảo luận; phát biểu của đại biểu cấp trên\nVOTE|Kết luận; biểu quyết\nCLOSING|Bế mạc'),
('YEAR_END_REVIEW', E'OPENING|Khai mạc; giới thiệu đại biểu\nREPORT|Báo cáo tổng kết năm; kiểm điểm tập thể cấp uỷ\nDISCUSSION|Tham luận, thảo luận; phê bình và tự phê bình; phát biểu của đại biểu cấp trên\nVOTE|Kết luận; biểu quyết\nCLOSING|Bế mạc'),
('REVIEW_CONFERENCE', E'OPENING|Khai mạc; giới thiệu đại biểu\nREPORT|Báo cáo sơ kết / tổng kết\nDISCUSSION|Tham luận; phát biểu chỉ đạo\nVOTE|Kết luận\nCLOSING|Bế mạc'),
('AD_HOC', E'OPENING|Khai mạc; thông qua chương trình\nDISCUSSION|Nội dung; kết luận\nCLOSING|Đọc và thông qua biên bản; bế mạc');

-- The meeting's agenda, drawn from the template and the guidance, editable until minutes exist.
CREATE TABLE agenda_item (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id  bigint  NOT NULL REFERENCES meeting (id),
  position    integer NOT NULL,
  kind        text    NOT NULL,
  title       text    NOT NULL,
  guidance_id bigint  REFERENCES meeting_guidance (id)
);
CREATE INDEX agenda_item_meeting_idx ON agenda_item (meeting_id, position);

-- One row per member expected at a meeting (when the roll was typed or imported).
CREATE TABLE attendance (
  meeting_id  bigint NOT NULL REFERENCES meeting (id),
  member_id   bigint NOT NULL,
  member_name text   NOT NULL,
  status      text   NOT NULL CHECK (status IN ('PRESENT', 'LATE', 'ABSENT_EXCUSED', 'ABSENT_UNEXCUSED', 'EXEMPT')),
  reason      text,
  PRIMARY KEY (meeting_id, member_id),
  CHECK (status <> 'ABSENT_EXCUSED' OR reason IS NOT NULL)
);
CREATE INDEX attendance_member_idx ON attendance (member_id, status);

-- Column mappings for importing the national app's attendance export (CSV or XLSX).
CREATE TABLE attendance_mapping (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name            text NOT NULL UNIQUE,
  name_column     text NOT NULL,
  card_column     text,
  status_column   text NOT NULL,
  reason_column   text,
  present_values  text NOT NULL,
  late_values     text NOT NULL,
  excused_values  text NOT NULL,
  unexcused_values text NOT NULL,
  updated_by      text NOT NULL DEFAULT 'system',
  version         integer NOT NULL DEFAULT 0
);
INSERT INTO attendance_mapping (name, name_column, card_column, status_column, reason_column, present_values,
  late_values, excused_values, unexcused_values) VALUES
('Sổ tay đảng viên điện tử', 'Họ và tên', 'Số thẻ đảng viên', 'Điểm danh', 'Lý do',
 'Có mặt|Tham dự|x', 'Đến muộn|Muộn', 'Vắng có lý do|Có lý do|P', 'Vắng không lý do|Không lý do|KP');

-- Minutes (biên bản): each version of a meeting's minutes; a correction is a new version linked to the one it corrects.
CREATE TABLE minutes (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id        bigint  NOT NULL REFERENCES meeting (id),
  version_no        integer NOT NULL,
  corrects_id       bigint  REFERENCES minutes (id),
  correction_reason text,
  status            text    NOT NULL CHECK (status IN ('DRAFT', 'APPROVED', 'LOCKED')),
  superseded        boolean NOT NULL DEFAULT false,
  chair_name        text,
  recorder_name     text,
  opening           text,
  resolution        text,
  closing           text,
  approved_on       date,
  locked_on         date,
  created_by        text    NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  version           integer NOT NULL DEFAULT 0,
  UNIQUE (meeting_id, version_no)
);
CREATE UNIQUE INDEX minutes_current_uq ON minutes (meeting_id) WHERE NOT superseded;

CREATE TABLE minutes_item (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  minutes_id  bigint  NOT NULL REFERENCES minutes (id),
  position    integer NOT NULL,
  kind        text    NOT NULL,
  title       text    NOT NULL,
  report      text,
  conclusion  text
);
CREATE INDEX minutes_item_idx ON minutes_item (minutes_id, position);

-- Who spoke and what; criticism and self-criticism are marked.
CREATE TABLE minutes_speech (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  item_id      bigint  NOT NULL REFERENCES minutes_item (id),
  speaker_name text    NOT NULL,
  member_id    bigint,
  content      text    NOT NULL,
  criticism    boolean NOT NULL DEFAULT false
);

-- Tasks of a resolution, assigned to named members with deadlines, followed until done.
CREATE TABLE meeting_task (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id    bigint NOT NULL REFERENCES meeting (id),
  minutes_id    bigint NOT NULL REFERENCES minutes (id),
  description   text   NOT NULL,
  assignee_id   bigint,
  assignee_name text   NOT NULL,
  due_on        date   NOT NULL,
  done_on       date,
  done_note     text,
  closed_reason text,
  created_by    text   NOT NULL,
  version       integer NOT NULL DEFAULT 0
);
CREATE INDEX meeting_task_open_idx ON meeting_task (due_on) WHERE done_on IS NULL AND closed_reason IS NULL;

CREATE TABLE meeting_vote (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id     bigint  NOT NULL REFERENCES meeting (id),
  subject        text    NOT NULL,
  kind           text    NOT NULL CHECK (kind IN ('RESOLUTION', 'ADMISSION', 'FULL_MEMBERSHIP', 'PERSONNEL')),
  votes_for      integer NOT NULL CHECK (votes_for >= 0),
  votes_against  integer NOT NULL CHECK (votes_against >= 0),
  abstentions    integer NOT NULL CHECK (abstentions >= 0),
  entitled       integer NOT NULL,
  present        integer NOT NULL,
  quorum_rule    text    NOT NULL,
  majority_rule  text    NOT NULL,
  quorum_met     boolean NOT NULL,
  passed         boolean NOT NULL,
  source         text    NOT NULL CHECK (source IN ('TYPED', 'IMPORTED')),
  created_by     text    NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);

-- Delegates of a conference: invited, attending, speaking.
CREATE TABLE meeting_delegate (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id  bigint  NOT NULL REFERENCES meeting (id),
  name        text    NOT NULL,
  role        text,
  attended    boolean NOT NULL DEFAULT false,
  speaker     boolean NOT NULL DEFAULT false
);

-- Quality scoring sheets per superior committee (organization_id NULL: the system's default), effective-dated.
CREATE TABLE quality_sheet (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_id bigint REFERENCES organization (id),
  name            text   NOT NULL,
  kinds           text   NOT NULL,
  good_min        integer NOT NULL,
  fair_min        integer NOT NULL,
  average_min     integer NOT NULL,
  valid_from      date   NOT NULL,
  valid_to        date,
  source_document text   NOT NULL,
  updated_by      text   NOT NULL DEFAULT 'system',
  CHECK (good_min > fair_min AND fair_min > average_min AND average_min >= 0)
);
CREATE TABLE quality_criterion (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sheet_id   bigint  NOT NULL REFERENCES quality_sheet (id),
  position   integer NOT NULL,
  label      text    NOT NULL,
  max_points integer NOT NULL CHECK (max_points > 0)
);
CREATE TABLE quality_score (
  meeting_id bigint  PRIMARY KEY REFERENCES meeting (id),
  sheet_id   bigint  REFERENCES quality_sheet (id),
  total      integer NOT NULL,
  band       text    NOT NULL CHECK (band IN ('TOT', 'KHA', 'TRUNG_BINH', 'KEM')),
  points     text,
  scored_by  text    NOT NULL,
  scored_at  timestamptz NOT NULL DEFAULT now()
);

INSERT INTO quality_sheet (name, kinds, good_min, fair_min, average_min, valid_from, source_document) VALUES
('Phiếu chấm điểm buổi sinh hoạt chi bộ (mặc định)', 'REGULAR,THEMATIC,COMMITTEE', 90, 70, 50, '1930-01-01',
 'Mặc định của hệ thống theo mẫu Biểu 1, QĐ 27-QĐ/TU Nghệ An 2023 (các tỉnh tự quy định)');
INSERT INTO quality_criterion (sheet_id, position, label, max_points)
SELECT s.id, v.position, v.label, v.max_points FROM quality_sheet s,
 (VALUES (1, 'Chuẩn bị: nội dung được chi uỷ thống nhất, thông báo, tài liệu gửi trước', 15),
         (2, 'Thời gian, thời lượng và tỉ lệ đảng viên dự', 15),
         (3, 'Tính lãnh đạo: nghị quyết có nhiệm vụ giao cho từng đảng viên', 25),
         (4, 'Tính giáo dục: thông tin thời sự, học tập, quán triệt', 20),
         (5, 'Tính chiến đấu: phê bình và tự phê bình', 15),
         (6, 'Biên bản đầy đủ, thông qua tại buổi sinh hoạt', 10)) AS v (position, label, max_points);
