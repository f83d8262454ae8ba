import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An open-model HTTP load generator for bench/run (loopback only): logs in with a session cookie, then sends
 * requests at a constant arrival rate for a fixed time per step, stepping the rate up, and prints per step the p95
 * latency and the errors as JSON lines. Usage:
 * java bench/HttpLoad.java BASE USER PASSWORD SECONDS RATE1,RATE2,... PATH1 [PATH2 ...]
 */
public class HttpLoad {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		if (!base.startsWith("http://127.0.0.1:") && !base.startsWith("http://localhost:")) {
			throw new IllegalArgumentException("loopback only: " + base);
		}
		String user = args[1];
		String password = args[2];
		int seconds = Integer.parseInt(args[3]);
		String[] rates = args[4].split(",");
		List<String> paths = List.of(args).subList(5, args.length);
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
		login(client, base, user, password);
		for (String r : rates) {
			int rate = Integer.parseInt(r.strip());
			ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
			AtomicInteger errors = new AtomicInteger();
			AtomicInteger sent = new AtomicInteger();
			ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
			long periodNanos = 1_000_000_000L / rate;
			int total = rate * seconds;
			scheduler.scheduleAtFixedRate(() -> {
				int n = sent.getAndIncrement();
				if (n >= total) {
					return;
				}
				String path = paths.get(n % paths.size());
				long start = System.nanoTime();
				client.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET()
					.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
						latencies.add(System.nanoTime() - start);
						if (failure != null || response.statusCode() >= 300) {
							errors.incrementAndGet();
						}
					});
			}, 0, periodNanos, TimeUnit.NANOSECONDS);
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 15);
			while (latencies.size() < total && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			scheduler.shutdownNow();
			List<Long> sorted = new ArrayList<>(latencies);
			Collections.sort(sorted);
			int missing = total - sorted.size();
			double p95 = sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1) / 1e6;
			System.out.printf("{\"rate\": %d, \"requests\": %d, \"p95ms\": %.2f, \"errors\": %d}%n", rate, total, p95,
					errors.get() + missing);
		}
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
