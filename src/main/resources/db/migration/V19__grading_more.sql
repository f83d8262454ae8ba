-- Grading, second part: what other modules knew of a reviewed subject when it was last assessed or proposed
-- (GradingInputs: attendance, resolution tasks, discipline), so the decision and the page use the same facts;
-- and the rules that use them.
ALTER TABLE grading_review
  ADD COLUMN known_on            date,
  ADD COLUMN known_held          integer,
  ADD COLUMN known_attended      integer,
  ADD COLUMN known_unexcused     integer,
  ADD COLUMN known_tasks_total   integer,
  ADD COLUMN known_tasks_on_time integer,
  ADD COLUMN known_tasks_late    integer,
  ADD COLUMN known_tasks_not_done integer,
  ADD COLUMN known_disciplined   integer NOT NULL DEFAULT 0,
  ADD CONSTRAINT grading_review_known_tasks_ck CHECK (known_tasks_total IS NULL
      OR known_tasks_on_time + known_tasks_late + known_tasks_not_done = known_tasks_total);

INSERT INTO rule (rule_key, value, value_type, valid_from, valid_to, source_document, confidence, note) VALUES
('grading.member.disciplined.max-grade', 'KHTNV', 'TEXT', '1930-01-01', NULL,
 'Quy định 132-QĐ/TW (2018); Quy định 124-QĐ/TW (2023); Quy định 366-QĐ/TW (2025) (chưa xác minh nguyên văn)', 'P',
 'Đảng viên bị thi hành kỷ luật trong kỳ đánh giá (mỗi vi phạm tính một lần) xếp loại không cao hơn mức này. Chưa xác minh nguyên văn; sửa trong Sổ quy định khi biết.'),
('grading.consequence.unexcused-absences', '3', 'INTEGER', '1930-01-01', NULL,
 'Quy định 24-QĐ/TW (2021), mục 8.1 (xoá tên: bỏ sinh hoạt đảng 3 tháng trong năm không có lý do chính đáng)', 'P',
 'Số buổi sinh hoạt vắng không lý do trong kỳ từ đó đảng viên được nêu để chi bộ xem xét xoá tên (quy đổi 3 tháng thành 3 buổi sinh hoạt thường kỳ: lựa chọn mô hình hoá).');

-- A review row is written once and updated two or three times (self-assessment, proposal, decision, publication);
-- free room in each page lets those updates stay on the page without touching the indexes (HOT updates).
ALTER TABLE grading_review SET (fillfactor = 70);
