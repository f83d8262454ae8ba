package vn.capuy.membership;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.Fixtures;
import vn.capuy.FullTest;
import vn.capuy.Http;
import vn.capuy.identity.Role;
import vn.capuy.organization.OrganizationType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two users correct the same member through the form, each from the page they opened: the
 * first is saved; the second gets a clear conflict message (409) that shows the other's
 * change, their own typing is kept in the form, and nothing is silently overwritten.
 */
@FullTest
class ConcurrentEditTests {

	private static final LocalDate ON = LocalDate.of(2025, 3, 1);

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void theSecondOfTwoUsersEditingOneMemberSeesTheOthersChangeAndOverwritesNothing() {
		long root = this.fixtures.root("Đảng bộ Sửa Đồng Thời", ON.minusYears(1));
		long cell = this.fixtures.child(root, OrganizationType.CHI_BO_CO_SO, "Chi bộ Sửa Đồng Thời", ON.minusYears(1));
		long member = this.fixtures.member(cell, "Hoàng Văn Đồng", ON);
		Http first = login(this.fixtures.user("sua-a", Role.ORGANIZATION_BOARD, root));
		Http second = login(this.fixtures.user("sua-b", Role.OFFICE, root));

		// both open the form of the same version
		Map<String, String> formOfFirst = fields(first.get("/members/" + member + "/edit").body());
		Map<String, String> formOfSecond = fields(second.get("/members/" + member + "/edit").body());
		assertThat(formOfFirst.get("version")).isEqualTo(formOfSecond.get("version")).isNotBlank();
		assertThat(formOfFirst.get("fullName")).isEqualTo("Hoàng Văn Đồng");

		formOfFirst.put("fullName", "Hoàng Văn Đông");
		HttpResponse<String> saved = first.postForm("/members/" + member, formOfFirst);
		assertThat(saved.statusCode()).isEqualTo(302);

		formOfSecond.put("fullName", "Hoàng Văn Động");
		HttpResponse<String> refused = second.postForm("/members/" + member, formOfSecond);
		assertThat(refused.statusCode()).isEqualTo(409);
		// the message says someone else changed it and shows their change (name and
		// version); the second user's typing is still in the form
		assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(refused.body()))
			.contains("đã được người khác sửa")
			.contains("Bản hiện tại của Hoàng Văn Đông")
			.contains("value=\"Hoàng Văn Động\"");
		assertThat(this.jdbc.sql("SELECT full_name FROM member WHERE id = :id")
			.param("id", member)
			.query(String.class)
			.single()).isEqualTo("Hoàng Văn Đông");
	}

	private Http login(long userId) {
		Http http = new Http(this.port);
		String name = this.fixtures.username(userId);
		assertThat(http.login(name, "secret-" + name).statusCode()).isEqualTo(302);
		return http;
	}

	/** The form's fields as the browser would send them (inputs and selected options). */
	private static Map<String, String> fields(String html) {
		Map<String, String> form = new LinkedHashMap<>();
		Matcher input = Pattern.compile("<input[^>]*>").matcher(html);
		while (input.find()) {
			String tag = input.group();
			String name = attribute(tag, "name");
			if (name != null) {
				String value = attribute(tag, "value");
				form.put(name, value == null ? "" : value);
			}
		}
		Matcher select = Pattern.compile("(?s)<select[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>").matcher(html);
		while (select.find()) {
			Matcher selected = Pattern.compile("<option[^>]*value=\"([^\"]*)\"[^>]*selected").matcher(select.group(2));
			form.put(select.group(1), selected.find() ? selected.group(1) : "");
		}
		return form;
	}

	private static String attribute(String tag, String name) {
		Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
		return m.find() ? org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1)) : null;
	}

}
