package vn.capuy.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Sessions in PostgreSQL, shared by every node. Concurrent requests of one session adding
 * the same attribute (the CSRF token on a page's first load) would collide on the
 * attributes' primary key: PostgreSQL's upsert avoids it.
 * <p>
 * The session cookie is {@code HttpOnly} and {@code SameSite=Lax}, and {@code Secure}
 * whenever the request came over HTTPS; with {@code capuy.secure-cookies=true} (the
 * default unless the sample committee is on, i.e. in production) it is {@code Secure}
 * always, also behind a proxy that ends TLS.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpsert() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	@Bean
	DefaultCookieSerializer cookieSerializer(
			@Value("${capuy.secure-cookies:#{!${capuy.sample.enabled:true}}}") boolean secureAlways) {
		return serializer(secureAlways);
	}

	static DefaultCookieSerializer serializer(boolean secureAlways) {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookieName("SESSION");
		serializer.setUseHttpOnlyCookie(true);
		serializer.setSameSite("Lax");
		serializer.setCookiePath("/");
		if (secureAlways) {
			serializer.setUseSecureCookie(true);
		}
		// otherwise DefaultCookieSerializer marks it Secure when request.isSecure()
		return serializer;
	}

}
