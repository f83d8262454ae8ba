-- Committees, second part: the one-deputy limit of cells, and a working regulation's document taken from the
-- document register (the upload stays for documents the register does not hold).

INSERT INTO rule (rule_key, value, value_type, valid_from, valid_to, source_document, confidence, note) VALUES
('committee.cell.deputy-secretaries.max', '1', 'INTEGER', '2007-01-01', '2025-07-01',
 'Quy định thi hành Điều lệ Đảng trước QĐ 294 (QĐ 23-QĐ/TW 2007, QĐ 45-QĐ/TW 2011, QĐ 29-QĐ/TW 2016, QĐ 24-QĐ/TW 2021)', 'M',
 'Chi bộ bầu bí thư và một phó bí thư (theo trí nhớ cho giai đoạn trước 01/7/2025; cần xác minh).'),
('committee.cell.deputy-secretaries.max', '1', 'INTEGER', '2025-07-01', NULL,
 'Quy định 294-QĐ/TW ngày 26/5/2025', 'V',
 'Chi bộ có chi uỷ bầu bí thư và một phó bí thư trong số chi uỷ viên; chi bộ chưa có chi uỷ bầu bí thư và, nếu cần, một phó bí thư.');

-- the document of the register that holds the regulation (the document module's id; checked through its API)
ALTER TABLE regulation ADD COLUMN document_id bigint;
