package com.storemetrics.appstore;

import static com.storemetrics.appstore.ReporterClientTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.appstore.AppleFailure.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared transport: size cap, time-outs, refused and dropped connections, back-off. */
class AppleHttpTest {

    private static final String TOKEN = "a11ce000-0000-4000-8000-000000000002";
    private static final long TEN_MB = 10L * 1024 * 1024;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T09:00:00Z"));
    private final ScriptedHttpServer apple;

    AppleHttpTest() throws IOException {
        apple = new ScriptedHttpServer();
    }

    @AfterEach
    void stop() {
        apple.close();
    }

    @Test
    void a_10_mb_answer_with_its_length_declared_is_refused_before_reading_it() {
        apple.thenHuge(TEN_MB, true);

        AppleFailure failure = assertFailure(
                () -> reporter(TestClients.properties(apple.base())).getAccounts(TOKEN),
                Kind.UNEXPECTED_ANSWER,
                "far larger than expected");
        assertThat(failure.getMessage()).contains("larger than 8388608 bytes");
        assertThat(apple.received()).hasSize(1);
    }

    @Test
    void an_endless_chunked_answer_is_cut_off_at_the_cap_without_reading_it_all() {
        long endless = 50 * TEN_MB;
        apple.thenHuge(endless, false);

        assertFailure(
                () -> reporter(TestClients.properties(apple.base())).getAccounts(TOKEN),
                Kind.UNEXPECTED_ANSWER,
                "far larger than expected");
        // The connection is dropped after 8 MB; the server gets no further than what the socket buffers take.
        assertThat(apple.bytesWritten()).isLessThan(endless / 2);
    }

    @Test
    void an_answer_later_than_the_read_timeout_is_unavailable() {
        AppStoreProperties impatient = TestClients.properties(apple.base())
                .withReadTimeout(Duration.ofMillis(300))
                .withMaxAttempts(1);
        apple.then(exchange -> {
            sleep(2_000);
            exchange.sendResponseHeaders(200, -1);
        });

        long started = System.nanoTime();
        AppleFailure failure =
                assertFailure(() -> reporter(impatient).getAccounts(TOKEN), Kind.UNAVAILABLE, "could not be reached");
        assertThat(failure.getMessage()).contains("no answer within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_800));
    }

    @Test
    void a_body_that_trickles_past_the_deadline_is_unavailable() {
        AppStoreProperties impatient = TestClients.properties(apple.base())
                .withReadTimeout(Duration.ofMillis(300))
                .withMaxAttempts(1);
        apple.then(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 40; i++) {
                    out.write(' ');
                    out.flush();
                    sleep(100);
                }
            }
        });

        AppleFailure failure =
                assertFailure(() -> reporter(impatient).getAccounts(TOKEN), Kind.UNAVAILABLE, "could not be reached");
        assertThat(failure.getMessage()).contains("no complete answer within");
    }

    @Test
    void a_refused_connection_is_unavailable_after_the_retries() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        AppleCallAccounting accounting = new AppleCallAccounting(clock);

        AppleFailure failure = assertFailure(
                () -> TestClients.reporter(
                                TestClients.properties(URI.create("http://127.0.0.1:" + closedPort)), accounting, clock)
                        .getAccounts(TOKEN),
                Kind.UNAVAILABLE,
                "connection refused");
        assertThat(failure.getMessage()).doesNotContain(TOKEN);
        assertThat(accounting.requestsInLastHour(AppleProtocol.REPORTER)).isEqualTo(3);
    }

    @Test
    void a_connection_dropped_without_an_answer_is_unavailable() throws Exception {
        ExecutorService acceptor = Executors.newSingleThreadExecutor();
        try (ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            acceptor.submit(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept();
                            InputStream in = connection.getInputStream()) {
                        in.read(new byte[512]);
                    } catch (IOException closed) {
                        return null;
                    }
                }
                return null;
            });
            AppStoreProperties properties =
                    TestClients.properties(URI.create("http://127.0.0.1:" + socket.getLocalPort()));

            AppleFailure failure = assertFailure(
                    () -> reporter(properties).getAccounts(TOKEN), Kind.UNAVAILABLE, "could not be reached");
            assertThat(failure.getMessage()).contains("connection dropped");
        } finally {
            acceptor.shutdownNow();
        }
    }

    @Test
    void the_back_off_grows_exponentially_with_jitter_and_is_capped() {
        AppStoreProperties properties = TestClients.properties(apple.base());
        AppleHttp http = new AppleHttp(
                new AppStoreProperties(
                        properties.reporterUrl(),
                        properties.apiUrl(),
                        null,
                        null,
                        properties.connectTimeout(),
                        properties.readTimeout(),
                        3,
                        Duration.ofMillis(400),
                        properties.maxResponseBytes(),
                        50),
                AppleProtocol.REPORTER,
                "Apple",
                new AppleCallAccounting(clock));

        for (int i = 0; i < 50; i++) {
            assertThat(http.backoff(1).toMillis()).isBetween(200L, 400L);
            assertThat(http.backoff(2).toMillis()).isBetween(400L, 800L);
            assertThat(http.backoff(30).toMillis()).isBetween(5_000L, 10_000L);
        }
    }

    private ReporterClient reporter(AppStoreProperties properties) {
        return TestClients.reporter(properties, new AppleCallAccounting(clock), clock);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
