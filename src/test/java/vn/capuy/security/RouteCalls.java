package vn.capuy.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.capuy.Fixtures;
import vn.capuy.FullTest;
import vn.capuy.identity.Role;
import vn.capuy.identity.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The route × role matrix (ASVS V4.1.3, V4.1.5, V4.2.1). Every route of the running
 * context (pages and {@code /api/v1}) is called by one account per role, each scoped to
 * the same grassroots organisation of the sample, once with ids inside that organisation
 * and once with ids of the same kind from outside it. The answers must match the declared
 * matrix {@code security/route-matrix.csv}: allowed (A) or 403 (F) for the role in scope;
 * 404 out of scope (403 where the role is refused anyway); a 500 never. A route with no
 * row in the matrix fails the test with its name: deny by default also for the people who
 * add routes.
 *
 * <p>
 * Each call runs in its own transaction that is rolled back, so the calls that would
 * change data (a form posted with its required fields) leave the shared sample as it was.
 * With {@code -Dcapuy.matrix.record=true} the test writes what it observed to
 * {@code target/route-matrix-observed.csv} instead of failing, to review a new route.
 */
/**
 * Calls every route of the running context through MockMvc as a given account, each call
 * in its own transaction that is rolled back (a form posted with its required fields
 * leaves the shared sample as it was).
 */
abstract class RouteCalls {

	/**
	 * Whether the last call of this thread wrote (every write is audited, in its
	 * transaction).
	 */
	static final ThreadLocal<Boolean> WROTE = ThreadLocal.withInitial(() -> false);

	/**
	 * The message the last call of this thread flashed to the page it redirected to (the
	 * refusal of a page form, or its confirmation).
	 */
	static final ThreadLocal<String> FLASH = ThreadLocal.withInitial(() -> "null");

	/**
	 * The newest audit row written by the calling transaction itself (0 when it wrote
	 * none): rows committed meanwhile by other threads or by scheduled work do not count.
	 */
	private long lastAudit() {
		return this.jdbc.sql("""
				SELECT coalesce(max(id), 0) FROM audit_log
				WHERE xmin::text = (pg_current_xact_id_if_assigned()::text::bigint % 4294967296)::text
				""").query(Long.class).single();
	}

	static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)(?::[^}]*)?}");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Users users;

	@Autowired
	PlatformTransactionManager transactions;

	long root;

	MockHttpServletResponse call(Route route, Map<String, String> ids, UserDetails account) throws Exception {
		return call(route, ids, account, Map.of(), "{}");
	}

	/**
	 * A call with some parameters replaced and the given JSON body (where it takes one).
	 */
	MockHttpServletResponse call(Route route, Map<String, String> ids, UserDetails account,
			Map<String, String> replaced, String json) throws Exception {
		return call(route, ids, account, replaced, json, null);
	}

	/**
	 * A call with a valid body (form parameters, JSON, raw content or a file) where the
	 * matrix gives one, so that the role check is reached with input the handler accepts.
	 */
	MockHttpServletResponse call(Route route, Map<String, String> ids, UserDetails account, Body body)
			throws Exception {
		if (body == null) {
			return call(route, ids, account);
		}
		return call(route, ids, account, body.form(), (body.json() != null) ? body.json() : "{}", body);
	}

	private MockHttpServletResponse call(Route route, Map<String, String> ids, UserDetails account,
			Map<String, String> replaced, String json, Body body) throws Exception {
		String path = route.pattern();
		Matcher m = VARIABLE.matcher(path);
		StringBuilder url = new StringBuilder();
		while (m.find()) {
			String value = (ids != null) ? ids.get(m.group(1)) : null;
			m.appendReplacement(url, Matcher.quoteReplacement(value != null ? value : "999999999"));
		}
		m.appendTail(url);
		AbstractMockHttpServletRequestBuilder<?> request;
		if (route.multipart()) {
			org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder multipart = MockMvcRequestBuilders
				.multipart(url.toString());
			if (body != null && body.file() != null) {
				multipart.file(new org.springframework.mock.web.MockMultipartFile(body.filePart(), body.fileName(),
						body.fileType(), body.file()));
			}
			request = multipart;
		}
		else {
			request = MockMvcRequestBuilders.request(org.springframework.http.HttpMethod.valueOf(route.method().name()),
					url.toString());
		}
		for (Map.Entry<String, String> param : route.parameters().entrySet()) {
			String value = param.getValue();
			if (param.getKey().equals(route.organizationParameter()) && ids != null) {
				value = ids.getOrDefault("@organization", value);
			}
			request.param(param.getKey(), replaced.getOrDefault(param.getKey(), value));
		}
		for (Map.Entry<String, String> param : replaced.entrySet()) {
			if (!route.parameters().containsKey(param.getKey())) {
				request.param(param.getKey(), param.getValue());
			}
		}
		if (body != null && body.raw() != null) {
			request.contentType((route.consumes() != null) ? route.consumes() : "application/octet-stream")
				.content(body.raw());
		}
		else if (route.body()) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		else if (route.consumes() != null) {
			request.contentType(route.consumes())
				.content((body != null && body.raw() != null) ? body.raw() : new byte[0]);
		}
		if (account != null) {
			request.with(user(account));
		}
		if (route.method() != RequestMethod.GET) {
			request.with(csrf());
		}
		TransactionTemplate tx = new TransactionTemplate(this.transactions);
		return tx.execute((status) -> {
			status.setRollbackOnly();
			try {
				long before = lastAudit();
				org.springframework.test.web.servlet.MvcResult result = this.mvc.perform(request).andReturn();
				MockHttpServletResponse response = result.getResponse();
				org.springframework.web.servlet.FlashMap flash = result.getFlashMap();
				FLASH.set((flash == null) ? "null" : String
					.valueOf(flash.getOrDefault("error", flash.getOrDefault("problem", flash.get("done")))));
				try {
					WROTE.set(lastAudit() > before);
				}
				catch (org.springframework.dao.DataAccessException ex) {
					// the request's statement aborted the transaction: nothing it did
					// stays
					WROTE.set(false);
				}
				return response;
			}
			catch (Exception ex) {
				MockHttpServletResponse failed = new MockHttpServletResponse();
				failed.setStatus(599);
				return failed;
			}
		});
	}

	/** Every route of the running context with the methods it answers. */
	List<Route> routes() {
		List<Route> routes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (methods.isEmpty()) {
				methods = Set.of(RequestMethod.GET, RequestMethod.POST);
			}
			for (String pattern : info.getPatternValues()) {
				for (RequestMethod method : methods) {
					routes.add(route(method, pattern, info, entry.getValue()));
				}
			}
		}
		routes.sort(java.util.Comparator.comparing(Route::key));
		return routes;
	}

	Route route(RequestMethod method, String pattern, RequestMappingInfo info, HandlerMethod handler) {
		Map<String, String> parameters = new LinkedHashMap<>();
		List<String> texts = new ArrayList<>();
		List<String> bodyTexts = new ArrayList<>();
		boolean body = false;
		boolean multipart = false;
		String organizationParameter = null;
		for (MethodParameter parameter : handler.getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (parameter.hasParameterAnnotation(RequestBody.class)) {
				body = true;
				if (parameter.getParameterType().isRecord()) {
					for (java.lang.reflect.RecordComponent component : parameter.getParameterType()
						.getRecordComponents()) {
						if (component.getType() == String.class) {
							bodyTexts.add(component.getName());
						}
					}
				}
			}
			if (parameter.hasParameterAnnotation(RequestPart.class)
					|| org.springframework.web.multipart.MultipartFile.class.equals(parameter.getParameterType())) {
				multipart = true;
			}
			if (param == null || parameter.hasParameterAnnotation(PathVariable.class)) {
				continue;
			}
			String name = !param.name().isEmpty() ? param.name()
					: (!param.value().isEmpty() ? param.value() : parameter.getParameterName());
			if (name == null || org.springframework.web.multipart.MultipartFile.class
				.isAssignableFrom(parameter.getParameterType())) {
				continue;
			}
			Class<?> type = parameter.getParameterType();
			if (type == String.class) {
				texts.add(name);
			}
			boolean organization = name.equals("organizationId") || name.equals("organization") || name.equals("org");
			if (organization) {
				organizationParameter = name;
				parameters.put(name, Long.toString(this.root));
			}
			else if (param.required() && org.springframework.web.bind.annotation.ValueConstants.DEFAULT_NONE
				.equals(param.defaultValue())) {
				parameters.put(name, sampleValue(type));
			}
		}
		String consumes = info.getConsumesCondition().getConsumableMediaTypes().isEmpty() ? null
				: info.getConsumesCondition().getConsumableMediaTypes().iterator().next().toString();
		if (consumes != null && consumes.startsWith("multipart")) {
			multipart = true;
			consumes = null;
		}
		return new Route(method, pattern, parameters, organizationParameter, body, multipart, consumes, texts,
				bodyTexts);
	}

	static String sampleValue(Class<?> type) {
		if (type == LocalDate.class) {
			return "2025-09-01";
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return "2025";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true";
		}
		if (type.isEnum()) {
			return ((Enum<?>) type.getEnumConstants()[0]).name();
		}
		return "x";
	}

	/**
	 * A valid request body: form parameters, JSON, raw content (octet-stream, CSV) and a
	 * multipart file, each optional.
	 */
	record Body(Map<String, String> form, String json, byte[] raw, String filePart, String fileName, String fileType,
			byte[] file) {

		/**
		 * The body with {@code ${name}} replaced by the resolved ids (inside or outside).
		 */
		/**
		 * Whether the body names members or organisations of the scope (not shared
		 * records such as rules or column mappings).
		 */
		boolean namesRecords() {
			String all = this.form + " " + this.json + " "
					+ ((this.raw != null) ? new String(this.raw, StandardCharsets.UTF_8) : "");
			return java.util.regex.Pattern
				.compile("\\$\\{@(member|member2|cell|cell2|organization|scratch|orgMember|committeeMember|removed|"
						+ "readmissionCell|heldMember|otherParent)}")
				.matcher(all)
				.find();
		}

		Body with(Map<String, String> ids) {
			Map<String, String> filled = new LinkedHashMap<>();
			this.form.forEach((k, v) -> filled.put(fill(k, ids), fill(v, ids)));
			byte[] content = this.raw;
			if (content != null && new String(content, StandardCharsets.UTF_8).contains("${")) {
				content = fill(new String(content, StandardCharsets.UTF_8), ids).getBytes(StandardCharsets.UTF_8);
			}
			return new Body(filled, fill(this.json, ids), content, this.filePart, this.fileName, this.fileType,
					this.file);
		}

		private static String fill(String text, Map<String, String> ids) {
			if (text == null) {
				return null;
			}
			Matcher m = Pattern.compile("\\$\\{([@A-Za-z0-9]+)}").matcher(text);
			StringBuilder out = new StringBuilder();
			while (m.find()) {
				String value = (ids != null) ? ids.get(m.group(1)) : null;
				m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : "999999999"));
			}
			m.appendTail(out);
			return out.toString();
		}

	}

	record Route(RequestMethod method, String pattern, Map<String, String> parameters, String organizationParameter,
			boolean body, boolean multipart, String consumes, List<String> texts, List<String> bodyTexts) {

		String key() {
			return this.method + " " + this.pattern;
		}

	}

}
