-- The member file (hồ sơ đảng viên): the 3×4 photo and scanned documents attached to it
-- (HD 12-HD/BTCTW 2022 Part II §1.1; DOMAIN.md §2.1–2.2). Files are checked by content, never by
-- name, and never deleted: a replaced photo and a withdrawn document are closed with a date.

CREATE TABLE member_photo (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  member_id     bigint NOT NULL REFERENCES member (id),
  kind          text   NOT NULL CHECK (kind IN ('PNG', 'JPEG')),
  size_bytes    bigint NOT NULL,
  sha256        text   NOT NULL,
  content       bytea  NOT NULL,
  valid_from    date   NOT NULL,
  valid_to      date,
  closed_reason text,
  uploaded_by   text   NOT NULL,
  uploaded_at   timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  CHECK ((valid_to IS NULL) = (closed_reason IS NULL))
);
-- one photo in force per member
CREATE UNIQUE INDEX member_photo_current_idx ON member_photo (member_id) WHERE valid_to IS NULL;
CREATE INDEX member_photo_member_idx ON member_photo (member_id, id);

CREATE TABLE member_document (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  member_id     bigint NOT NULL REFERENCES member (id),
  kind          text   NOT NULL,
  document_date date   NOT NULL,
  note          text,
  file_name     text   NOT NULL,
  file_kind     text   NOT NULL CHECK (file_kind IN ('PDF', 'PNG', 'JPEG')),
  size_bytes    bigint NOT NULL,
  sha256        text   NOT NULL,
  content       bytea  NOT NULL,
  uploaded_by   text   NOT NULL,
  uploaded_at   timestamptz NOT NULL DEFAULT now(),
  closed_on     date,
  closed_reason text,
  closed_by     text,
  CHECK ((closed_on IS NULL) = (closed_reason IS NULL))
);
CREATE INDEX member_document_member_idx ON member_document (member_id, document_date);

INSERT INTO rule (rule_key, value, value_type, valid_from, valid_to, source_document, confidence, note) VALUES
('member.file.photo.max-bytes', '2097152', 'INTEGER', '1990-01-01', NULL,
 'Cấu hình hệ thống (đề xuất; ảnh 3×4 cm quét ở 300 dpi dưới 1 MB; hỏi Ban Tổ chức)', 'M',
 'Dung lượng tối đa của ảnh 3×4 trong hồ sơ đảng viên, tính bằng byte (2 MB).'),
('member.file.document.max-bytes', '10485760', 'INTEGER', '1990-01-01', NULL,
 'Cấu hình hệ thống (theo giới hạn tệp đính kèm văn bản document.attachment.max-bytes; hỏi Văn phòng Đảng uỷ)', 'M',
 'Dung lượng tối đa của một tài liệu quét đính kèm hồ sơ đảng viên, tính bằng byte (10 MB).');
