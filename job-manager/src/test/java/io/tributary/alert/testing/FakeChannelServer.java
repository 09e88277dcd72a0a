package io.tributary.alert.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 that plays a chat platform or a webhook receiver: it records every request
 * (path, query, headers, body, time) and answers each from a script — accept, throttle with 429 and Retry-After,
 * fail with a 5xx, hang past the client's timeout, or any status and body — then the default answer.
 */
public final class FakeChannelServer implements AutoCloseable {

    /** One request as received. */
    public record Received(String path, String query, Map<String, List<String>> headers, String body, Instant at) {
        public String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** An answer: status, body, extra headers, and how long to wait before answering. */
    public record Answer(int status, String body, Map<String, String> headers, Duration delay) {
        public static Answer ok(String body) {
            return new Answer(200, body, Map.of(), Duration.ZERO);
        }

        public static Answer status(int status, String body) {
            return new Answer(status, body, Map.of(), Duration.ZERO);
        }

        public static Answer throttle(int retryAfterSeconds, String body) {
            return new Answer(429, body, Map.of("Retry-After", Integer.toString(retryAfterSeconds)), Duration.ZERO);
        }

        /** Answers only after {@code delay}: longer than the client's timeout, it is a hang. */
        public static Answer hang(Duration delay, String body) {
            return new Answer(200, body, Map.of(), delay);
        }

        public Answer delayed(Duration by) {
            return new Answer(status, body, headers, by);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fake-channel-server");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Answer> script = new ConcurrentLinkedDeque<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Function<Received, Answer> fallback;

    private FakeChannelServer(Function<Received, Answer> fallback) throws IOException {
        this.fallback = fallback;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A server that answers everything with {@code fallback} unless a scripted answer is queued. */
    public static FakeChannelServer start(Function<Received, Answer> fallback) {
        try {
            return new FakeChannelServer(fallback);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI url(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    /** Queues answers for the next requests, in order. */
    public FakeChannelServer then(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    public void answerWith(Function<Received, Answer> fallback) {
        this.fallback = fallback;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), UTF_8);
        }
        Received request = new Received(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders()), body, Instant.now());
        received.add(request);
        Answer answer = script.poll();
        if (answer == null) {
            answer = fallback.apply(request);
        }
        if (!answer.delay().isZero()) {
            try {
                if (closing.await(answer.delay().toMillis(), TimeUnit.MILLISECONDS)) {
                    exchange.close();
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.close();
                return;
            }
        }
        byte[] bytes = answer.body().getBytes(UTF_8);
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        try {
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException clientGone) {
            // The client timed out and closed the connection: nothing to answer.
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
