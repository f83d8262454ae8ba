package vn.capuy.rulebook;

import vn.capuy.FullTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The calendar's JSON API: deadlines, the days off of a year, bad input as 400, and no
 * answer without login.
 */
@FullTest
class WorkingDayCalendarHttpTests {

	@Autowired
	WebApplicationContext context;

	MockMvc mvc;

	/**
	 * Boot 4 moved the MockMvc security set-up to spring-boot-security-test, which this
	 * build does not have: apply Spring Security's test support by hand so that
	 * {@code @WithMockUser} reaches the filter chain.
	 */
	@BeforeEach
	void mockMvcWithSecurity() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	@WithMockUser
	void theDeadlineOfThirtyWorkingDaysFromTheTwentiethOfJanuary2025IsTheTenthOfMarch() throws Exception {
		this.mvc.perform(get("/api/v1/calendar/working-days").param("from", "2025-01-20").param("days", "30"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.date").value("2025-03-10"));
	}

	@Test
	@WithMockUser
	void daysOff2026ListEveryAnnouncedDayWithReasonAndSource() throws Exception {
		this.mvc.perform(get("/api/v1/calendar/days-off").param("year", "2026"))
			.andExpect(status().isOk())
			// Tết Dương lịch (computed, 1 day) + 21 announced OFF rows of 2026
			.andExpect(jsonPath("$.total").value(22))
			.andExpect(jsonPath("$.items[0].date").value("2026-01-01"))
			.andExpect(jsonPath("$.items[1].date").value("2026-02-14"))
			.andExpect(jsonPath("$.items[1].reason").value("Tết Nguyên đán"))
			.andExpect(jsonPath("$.items[1].source", containsString("9859/VPCP-KGVX")));
	}

	@Test
	@WithMockUser
	void aMalformedStartDateIsABadRequestNamingTheField() throws Exception {
		this.mvc.perform(get("/api/v1/calendar/working-days").param("from", "20/01/2025").param("days", "3"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("from"))
			.andExpect(jsonPath("$.messageKey").value("calendar.from.invalid"));
	}

	@Test
	@WithMockUser
	void aNegativeOrMissingNumberOfDaysIsABadRequest() throws Exception {
		this.mvc.perform(get("/api/v1/calendar/working-days").param("from", "2025-01-20").param("days", "-1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("days"));
		this.mvc.perform(get("/api/v1/calendar/working-days").param("from", "2025-01-20"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("days"));
	}

	@Test
	@WithMockUser
	void aYearOutsideTheCalendarIsABadRequestExplainedInVietnamese() throws Exception {
		this.mvc.perform(get("/api/v1/calendar/days-off").param("year", "abc").header("Accept-Language", "vi"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("year"))
			.andExpect(jsonPath("$.detail").value("Năm phải là số nguyên từ 1900 đến 2199."));
	}

	@Test
	void theCalendarApiNeedsALogin() throws Exception {
		this.mvc.perform(get("/api/v1/calendar/days-off").param("year", "2025")).andExpect(status().isUnauthorized());
	}

}
