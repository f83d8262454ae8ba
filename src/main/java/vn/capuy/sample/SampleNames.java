package vn.capuy.sample;

import java.util.List;
import java.util.Random;
import java.util.Set;

import vn.capuy.membership.Sex;

/**
 * Invented Vietnamese full names for the sample register: weighted common surnames, a
 * middle name and a given name by sex. Given names that can carry their tone mark in two
 * places ({@code Thuỷ}/{@code Thủy}, {@code Hoà}/{@code Hòa}) come out in both spellings,
 * as real registers hold them.
 */
final class SampleNames {

	/** Surnames with their weights, roughly as common as in Vietnam. */
	private static final List<Weighted> SURNAMES = List.of(new Weighted("Nguyễn", 30), new Weighted("Trần", 11),
			new Weighted("Lê", 10), new Weighted("Phạm", 7), new Weighted("Hoàng", 6), new Weighted("Võ", 5),
			new Weighted("Phan", 5), new Weighted("Hồ", 4), new Weighted("Đặng", 3), new Weighted("Bùi", 3),
			new Weighted("Đỗ", 3), new Weighted("Ngô", 3), new Weighted("Dương", 2), new Weighted("Đinh", 2),
			new Weighted("Trương", 2), new Weighted("Lý", 1), new Weighted("Mai", 1), new Weighted("Cao", 1),
			new Weighted("Lương", 1), new Weighted("Hà", 1), new Weighted("Lưu", 1), new Weighted("Đoàn", 1),
			new Weighted("Thái", 1));

	private static final List<String> MALE_MIDDLE = List.of("Văn", "Văn", "Văn", "Đức", "Hữu", "Quang", "Minh", "Xuân",
			"Thanh", "Ngọc", "Công", "Đình", "Anh", "Trọng", "Quốc", "Hồng", "Tiến", "Mạnh", "Duy", "Thế");

	private static final List<String> FEMALE_MIDDLE = List.of("Thị", "Thị", "Thị", "Thị", "Thu", "Thanh", "Ngọc",
			"Hồng", "Minh", "Phương", "Kim", "Diệu", "Mai", "Lan", "Bảo");

	/** A given name; a slash separates the two tone placements of the same name. */
	private static final List<String> MALE_GIVEN = List.of("Anh", "Bình", "Cường", "Dũng", "Đạt", "Định", "Đông", "Đức",
			"Giang", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy", "Hưng", "Khánh", "Khoa", "Lâm", "Long", "Lợi", "Minh",
			"Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tài", "Tân", "Thắng", "Thành", "Tiến", "Toàn",
			"Trung", "Tuấn", "Tùng", "Việt", "Vũ", "Hoà/Hòa", "Thuỵ/Thụy", "Uý/Úy", "Khoẻ/Khỏe", "Thuận", "Lộc", "Hậu",
			"Trí", "Hoài", "Chiến", "Thịnh");

	private static final List<String> FEMALE_GIVEN = List.of("Anh", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh",
			"Hằng", "Hiền", "Hoa", "Hoà/Hòa", "Hồng", "Huệ", "Hương", "Lan", "Liên", "Linh", "Loan", "Mai", "Nga",
			"Ngân", "Nhung", "Oanh", "Phương", "Quỳnh", "Tâm", "Thảo", "Thuỷ/Thủy", "Thuý/Thúy", "Trang", "Tuyết",
			"Vân", "Yến", "Hoè/Hòe", "Thoả/Thỏa", "Xuân", "Lý", "Nhàn", "Hậu", "Thơ");

	private final Random random;

	private final Set<String> reserved;

	SampleNames(Random random, Set<String> reserved) {
		this.random = random;
		this.reserved = reserved;
	}

	/** A person's invented name and sex. */
	record Person(String fullName, Sex sex) {
	}

	/** The next invented person; names kept for the searchable members never come out. */
	Person next() {
		while (true) {
			Sex sex = this.random.nextInt(100) < 46 ? Sex.NU : Sex.NAM;
			String surname = surname();
			List<String> middles = (sex == Sex.NAM) ? MALE_MIDDLE : FEMALE_MIDDLE;
			String middle = pick(middles);
			if (this.random.nextInt(100) < 12) {
				String second = pick(middles);
				if (!second.equals(middle) && !"Thị".equals(second) && !"Văn".equals(second)) {
					middle = middle + " " + second;
				}
			}
			String given = spelling(pick((sex == Sex.NAM) ? MALE_GIVEN : FEMALE_GIVEN));
			String fullName = surname + " " + middle + " " + given;
			if (!this.reserved.contains(fullName)) {
				return new Person(fullName, sex);
			}
		}
	}

	private String surname() {
		int total = SURNAMES.stream().mapToInt(Weighted::weight).sum();
		int n = this.random.nextInt(total);
		for (Weighted w : SURNAMES) {
			n -= w.weight();
			if (n < 0) {
				return w.value();
			}
		}
		throw new IllegalStateException();
	}

	private String spelling(String given) {
		int slash = given.indexOf('/');
		if (slash < 0) {
			return given;
		}
		return this.random.nextBoolean() ? given.substring(0, slash) : given.substring(slash + 1);
	}

	private String pick(List<String> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private record Weighted(String value, int weight) {
	}

}
