-- Column mappings for importing the vote results of the national app (Sổ tay đảng viên điện tử) from CSV or XLSX.
-- The export's layout is not published: the mapping is data, edited on the settings page.
CREATE TABLE vote_mapping (
  id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name                   text NOT NULL UNIQUE,
  subject_column         text NOT NULL,
  kind_column            text,
  for_column             text NOT NULL,
  against_column         text NOT NULL,
  abstain_column         text NOT NULL,
  present_column         text,
  resolution_values      text NOT NULL DEFAULT '',
  admission_values       text NOT NULL DEFAULT '',
  full_membership_values text NOT NULL DEFAULT '',
  personnel_values       text NOT NULL DEFAULT '',
  updated_by             text NOT NULL DEFAULT 'system',
  version                integer NOT NULL DEFAULT 0
);
INSERT INTO vote_mapping (name, subject_column, kind_column, for_column, against_column, abstain_column, present_column,
  resolution_values, admission_values, full_membership_values, personnel_values) VALUES
('Sổ tay đảng viên điện tử — biểu quyết', 'Nội dung biểu quyết', 'Loại biểu quyết', 'Tán thành', 'Không tán thành',
 'Không biểu quyết', 'Số đảng viên chính thức có mặt', 'Nghị quyết|Kết luận|Thông qua nghị quyết',
 'Kết nạp đảng viên|Kết nạp', 'Công nhận đảng viên chính thức|Chuyển đảng chính thức', 'Công tác cán bộ|Nhân sự'),
('CSV: kind, subject, for, against, abstain, present', 'subject', 'kind', 'for', 'against', 'abstain', 'present',
 'RESOLUTION', 'ADMISSION', 'FULL_MEMBERSHIP', 'PERSONNEL');
