-- Party fees: each member's fee category and base over time, exemptions and reductions, the monthly ledger, recorded
-- remittances between levels. Rates and retention shares are rules in the rule book.
CREATE TABLE fee_profile (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  member_id   bigint NOT NULL,
  category    text   NOT NULL CHECK (category IN ('SOCIAL_INSURANCE_SALARY', 'SICK_MATERNITY_BENEFIT', 'PENSION',
                                                   'STUDENT', 'OTHER')),
  base_amount bigint NOT NULL DEFAULT 0 CHECK (base_amount >= 0),
  voluntary_extra bigint NOT NULL DEFAULT 0 CHECK (voluntary_extra >= 0),
  valid_from  date   NOT NULL,
  valid_to    date,
  recorded_by text   NOT NULL,
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  EXCLUDE USING gist (member_id WITH =, daterange(valid_from, valid_to) WITH &&)
);

-- Exemptions (100%) and reductions (30/50/70%) approved on application, each for a bounded period.
CREATE TABLE fee_relief (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  member_id   bigint  NOT NULL,
  kind        text    NOT NULL CHECK (kind IN ('SOCIAL_PENSION', 'POVERTY', 'SERIOUS_ILLNESS', 'HARDSHIP')),
  percent     integer NOT NULL CHECK (percent BETWEEN 1 AND 100),
  valid_from  date    NOT NULL,
  valid_to    date,
  decision_ref text   NOT NULL,
  recorded_by text    NOT NULL,
  closed_reason text,
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX fee_relief_member_idx ON fee_relief (member_id, valid_from);

-- One row per member and month: what was due (and why), what was paid, how and when.
CREATE TABLE fee_ledger (
  member_id       bigint NOT NULL,
  month           date   NOT NULL CHECK (extract(day FROM month) = 1),
  organization_id bigint NOT NULL REFERENCES organization (id),
  member_name     text   NOT NULL,
  category        text   NOT NULL,
  base_amount     bigint NOT NULL,
  due             bigint NOT NULL CHECK (due >= 0),
  relief          text,
  paid            bigint NOT NULL DEFAULT 0 CHECK (paid >= 0),
  paid_on         date,
  channel         text CHECK (channel IN ('CASH', 'PORTAL')),
  payment_ref     text,
  unpaid_reason   text,
  version         integer NOT NULL DEFAULT 0,
  PRIMARY KEY (member_id, month)
);
CREATE INDEX fee_ledger_org_idx ON fee_ledger (organization_id, month);

-- Remittances actually made from one level to the next, for reconciliation with what the ledger says is due.
CREATE TABLE fee_remittance (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_id bigint NOT NULL REFERENCES organization (id),
  month           date   NOT NULL CHECK (extract(day FROM month) = 1),
  amount          bigint NOT NULL CHECK (amount >= 0),
  remitted_on     date   NOT NULL,
  reference       text   NOT NULL,
  recorded_by     text   NOT NULL
);
CREATE INDEX fee_remittance_org_idx ON fee_remittance (organization_id, month);

INSERT INTO rule (rule_key, value, value_type, valid_from, valid_to, source_document, confidence, note) VALUES
-- Quyết định 342-QĐ/TW (28/12/2010), until 31/01/2026
('fee.percent.SOCIAL_INSURANCE_SALARY', '1', 'DECIMAL', '2011-01-01', '2026-02-01',
 'Quyết định 342-QĐ/TW ngày 28/12/2010', 'M', '1% tiền lương hằng tháng (theo trí nhớ, chưa đối chiếu văn bản).'),
('fee.percent.SICK_MATERNITY_BENEFIT', '1', 'DECIMAL', '2011-01-01', '2026-02-01',
 'Quyết định 342-QĐ/TW ngày 28/12/2010', 'M', 'Tính như tiền lương (chưa xác minh).'),
('fee.percent.PENSION', '0.5', 'DECIMAL', '2011-01-01', '2026-02-01',
 'Quyết định 342-QĐ/TW ngày 28/12/2010', 'M', '0,5% lương hưu (chưa đối chiếu văn bản).'),
('fee.amount.STUDENT', '2000', 'INTEGER', '2011-01-01', '2026-02-01',
 'Quyết định 342-QĐ/TW ngày 28/12/2010 (mức cố định 2.000–30.000 đ)', 'P', 'Mức thấp nhất của khung cố định.'),
('fee.amount.OTHER', '2000', 'INTEGER', '2011-01-01', '2026-02-01',
 'Quyết định 342-QĐ/TW ngày 28/12/2010 (mức cố định 2.000–30.000 đ)', 'V', 'Mức cố định; cấp uỷ có thể sửa trong khung 2.000–30.000 đ.'),
('fee.over-working-age.percent', '50', 'INTEGER', '2011-01-01', '2026-02-01',
 'Quyết định 342-QĐ/TW ngày 28/12/2010', 'V', 'Đảng viên ngoài độ tuổi lao động đóng 50% mức cố định.'),
('fee.working-age.NAM', '60', 'INTEGER', '2011-01-01', '2026-02-01', 'Bộ luật Lao động 2012', 'M', 'Tuổi hết độ tuổi lao động (nam).'),
('fee.working-age.NU', '55', 'INTEGER', '2011-01-01', '2026-02-01', 'Bộ luật Lao động 2012', 'M', 'Tuổi hết độ tuổi lao động (nữ).'),
-- Quy định 01-QĐ/TW (03/02/2026), applied from 01/02/2026
('fee.percent.SOCIAL_INSURANCE_SALARY', '1', 'DECIMAL', '2026-02-01', NULL,
 'Quy định 01-QĐ/TW ngày 03/02/2026', 'V', '1% tiền lương làm căn cứ đóng BHXH của tháng trước.'),
('fee.percent.SICK_MATERNITY_BENEFIT', '1', 'DECIMAL', '2026-02-01', NULL,
 'Quy định 01-QĐ/TW ngày 03/02/2026', 'V', '1% trợ cấp ốm đau, thai sản.'),
('fee.percent.PENSION', '0.5', 'DECIMAL', '2026-02-01', NULL,
 'Quy định 01-QĐ/TW ngày 03/02/2026', 'V', '0,5% lương hưu.'),
('fee.amount.STUDENT', '5000', 'INTEGER', '2026-02-01', NULL,
 'Quy định 01-QĐ/TW ngày 03/02/2026', 'V', 'Học sinh, sinh viên: 5.000 đ/tháng.'),
('fee.amount.OTHER', '10000', 'INTEGER', '2026-02-01', NULL,
 'Quy định 01-QĐ/TW ngày 03/02/2026 (mức cho đối tượng khác chưa xác minh)', 'M', 'Mức tạm tính, sửa khi có văn bản hướng dẫn.'),
('fee.exempt.party-age-years', '50', 'INTEGER', '2026-02-01', NULL,
 'Quy định 01-QĐ/TW ngày 03/02/2026, Điều 5', 'V', 'Miễn đảng phí khi có từ 50 năm tuổi đảng trở lên.'),
('fee.reduction.percents', '30,50,70', 'TEXT', '2026-02-01', NULL,
 'Quy định 01-QĐ/TW ngày 03/02/2026, Điều 5', 'V', 'Giảm 30%, 50% hoặc 70% cho đảng viên khó khăn.'),
('fee.relief.max-months', '12', 'INTEGER', '2026-02-01', NULL,
 'Quy định 01-QĐ/TW ngày 03/02/2026, Điều 5', 'V', 'Mỗi lần xét miễn, giảm tối đa 12 tháng.'),
('fee.reduction.percents', '30,50,70', 'TEXT', '2011-01-01', '2026-02-01',
 'Thực tiễn theo Quyết định 342-QĐ/TW (chưa xác minh)', 'M', 'Giữ như năm 2026 cho dữ liệu lịch sử.'),
('fee.relief.max-months', '12', 'INTEGER', '2011-01-01', '2026-02-01',
 'Thực tiễn theo Quyết định 342-QĐ/TW (chưa xác minh)', 'M', 'Giữ như năm 2026 cho dữ liệu lịch sử.'),
('fee.base.previous-month', 'true', 'BOOLEAN', '2026-02-01', NULL,
 'Quy định 01-QĐ/TW ngày 03/02/2026', 'V', 'Căn cứ tính là tiền lương đóng BHXH của tháng trước.'),
('fee.base.previous-month', 'false', 'BOOLEAN', '2011-01-01', '2026-02-01',
 'Quyết định 342-QĐ/TW ngày 28/12/2010', 'M', 'Tính theo tiền lương của tháng.'),
('fee.arrears.removal-months', '3', 'INTEGER', '2026-02-01', NULL,
 'Quy định 01-QĐ/TW ngày 03/02/2026', 'V', 'Không đóng đảng phí 3 tháng trong năm không có lý do: xem xét xoá tên.'),
-- Retention shares (percent kept by the level; the rest goes to the level above)
('fee.retention.CHI_BO_TRUC_THUOC', '30', 'INTEGER', '2011-01-01', '2026-02-01',
 'Quyết định 342-QĐ/TW ngày 28/12/2010', 'V', 'Chi bộ trực thuộc đảng uỷ cơ sở giữ 30–50% (mặc định 30%).'),
('fee.retention.DANG_BO_BO_PHAN', '0', 'INTEGER', '2011-01-01', '2026-02-01',
 'Quyết định 342-QĐ/TW ngày 28/12/2010 (không quy định riêng)', 'M', 'Đảng bộ bộ phận chuyển toàn bộ lên đảng uỷ cơ sở.'),
('fee.retention.DANG_BO_CO_SO', '70', 'INTEGER', '2011-01-01', '2026-02-01',
 'Quyết định 342-QĐ/TW ngày 28/12/2010', 'V', 'Tổ chức cơ sở đảng ở cơ quan, doanh nghiệp giữ 70%, nộp 30%.'),
('fee.retention.CHI_BO_CO_SO', '70', 'INTEGER', '2011-01-01', '2026-02-01',
 'Quyết định 342-QĐ/TW ngày 28/12/2010', 'V', 'Tổ chức cơ sở đảng ở cơ quan, doanh nghiệp giữ 70%, nộp 30%.'),
('fee.retention.DANG_BO_CAP_TREN_CO_SO', '50', 'INTEGER', '2011-01-01', '2026-02-01',
 'Quyết định 342-QĐ/TW ngày 28/12/2010', 'V', 'Mỗi cấp trên cơ sở giữ 50%, nộp 50%.'),
('fee.retention.DANG_BO_TINH', '100', 'INTEGER', '2011-01-01', '2026-02-01',
 'Quyết định 342-QĐ/TW ngày 28/12/2010', 'M', 'Cấp cao nhất trong hệ thống giữ phần nhận được (phần nộp Trung ương ngoài phạm vi).'),
('fee.retention.CHI_BO_TRUC_THUOC', '30', 'INTEGER', '2026-02-01', NULL,
 'Quy định 01-QĐ/TW ngày 03/02/2026 (tỷ lệ chưa tìm thấy)', 'M', 'Chưa xác minh: giữ như năm 2010 cho đến khi có hướng dẫn.'),
('fee.retention.DANG_BO_BO_PHAN', '0', 'INTEGER', '2026-02-01', NULL,
 'Quy định 01-QĐ/TW ngày 03/02/2026 (tỷ lệ chưa tìm thấy)', 'M', 'Chưa xác minh.'),
('fee.retention.DANG_BO_CO_SO', '70', 'INTEGER', '2026-02-01', NULL,
 'Quy định 01-QĐ/TW ngày 03/02/2026 (tỷ lệ chưa tìm thấy)', 'M', 'Chưa xác minh: giữ như năm 2010.'),
('fee.retention.CHI_BO_CO_SO', '70', 'INTEGER', '2026-02-01', NULL,
 'Quy định 01-QĐ/TW ngày 03/02/2026 (tỷ lệ chưa tìm thấy)', 'M', 'Chưa xác minh: giữ như năm 2010.'),
('fee.retention.DANG_BO_CAP_TREN_CO_SO', '50', 'INTEGER', '2026-02-01', NULL,
 'Quy định 01-QĐ/TW ngày 03/02/2026 (tỷ lệ chưa tìm thấy)', 'M', 'Chưa xác minh: giữ như năm 2010.'),
('fee.retention.DANG_BO_TINH', '100', 'INTEGER', '2026-02-01', NULL,
 'Quy định 01-QĐ/TW ngày 03/02/2026 (tỷ lệ chưa tìm thấy)', 'M', 'Chưa xác minh.');
