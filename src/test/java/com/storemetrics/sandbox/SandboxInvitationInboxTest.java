package com.storemetrics.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.storemetrics.appstore.InvitationInbox;
import com.storemetrics.appstore.ReceivedInvitation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SandboxInvitationInboxTest extends SandboxHttpTest {

    @Autowired
    InvitationInbox inbox;

    @Test
    void the_sandbox_inbox_is_the_one_in_use_while_the_sandbox_is_on() {
        assertThat(inbox).isInstanceOf(SandboxInvitationInbox.class);
        assertThat(inbox.canAccept()).isTrue();
    }

    @Test
    void it_lists_only_pending_invitations_addressed_to_the_service_apple_id() throws Exception {
        control(
                "POST",
                "/accounts/100001/invitations",
                "{\"email\":\"" + SERVICE_APPLE_ID + "\",\"roles\":[\"SALES\"]}");
        control(
                "POST",
                "/accounts/100004/invitations",
                "{\"email\":\"" + SERVICE_APPLE_ID + "\",\"roles\":[\"FINANCE\"]}");
        control("POST", "/accounts/100002/invitations", "{\"email\":\"someone@else.example\",\"roles\":[\"SALES\"]}");

        List<ReceivedInvitation> pending = inbox.pendingInvitations();

        assertThat(pending)
                .extracting(
                        ReceivedInvitation::accountNumber, ReceivedInvitation::accountName, ReceivedInvitation::roles)
                .containsExactly(
                        tuple("100001", "Pixel Forge Studio", List.of("SALES")),
                        tuple("100004", "Bluebird Labs", List.of("FINANCE")));
        assertThat(pending.get(0).expiresAt())
                .isAfter(Instant.now().plus(Duration.ofDays(3)).minusSeconds(60));
    }

    @Test
    void an_expired_invitation_is_not_listed() throws Exception {
        control(
                "POST",
                "/accounts/100001/invitations",
                "{\"email\":\"" + SERVICE_APPLE_ID + "\",\"roles\":[\"SALES\"]}");

        control("POST", "/clock", "{\"advance\":\"PT72H1S\"}");

        assertThat(inbox.pendingInvitations()).isEmpty();
    }

    @Test
    void accepting_makes_the_service_apple_id_a_member_of_the_account() throws Exception {
        control(
                "POST",
                "/accounts/100002/invitations",
                "{\"email\":\"" + SERVICE_APPLE_ID + "\",\"roles\":[\"SALES\"]}");
        String id = inbox.pendingInvitations().get(0).id();

        inbox.accept(id);

        assertThat(reporterAccountNumbers(SERVICE_TOKEN)).containsExactly("100002");
        assertThat(inbox.pendingInvitations()).isEmpty();
        assertThatThrownBy(() -> inbox.accept(id))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("404");
    }
}
