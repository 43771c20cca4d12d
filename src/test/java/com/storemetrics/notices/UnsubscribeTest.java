package com.storemetrics.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.storemetrics.DemoAccounts;
import com.storemetrics.SignIn;
import com.storemetrics.SpringTest;
import com.storemetrics.TestClock;
import com.storemetrics.TestMailbox;
import com.storemetrics.connect.ConnectionService;
import com.storemetrics.integration.CredentialKind;
import com.storemetrics.verification.VerifierSees;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** One-click unsubscribe over real HTTP, without a session or CSRF token (RFC 8058). */
class UnsubscribeTest extends SpringTest {

    @RegisterExtension
    static GreenMailExtension mailbox = TestMailbox.extension();

    @LocalServerPort
    int port;

    @Autowired
    UnsubscribeLinks links;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    ConnectionService connections;

    @Autowired
    MailDelivery delivery;

    @Autowired
    TestClock clock;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_mails_list_unsubscribe_link_switches_that_kind_off_with_one_post_and_no_session() throws Exception {
        SignIn.as(
                context,
                "alice",
                () -> connections.finish(List.of(DemoAccounts.PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
        VerifierSees.memberships(context, clock.instant(), Map.of("100001", "Pixel Forge Studio"));
        clock.advance(Duration.ofSeconds(61));
        delivery.deliverDue();
        String header = Mails.header(mailbox.getReceivedMessages()[0], "List-Unsubscribe");
        String link = header.substring(1, header.length() - 1).replace("http://localhost:8080", base());

        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(link))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Unsubscribed").contains("Integration approved");
        assertThat(optOuts()).containsExactly("alice:APPROVED");
    }

    @Test
    void opening_the_link_only_asks_and_changes_nothing() throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(base() + links.path(alice(), NoticeKind.REMOVED)))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<form method=\"post\"").contains("Access removed");
        assertThat(optOuts()).isEmpty();
    }

    @Test
    void a_link_altered_to_another_user_or_kind_or_unsigned_is_refused() throws Exception {
        String alicesApproved = links.path(alice(), NoticeKind.APPROVED);
        long bob = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'bob'", Long.class);
        List<String> forged = List.of(
                alicesApproved.replace("u=" + alice(), "u=" + bob),
                alicesApproved.replace("k=approved", "k=removed"),
                alicesApproved.substring(0, alicesApproved.indexOf("&s=")),
                alicesApproved + "x",
                "/mail/unsubscribe?u=abc&k=approved&s=x");

        for (String path : forged) {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(base() + path))
                            .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            assertThat(answer.body()).contains("not valid");
        }
        assertThat(optOuts()).isEmpty();
    }

    @Test
    void unsubscribing_twice_is_fine_and_switched_off_kinds_write_no_more_messages() throws Exception {
        for (int time = 0; time < 2; time++) {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(base() + links.path(alice(), NoticeKind.APPROVED)))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
        }
        SignIn.as(
                context,
                "alice",
                () -> connections.finish(List.of(DemoAccounts.PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
        VerifierSees.memberships(context, clock.instant(), Map.of("100001", "Pixel Forge Studio"));

        assertThat(optOuts()).containsExactly("alice:APPROVED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notice_outbox", Integer.class))
                .isZero();
    }

    private long alice() {
        return jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'alice'", Long.class);
    }

    private List<String> optOuts() {
        return jdbc.queryForList(
                "SELECT u.username || ':' || o.kind FROM notice_opt_out o JOIN app_user u ON u.id = o.user_id",
                String.class);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
