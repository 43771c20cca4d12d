package com.storemetrics.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.SandboxControl;
import com.storemetrics.SpringTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;

/** Only the developer's own machine, naming localhost, sending JSON, reaches the control API. */
class ControlApiGuardTest extends SpringTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_text_plain_post_is_refused_and_changes_nothing() throws Exception {
        String token = SandboxControl.ALICE_TOKEN;
        HttpResponse<String> textPlain = post("/tokens/" + token + "/revoke", "text/plain");
        HttpResponse<String> noType = post("/tokens/" + token + "/revoke", null);

        assertThat(textPlain.statusCode()).isEqualTo(415);
        assertThat(noType.statusCode()).isEqualTo(415);
        assertThat(aliceRevoked()).isFalse();

        assertThat(post("/tokens/" + token + "/revoke", "application/json").statusCode())
                .isEqualTo(200);
        assertThat(aliceRevoked()).isTrue();
    }

    @Test
    void a_request_naming_another_host_is_refused() throws Exception {
        // What a DNS-rebinding page sends: our address, its own name.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /sandbox/apple/control/world HTTP/1.1\r\nHost: attacker.example:" + port
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer)
                    .startsWith("HTTP/1.1 403")
                    .doesNotContain("privateKeyPem")
                    .doesNotContain(SandboxControl.ALICE_TOKEN);
        }
    }

    @Test
    void a_request_from_another_address_or_through_a_proxy_is_refused() {
        MockHttpServletRequest fromNetwork = new MockHttpServletRequest("GET", "/sandbox/apple/control/world");
        fromNetwork.setRemoteAddr("192.168.1.20");
        fromNetwork.addHeader("Host", "localhost:8080");
        MockHttpServletRequest forwarded = new MockHttpServletRequest("GET", "/sandbox/apple/control/world");
        forwarded.setRemoteAddr("127.0.0.1");
        forwarded.addHeader("Host", "localhost:8080");
        forwarded.addHeader("X-Forwarded-For", "127.0.0.1");
        MockHttpServletRequest local = new MockHttpServletRequest("GET", "/sandbox/apple/control/world");
        local.setRemoteAddr("127.0.0.1");
        local.addHeader("Host", "127.0.0.1:8080");

        assertThat(ControlApiGuard.refusal(fromNetwork)).contains("only requests from this machine");
        assertThat(ControlApiGuard.refusal(forwarded)).contains("not forwarded");
        assertThat(ControlApiGuard.refusal(local)).isNull();
    }

    private boolean aliceRevoked() {
        for (var appleId : new SandboxControl(port).world().path("appleIds")) {
            if (SandboxControl.ALICE_TOKEN.equals(appleId.path("token").asText())) {
                return appleId.path("revoked").asBoolean();
            }
        }
        throw new AssertionError("Alice's token is not in the world");
    }

    private HttpResponse<String> post(String path, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/sandbox/apple/control" + path))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
