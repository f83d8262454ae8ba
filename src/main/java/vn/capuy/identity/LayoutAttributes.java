package vn.capuy.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in user into every page's model as {@code me}, for the navigation and
 * the layout.
 */
@ControllerAdvice
class LayoutAttributes {

	@ModelAttribute("me")
	CurrentUser me() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof CapuyUserDetails details) {
			return details.currentUser();
		}
		return null;
	}

}
