package com.storemetrics.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.storemetrics.SandboxControl;
import com.storemetrics.SpringTest;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * What a customer reads when step 1 fails for reasons of transport or time: no exception text, a
 * reference that leads to the detail in the log, one overall deadline, and server-side limits.
 */
@ExtendWith(OutputCaptureExtension.class)
class CustomerFacingFailuresTest extends SpringTest {

    private static final Pattern REFERENCE = Pattern.compile("Reference: ([0-9a-f]{8})\\.");

    @LocalServerPort
    int port;

    @Autowired
    ConnectionService connections;

    @Test
    @WithUserDetails("alice")
    void a_dropped_connection_says_so_without_exception_text_and_logs_the_detail_under_a_reference(CapturedOutput log) {
        new SandboxControl(port).fault("DROP_CONNECTION", 10, 0);

        CredentialRejected rejected = catchThrowableOfType(
                CredentialRejected.class, () -> connections.checkAccessToken(SandboxControl.ALICE_TOKEN));

        assertThat(rejected.reason()).isEqualTo(CredentialRejected.Reason.UNAVAILABLE);
        assertThat(rejected.userMessage())
                .contains("connection dropped")
                .doesNotContain("Exception")
                .doesNotContain("header parser")
                .doesNotContain("HTTP/1.1");
        Matcher reference = REFERENCE.matcher(rejected.userMessage());
        assertThat(reference.find())
                .as("a reference in: " + rejected.userMessage())
                .isTrue();
        assertThat(log.getOut()).containsPattern("reference " + reference.group(1) + "\\).*IOException");
    }

    @Test
    @WithUserDetails("alice")
    void validate_under_25_seconds_of_latency_ends_within_the_deadline_and_says_so() {
        new SandboxControl(port).fault("LATENCY", 3, 25_000);

        long started = System.nanoTime();
        CredentialRejected rejected = catchThrowableOfType(
                CredentialRejected.class, () -> connections.checkAccessToken(SandboxControl.ALICE_TOKEN));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofSeconds(17));
        assertThat(rejected.reason()).isEqualTo(CredentialRejected.Reason.UNAVAILABLE);
        assertThat(rejected.userMessage())
                .contains("did not answer within 15 s")
                .doesNotContain("20 s");
    }

    @Test
    @WithUserDetails("alice")
    void oversized_fields_are_refused_on_the_server_before_apple_is_asked() {
        String tenMegabytes = "A".repeat(10 * 1024 * 1024);

        assertThatThrownBy(() -> connections.checkApiKey(
                        "6e0a7c1e-0003-4000-8000-000000100003",
                        "NWG7ADMIN1",
                        "-----BEGIN PRIVATE KEY-----\n" + "A".repeat(20_000),
                        "85000003"))
                .isInstanceOf(CredentialRejected.class)
                .satisfies(e ->
                        assertThat(((CredentialRejected) e).reason()).isEqualTo(CredentialRejected.Reason.TOO_LONG));
        assertThatThrownBy(() -> connections.checkApiKey(tenMegabytes, "NWG7ADMIN1", "x", "85000003"))
                .isInstanceOf(CredentialRejected.class)
                .hasMessageContaining("Issuer ID");
        assertThatThrownBy(() -> connections.checkApiKey("i", tenMegabytes, "x", "85000003"))
                .isInstanceOf(CredentialRejected.class)
                .hasMessageContaining("Key ID");
        assertThatThrownBy(() -> connections.checkAccessToken(tenMegabytes))
                .isInstanceOf(CredentialRejected.class)
                .satisfies(e ->
                        assertThat(((CredentialRejected) e).reason()).isEqualTo(CredentialRejected.Reason.TOO_LONG));
        assertThatThrownBy(() -> connections.checkApiJwt(tenMegabytes, "85000003"))
                .isInstanceOf(CredentialRejected.class)
                .satisfies(e ->
                        assertThat(((CredentialRejected) e).reason()).isEqualTo(CredentialRejected.Reason.TOO_LONG));
        assertThatThrownBy(() -> connections.checkApiJwt("a.b.c", tenMegabytes))
                .isInstanceOf(CredentialRejected.class)
                .satisfies(e -> assertThat(((CredentialRejected) e).reason())
                        .isEqualTo(CredentialRejected.Reason.INVALID_VENDOR_NUMBER));
    }
}
