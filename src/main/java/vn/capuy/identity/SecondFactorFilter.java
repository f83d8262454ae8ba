package vn.capuy.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a user who turned the second factor on at the code page until the session has
 * passed it: pages redirect to {@code /login/totp}, API calls answer 401 (HTTP Basic
 * never passes it, as it carries no code).
 */
class SecondFactorFilter extends OncePerRequestFilter {

	/** Session attribute: the username whose code this session checked. */
	static final String VERIFIED = SecondFactorFilter.class.getName() + ".VERIFIED";

	static final String PAGE = "/login/totp";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof CapuyUserDetails details && details.secondFactor()
				&& !passed(request, details.getUsername()) && !exempt(request)) {
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				SecurityConfiguration.writeProblem(response, HttpServletResponse.SC_UNAUTHORIZED,
						"Cần mã xác thực hai lớp",
						"Tài khoản này dùng xác thực hai lớp: đăng nhập trên trang và nhập mã trước khi gọi API.");
			}
			else {
				response.sendRedirect(request.getContextPath() + PAGE);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean passed(HttpServletRequest request, String username) {
		HttpSession session = request.getSession(false);
		return session != null && username.equals(session.getAttribute(VERIFIED));
	}

	private static boolean exempt(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals(PAGE) || path.equals("/logout") || path.equals("/error") || path.startsWith("/css/")
				|| path.startsWith("/js/") || path.startsWith("/webjars/") || path.equals("/favicon.ico");
	}

}
