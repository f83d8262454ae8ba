package vn.capuy.identity;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains: the JSON API (session cookie or HTTP Basic; 401 as a problem body,
 * never a redirect) and the pages (form login, CSRF). Both deny by default and send
 * strict security headers. A user with the second factor on passes
 * {@link SecondFactorFilter} only after the code.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt by default, with the algorithm named in each hash so it can be upgraded
		// later
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		RequestMatcher basicAuthCall = (request) -> {
			String header = request.getHeader("Authorization");
			return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
		};
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((auth) -> auth.anyRequest().authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(problemEntryPoint()))
			.exceptionHandling(
					(ex) -> ex.authenticationEntryPoint(problemEntryPoint()).accessDeniedHandler(problemAccessDenied()))
			.csrf((csrf) -> csrf.ignoringRequestMatchers(basicAuthCall))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
			.addFilterAfter(new SecondFactorFilter(), AuthorizationFilter.class)
			.headers(this::headers);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((auth) -> auth
			.requestMatchers("/login", "/setup", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
					"/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
			.authenticated()
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			.addFilterAfter(new SecondFactorFilter(), AuthorizationFilter.class)
			.headers(this::headers)
			.csrf(Customizer.withDefaults());
		return http.build();
	}

	private void headers(
			org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CSP))
			.referrerPolicy((ref) -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
			.frameOptions((frame) -> frame.deny());
	}

	private static AuthenticationEntryPoint problemEntryPoint() {
		return (request, response, ex) -> {
			if (ex instanceof org.springframework.security.authentication.InternalAuthenticationServiceException) {
				// the user store (the database) is away: not the caller's fault
				writeProblem(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Tạm thời không phục vụ được",
						"Cơ sở dữ liệu tạm thời không truy cập được; hãy thử lại sau ít phút.");
				return;
			}
			response.setHeader("WWW-Authenticate", "Basic realm=\"capuy\"");
			writeProblem(response, HttpServletResponse.SC_UNAUTHORIZED, "Chưa đăng nhập",
					"Cần đăng nhập (phiên làm việc hoặc HTTP Basic) để gọi API này.");
		};
	}

	private static AccessDeniedHandler problemAccessDenied() {
		return (request, response, ex) -> writeProblem(response, HttpServletResponse.SC_FORBIDDEN, "Không có quyền",
				"Vai trò của bạn không được phép thực hiện thao tác này.");
	}

	static void writeProblem(HttpServletResponse response, int status, String title, String detail)
			throws java.io.IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
				+ detail + "\"}";
		response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
	}

	@Bean
	LoginAttempts loginAttempts(Users users) {
		return new LoginAttempts(users);
	}

	/** Counts failures per account for the lock-out, and clears them on success. */
	static class LoginAttempts {

		private final Users users;

		LoginAttempts(Users users) {
			this.users = users;
		}

		@EventListener
		void failed(AbstractAuthenticationFailureEvent event) {
			this.users.loginFailed(event.getAuthentication().getName());
		}

		@EventListener
		void succeeded(AuthenticationSuccessEvent event) {
			this.users.loginSucceeded(event.getAuthentication().getName());
		}

	}

}
