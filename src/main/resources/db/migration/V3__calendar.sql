-- The working-day calendar: statutory public holidays (effective-dated, with their source) and the days the
-- Government announces each year (days off, swapped days, make-up Saturdays).

-- One version of one statutory holiday. The days off are [anchor + first_day_offset, + days); the anchor is the
-- solar date month/day, or for LUNAR the lunar date month/day (through LunarCalendar, UTC+7) of the year.
-- valid_to is exclusive, as in the rule table.
CREATE TABLE holiday_rule (
  id                   bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code                 text    NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
  name                 text    NOT NULL,
  calendar_kind        text    NOT NULL CHECK (calendar_kind IN ('SOLAR', 'LUNAR')),
  month                integer NOT NULL CHECK (month BETWEEN 1 AND 12),
  day                  integer NOT NULL CHECK (day BETWEEN 1 AND 31),
  days                 integer NOT NULL CHECK (days BETWEEN 1 AND 15),
  first_day_offset     integer NOT NULL DEFAULT 0 CHECK (first_day_offset BETWEEN -15 AND 15),
  -- a holiday day on Saturday or Sunday gives a day off on the next working day (nghỉ bù)
  weekend_compensation boolean NOT NULL,
  -- the holiday code used by the yearly announcements (calendar_day.holiday_code): announced days of that code
  -- replace the computed days of this rule in their year
  announced_as         text    NOT NULL,
  valid_from           date    NOT NULL,
  valid_to             date,
  source_document      text    NOT NULL,
  confidence           text    NOT NULL CHECK (confidence IN ('V', 'P', 'M')),
  note                 text,
  updated_by           text    NOT NULL DEFAULT 'system',
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  EXCLUDE USING gist (code WITH =, daterange(valid_from, valid_to) WITH &&)
);

-- Bộ luật Lao động 1994 (Luật 35-L/CTN, in force 1/1/1995), Art. 73, as amended; before 1/5/2013.
INSERT INTO holiday_rule (code, name, calendar_kind, month, day, days, first_day_offset, weekend_compensation,
  announced_as, valid_from, valid_to, source_document, confidence, note) VALUES
('TET_DUONG_LICH', 'Tết Dương lịch', 'SOLAR', 1, 1, 1, 0, true, 'TET_DUONG_LICH', '1995-01-01', '2013-05-01',
 'Bộ luật Lao động 1994, Điều 73(1)(a); nghỉ bù: Điều 73(2)', 'P',
 '1 ngày (1/1). Điều khoản theo văn bản sửa đổi 2002/2006/2007, chưa đối chiếu bản gốc.'),
('TET', 'Tết Nguyên đán', 'LUNAR', 1, 1, 4, -1, true, 'TET', '1995-01-01', '2013-05-01',
 'Bộ luật Lao động 1994, Điều 73(1)(b); nghỉ bù: Điều 73(2)', 'P',
 '4 ngày: ngày cuối năm âm lịch và 3 ngày đầu năm mới (ngày -1 đến ngày 3 tháng Giêng).'),
('CHIEN_THANG', 'Ngày Chiến thắng', 'SOLAR', 4, 30, 1, 0, true, '30-4_1-5', '1995-01-01', '2013-05-01',
 'Bộ luật Lao động 1994, Điều 73(1)(c); nghỉ bù: Điều 73(2)', 'P', '1 ngày (30/4).'),
('LAO_DONG', 'Ngày Quốc tế Lao động', 'SOLAR', 5, 1, 1, 0, true, '30-4_1-5', '1995-01-01', '2013-05-01',
 'Bộ luật Lao động 1994, Điều 73(1)(d); nghỉ bù: Điều 73(2)', 'P', '1 ngày (1/5).'),
('QUOC_KHANH', 'Quốc khánh', 'SOLAR', 9, 2, 1, 0, true, 'QUOC_KHANH', '1995-01-01', '2013-05-01',
 'Bộ luật Lao động 1994, Điều 73(1)(đ); nghỉ bù: Điều 73(2)', 'P', '1 ngày (2/9).'),
('GIO_TO', 'Giỗ Tổ Hùng Vương', 'LUNAR', 3, 10, 1, 0, true, 'GIO_TO', '2007-01-01', '2013-05-01',
 'Luật số 84/2007/QH11 sửa đổi, bổ sung Điều 73 Bộ luật Lao động (02/4/2007)', 'P',
 '1 ngày (10/3 âm lịch), nghỉ lần đầu năm 2007. Số hiệu và ngày hiệu lực của luật sửa đổi ghi theo trí nhớ, chưa đối chiếu.');

-- Bộ luật Lao động 2012 (Luật 10/2012/QH13, in force 1/5/2013), Art. 115; nghỉ bù Art. 110(3).
INSERT INTO holiday_rule (code, name, calendar_kind, month, day, days, first_day_offset, weekend_compensation,
  announced_as, valid_from, valid_to, source_document, confidence, note) VALUES
('TET_DUONG_LICH', 'Tết Dương lịch', 'SOLAR', 1, 1, 1, 0, true, 'TET_DUONG_LICH', '2013-05-01', '2021-01-01',
 'Bộ luật Lao động 2012, Điều 115(1)(a); nghỉ bù: Điều 110(3)', 'P', '1 ngày (1/1).'),
('TET', 'Tết Nguyên đán', 'LUNAR', 1, 1, 5, -1, true, 'TET', '2013-05-01', '2021-01-01',
 'Bộ luật Lao động 2012, Điều 115(1)(b); nghỉ bù: Điều 110(3)', 'P',
 '5 ngày. Thủ tướng quyết định cụ thể ngày nghỉ hằng năm; khi chưa có thông báo, mặc định ngày cuối năm âm lịch và 4 ngày đầu năm mới [M].'),
('CHIEN_THANG', 'Ngày Chiến thắng', 'SOLAR', 4, 30, 1, 0, true, '30-4_1-5', '2013-05-01', '2021-01-01',
 'Bộ luật Lao động 2012, Điều 115(1)(c); nghỉ bù: Điều 110(3)', 'P', '1 ngày (30/4).'),
('LAO_DONG', 'Ngày Quốc tế Lao động', 'SOLAR', 5, 1, 1, 0, true, '30-4_1-5', '2013-05-01', '2021-01-01',
 'Bộ luật Lao động 2012, Điều 115(1)(d); nghỉ bù: Điều 110(3)', 'P', '1 ngày (1/5).'),
('QUOC_KHANH', 'Quốc khánh', 'SOLAR', 9, 2, 1, 0, true, 'QUOC_KHANH', '2013-05-01', '2021-01-01',
 'Bộ luật Lao động 2012, Điều 115(1)(đ); nghỉ bù: Điều 110(3)', 'P', '1 ngày (2/9).'),
('GIO_TO', 'Giỗ Tổ Hùng Vương', 'LUNAR', 3, 10, 1, 0, true, 'GIO_TO', '2013-05-01', '2021-01-01',
 'Bộ luật Lao động 2012, Điều 115(1)(e); nghỉ bù: Điều 110(3)', 'P', '1 ngày (10/3 âm lịch).');

-- Bộ luật Lao động 2019 (Luật 45/2019/QH14, in force 1/1/2021), Art. 112(1); Thủ tướng quyết định cụ thể
-- ngày nghỉ Tết và ngày nghỉ Quốc khánh thứ hai: Art. 112(3); nghỉ bù: Art. 111(3).
INSERT INTO holiday_rule (code, name, calendar_kind, month, day, days, first_day_offset, weekend_compensation,
  announced_as, valid_from, valid_to, source_document, confidence, note) VALUES
('TET_DUONG_LICH', 'Tết Dương lịch', 'SOLAR', 1, 1, 1, 0, true, 'TET_DUONG_LICH', '2021-01-01', NULL,
 'Bộ luật Lao động 2019, Điều 112(1)(a); nghỉ bù: Điều 111(3)', 'V', '1 ngày (1/1).'),
('TET', 'Tết Nguyên đán', 'LUNAR', 1, 1, 5, -1, true, 'TET', '2021-01-01', NULL,
 'Bộ luật Lao động 2019, Điều 112(1)(b), 112(3); nghỉ bù: Điều 111(3)', 'V',
 '5 ngày (V). Thủ tướng quyết định cụ thể ngày nghỉ hằng năm; khi chưa có thông báo, mặc định ngày cuối năm âm lịch và 4 ngày đầu năm mới [M].'),
('CHIEN_THANG', 'Ngày Chiến thắng', 'SOLAR', 4, 30, 1, 0, true, '30-4_1-5', '2021-01-01', NULL,
 'Bộ luật Lao động 2019, Điều 112(1)(c); nghỉ bù: Điều 111(3)', 'V', '1 ngày (30/4).'),
('LAO_DONG', 'Ngày Quốc tế Lao động', 'SOLAR', 5, 1, 1, 0, true, '30-4_1-5', '2021-01-01', NULL,
 'Bộ luật Lao động 2019, Điều 112(1)(d); nghỉ bù: Điều 111(3)', 'V', '1 ngày (1/5).'),
('QUOC_KHANH', 'Quốc khánh', 'SOLAR', 9, 2, 2, -1, true, 'QUOC_KHANH', '2021-01-01', NULL,
 'Bộ luật Lao động 2019, Điều 112(1)(đ), 112(3); nghỉ bù: Điều 111(3)', 'M',
 '2 ngày (V): 2/9 và 1 ngày liền kề trước hoặc sau do Thủ tướng quyết định; khi chưa có thông báo, mặc định ngày liền trước (1/9) [M].'),
('GIO_TO', 'Giỗ Tổ Hùng Vương', 'LUNAR', 3, 10, 1, 0, true, 'GIO_TO', '2021-01-01', NULL,
 'Bộ luật Lao động 2019, Điều 112(1)(e); nghỉ bù: Điều 111(3)', 'V', '1 ngày (10/3 âm lịch).');

-- Days announced for a year: OFF (every day of an announced break, including the Saturdays and Sundays inside it)
-- or MAKE_UP_WORKDAY (a Saturday worked in exchange for a swapped weekday). For a year and holiday code with any
-- open OFF row, the open rows replace the days computed from holiday_rule. Rows are never deleted: an administrator
-- closes a row (closed_at) and announces the correct one. Seeded at start-up from reference/holidays-announced.csv.
CREATE TABLE calendar_day (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  day               date   NOT NULL,
  kind              text   NOT NULL CHECK (kind IN ('OFF', 'MAKE_UP_WORKDAY')),
  holiday_code      text   NOT NULL CHECK (holiday_code ~ '^[A-Z0-9][A-Z0-9_-]*$'),
  source_document   text   NOT NULL,
  confidence        text   NOT NULL CHECK (confidence IN ('V', 'P', 'M')),
  -- the confidence in the words of the reference table ("verified in a found text", "derived: …")
  confidence_detail text,
  note              text,
  created_by        text   NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  closed_at         timestamptz,
  closed_by         text,
  closed_reason     text,
  CHECK ((closed_at IS NULL) = (closed_by IS NULL))
);
-- one open announcement per date
CREATE UNIQUE INDEX calendar_day_open_day_idx ON calendar_day (day) WHERE closed_at IS NULL;
CREATE INDEX calendar_day_day_idx ON calendar_day (day);
