package vn.capuy.report;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import vn.capuy.FullTest;
import vn.capuy.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main pages render for a signed-in user with the sample committee, in Vietnamese,
 * with the figures a user expects to see.
 */
@FullTest
class PagesTests {

	@LocalServerPort
	int port;

	Http browser;

	@BeforeEach
	void login() {
		this.browser = new Http(this.port);
		assertThat(this.browser.login("lanhdao", "demo").statusCode()).isEqualTo(302);
	}

	@Test
	void theTreeOnTheStoryDateShowsTheBlocWithItsMembers() {
		HttpResponse<String> page = this.browser.get("/organizations?asOf=2012-10-31");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Cây tổ chức đảng")
			.contains("Đảng bộ Khối các cơ quan tỉnh")
			.contains("ngày 31 tháng 10 năm 2012")
			.contains("chính thức");
	}

	@Test
	void theTreeShowsTwoLevelsAndLoadsDeeperOnesOnDemand() {
		String page = this.browser.get("/organizations?asOf=2012-10-31").body();
		java.util.regex.Matcher lazy = java.util.regex.Pattern
			.compile("hx-get=\"/organizations/(\\d+)/children\\?asOf=2012-10-31\"")
			.matcher(page);
		assertThat(lazy.find()).isTrue();
		HttpResponse<String> children = this.browser
			.get("/organizations/" + lazy.group(1) + "/children?asOf=2012-10-31");
		assertThat(children.statusCode()).isEqualTo(200);
		assertThat(children.body()).contains("Chi bộ").contains("chính thức").doesNotContain("<html");
		assertThat(this.browser.get("/organizations/999999/children").statusCode()).isEqualTo(404);
	}

	@Test
	void theHomePageShowsTheScopesFiguresAndAlerts() {
		HttpResponse<String> page = this.browser.get("/");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Xin chào").contains("Đảng viên").contains("Cảnh báo");
	}

	@Test
	void theMemberListFindsANameTypedWithoutDiacritics() {
		HttpResponse<String> page = this.browser.get("/members?q=tran+xuan+vinh&asOf=2012-10-31");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Trần Xuân Vĩnh");
	}

	@Test
	void theOrganizationPageShowsHistoryAndSuccessors() {
		// two blocs carry this name in 2012 (Quảng Bình's and Quảng Trị's); Quảng Bình's
		// was renamed in 2010
		String json = this.browser.get("/api/v1/organizations?asOf=2012-10-31").body();
		java.util.regex.Matcher m = java.util.regex.Pattern
			.compile("\\{\"id\":(\\d+),\"name\":\"Đảng bộ Khối các cơ quan tỉnh\"")
			.matcher(json);
		String renamed = null;
		while (m.find()) {
			String body = this.browser.get("/organizations/" + m.group(1) + "?asOf=2012-10-31").body();
			if (body.contains("Đảng bộ Khối các cơ quan Dân Chính Đảng tỉnh")) {
				renamed = body;
			}
		}
		assertThat(renamed).isNotNull()
			.contains("Lịch sử")
			.contains("Đổi tên")
			.contains("Tổ chức kế thừa")
			.contains("chia tách ngày 01/02/2025");
	}

	@Test
	void theRuleBookAndCalendarPagesRender() {
		assertThat(this.browser.get("/rules").body()).contains("Sổ quy định").contains("Chỉ thị 29-CT/TW");
		assertThat(this.browser.get("/calendar?year=2025&from=2025-01-20&days=30").body())
			.contains("ngày 10 tháng 03 năm 2025");
	}

}
