-- The rule book: every band, quota, rate, deadline, limitation period and pattern, effective-dated, with its source.
CREATE TABLE rule (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  rule_key        text    NOT NULL,
  value           text    NOT NULL,
  value_type      text    NOT NULL CHECK (value_type IN ('INTEGER', 'DECIMAL', 'TEXT', 'PATTERN', 'BOOLEAN')),
  valid_from      date    NOT NULL,
  valid_to        date,
  source_document text    NOT NULL,
  confidence      text    NOT NULL CHECK (confidence IN ('V', 'P', 'M')),
  note            text,
  closed_reason   text,
  updated_by      text    NOT NULL DEFAULT 'system',
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 0,
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  -- two versions of one rule never overlap in time
  EXCLUDE USING gist (rule_key WITH =, daterange(valid_from, valid_to) WITH &&)
);
CREATE INDEX rule_key_idx ON rule (rule_key, valid_from);

INSERT INTO rule (rule_key, value, value_type, valid_from, valid_to, source_document, confidence, note) VALUES
('organization.party-organization.min-full-members', '3', 'INTEGER', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 21; Quy định 294-QĐ/TW (2025)', 'V',
 'Một đơn vị có từ 3 đảng viên chính thức trở lên thì lập tổ chức đảng; một chi bộ có ít hơn 3 đảng viên chính thức là vi phạm.'),
('organization.grassroots-cell.max-members', '30', 'INTEGER', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 21', 'V',
 'Chi bộ cơ sở có từ 30 đảng viên trở lên phải lập đảng bộ cơ sở (hoặc có văn bản đồng ý của cấp trên).'),
('organization.grassroots-committee.min-members', '30', 'INTEGER', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 21', 'V',
 'Đảng bộ cơ sở có từ 30 đảng viên trở lên; ít hơn cần văn bản đồng ý của cấp trên.'),
('organization.cell-committee.min-full-members', '9', 'INTEGER', '2025-07-01', NULL,
 'Quy định 294-QĐ/TW ngày 26/5/2025', 'V',
 'Chi bộ có từ 9 đảng viên chính thức trở lên bầu chi uỷ.'),
('member.card-number.pattern', '^\d{8}$', 'PATTERN', '2003-01-01', NULL,
 'Chỉ thị 29-CT/TW (2003); mẫu 2-HSĐV', 'V',
 'Số thẻ đảng viên 8 chữ số. Định dạng thẻ mới theo Chỉ thị 51-CT/TW (2025) chưa được xác minh: khi biết, đóng quy tắc này và thêm bản mới.'),
('member.life-history-number.pattern', '^\d{6}[A-ZĐ]{1,3}$', 'PATTERN', '1930-01-01', NULL,
 'Mẫu 2-HSĐV (phiếu đảng viên); HD 12-HD/BTCTW 2022', 'P',
 'Số lý lịch: 6 chữ số và 1–3 chữ cái mã đảng bộ tỉnh (tập chữ cái chưa xác minh).'),
('member.citizen-id.pattern', '^\d{12}$', 'PATTERN', '2016-01-01', NULL,
 'Luật Căn cước 2023; Luật Căn cước công dân 2014', 'V', 'Số định danh cá nhân 12 chữ số.'),
('member.probation.months', '12', 'INTEGER', '1930-01-01', NULL,
 'Điều lệ Đảng 2011, Điều 5; Quy định 294-QĐ/TW', 'V', 'Thời gian dự bị 12 tháng.'),
('member.admission.min-age-months', '216', 'INTEGER', '2011-01-01', NULL,
 'Quy định 24-QĐ/TW 2021; Quy định 294-QĐ/TW', 'V', 'Đủ 18 tuổi (tính theo tháng) vào ngày chi bộ xét kết nạp.'),
('member.admission.max-age-months', '720', 'INTEGER', '2011-01-01', NULL,
 'Quy định 24-QĐ/TW 2021; Quy định 294-QĐ/TW', 'V', 'Đủ 60 tuổi (tính theo tháng); trên 60 tuổi cần quyết định của tỉnh uỷ.');
