import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-model soak for .ci/faults.sh and bench/soak (loopback only): USERS virtual users, each with a session
 * cookie of its own (logged in through the login form), request the pages in turn without pause for SECONDS. Every
 * answer other than 200 is an error. Prints progress every 10 s and a summary line; exits 1 on any error. Usage:
 * java bench/Soak.java BASE USER PASSWORD USERS SECONDS PATH1 [PATH2 ...]
 */
public class Soak {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		if (!base.startsWith("http://127.0.0.1:") && !base.startsWith("http://localhost:")) {
			throw new IllegalArgumentException("loopback only: " + base);
		}
		String user = args[1];
		String password = args[2];
		int users = Integer.parseInt(args[3]);
		int seconds = Integer.parseInt(args[4]);
		List<String> paths = List.of(args).subList(5, args.length);
		AtomicLong requests = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		AtomicLong nanos = new AtomicLong();
		ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
		List<HttpClient> clients = new ArrayList<>();
		long loginStart = System.nanoTime();
		for (int i = 0; i < users; i++) {
			HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
				.connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
			login(client, base, user, password);
			clients.add(client);
		}
		System.out.printf("soak: %d users logged in (own session each) in %.1f s; %d s against %s%n", users,
				(System.nanoTime() - loginStart) / 1e9, seconds, paths);
		long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		CountDownLatch done = new CountDownLatch(users);
		for (int i = 0; i < users; i++) {
			HttpClient client = clients.get(i);
			int offset = i;
			Thread t = new Thread(() -> {
				try {
					int n = offset;
					while (System.nanoTime() < deadline) {
						String path = paths.get(n++ % paths.size());
						long start = System.nanoTime();
						try {
							HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
								.timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
							if (response.statusCode() != 200) {
								errors.incrementAndGet();
								if (firstErrors.size() < 10) {
									firstErrors.add(path + " -> " + response.statusCode() + " "
											+ response.headers().firstValue("Location").orElse(""));
								}
							}
						}
						catch (Exception ex) {
							errors.incrementAndGet();
							if (firstErrors.size() < 10) {
								firstErrors.add(path + " -> " + ex);
							}
						}
						nanos.addAndGet(System.nanoTime() - start);
						requests.incrementAndGet();
					}
				}
				finally {
					done.countDown();
				}
			}, "vu-" + i);
			t.setDaemon(true);
			t.start();
		}
		long begin = System.nanoTime();
		while (!done.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
			System.out.printf("soak: %3d s, %d requests, %d errors%n", (System.nanoTime() - begin) / 1_000_000_000L,
					requests.get(), errors.get());
		}
		long total = requests.get();
		System.out.printf("soak: %d users, %d s: %d requests (%.1f/s), mean %.1f ms, %d errors%n", users, seconds, total,
				total / (double) seconds, total == 0 ? 0 : nanos.get() / 1e6 / total, errors.get());
		firstErrors.forEach((e) -> System.out.println("soak error: " + e));
		System.exit(errors.get() == 0 && total > 0 ? 0 : 1);
	}

	static void login(HttpClient client, String base, String user, String password) throws Exception {
		String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + m.group(1);
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("login failed: " + response.statusCode() + " " + location);
		}
	}

}
