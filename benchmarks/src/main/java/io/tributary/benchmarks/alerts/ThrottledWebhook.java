package io.tributary.benchmarks.alerts;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A webhook receiver on 127.0.0.1 that takes at most {@code limit} messages in any 60 seconds, like a chat robot:
 * beyond that it answers 429 with Retry-After and drops the message. Records what it accepted: when, which jobs
 * each message named, and its idempotency key.
 */
final class ThrottledWebhook implements AutoCloseable {

    record Accepted(Instant at, String key, String kind, List<String> jobs) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int limit;
    private final HttpServer server;
    private final Deque<Instant> window = new ArrayDeque<>();
    private final List<Accepted> accepted = new ArrayList<>();
    private int throttled;
    private final java.util.concurrent.CountDownLatch first = new java.util.concurrent.CountDownLatch(1);

    ThrottledWebhook(int limit) throws IOException {
        this.limit = limit;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "throttled-webhook");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), UTF_8);
        }
        Instant now = Instant.now();
        long retryAfter = 0;
        synchronized (this) {
            while (!window.isEmpty() && !window.peekFirst().isAfter(now.minus(WINDOW))) {
                window.removeFirst();
            }
            if (window.size() >= limit) {
                throttled++;
                retryAfter = Math.max(1, Duration.between(now, window.peekFirst().plus(WINDOW)).toSeconds() + 1);
            } else {
                window.addLast(now);
                accepted.add(parse(now, exchange.getRequestHeaders().getFirst("X-Tributary-Idempotency-Key"), body));
                first.countDown();
            }
        }
        byte[] answer = (retryAfter > 0 ? "{\"error\":\"too many messages\"}" : "{\"ok\":true}").getBytes(UTF_8);
        if (retryAfter > 0) {
            exchange.getResponseHeaders().add("Retry-After", Long.toString(retryAfter));
        }
        exchange.sendResponseHeaders(retryAfter > 0 ? 429 : 200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
        exchange.close();
    }

    private static Accepted parse(Instant at, String key, String body) {
        List<String> jobs = new ArrayList<>();
        String kind = "";
        try {
            JsonNode message = JSON.readTree(body);
            kind = message.path("kind").asText();
            for (JsonNode alert : message.path("alerts")) {
                jobs.add(alert.path("job").path("name").asText());
            }
        } catch (IOException notJson) {
            kind = "not json";
        }
        return new Accepted(at, key == null ? "" : key, kind, jobs);
    }

    /** Returns once the first message was accepted. */
    void awaitFirst() throws InterruptedException {
        first.await();
    }

    synchronized List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    synchronized int throttled() {
        return throttled;
    }

    /** How often each job was named in an accepted message. */
    synchronized Map<String, Integer> jobCounts() {
        Map<String, Integer> counts = new HashMap<>();
        accepted.forEach(message -> message.jobs().forEach(job -> counts.merge(job, 1, Integer::sum)));
        return counts;
    }

    /** The most messages it accepted in any 60 seconds. */
    synchronized int busiestMinute() {
        int most = 0;
        for (int i = 0; i < accepted.size(); i++) {
            Instant end = accepted.get(i).at().plus(WINDOW);
            int count = 0;
            for (int j = i; j < accepted.size() && accepted.get(j).at().isBefore(end); j++) {
                count++;
            }
            most = Math.max(most, count);
        }
        return most;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
