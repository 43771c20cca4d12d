package com.storemetrics.appstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The sandbox's invitation inbox over real HTTP against the embedded sandbox's control API. */
class SandboxInvitationInboxContractTest extends SandboxContract {

    @Autowired
    InvitationInbox inbox;

    @Test
    void the_sandbox_inbox_is_the_one_in_use_while_the_sandbox_is_on() {
        assertThat(inbox).isInstanceOf(SandboxInvitationInbox.class);
        assertThat(inbox.canAccept()).isTrue();
    }

    @Test
    void it_lists_only_pending_invitations_addressed_to_the_service_apple_id() {
        sandbox.send(
                "POST",
                "/accounts/100001/invitations",
                "{\"email\":\"" + SERVICE_APPLE_ID + "\",\"roles\":[\"SALES\"]}");
        sandbox.send(
                "POST",
                "/accounts/100004/invitations",
                "{\"email\":\"" + SERVICE_APPLE_ID + "\",\"roles\":[\"FINANCE\"]}");
        sandbox.send(
                "POST", "/accounts/100002/invitations", "{\"email\":\"someone@else.example\",\"roles\":[\"SALES\"]}");

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
    void an_expired_invitation_is_not_listed() {
        sandbox.invite("100001", SERVICE_APPLE_ID);

        sandbox.advanceClock("PT72H1S");

        assertThat(inbox.pendingInvitations()).isEmpty();
    }

    @Test
    void accepting_makes_the_service_apple_id_a_member_of_the_account() {
        sandbox.invite("100002", SERVICE_APPLE_ID);
        String id = inbox.pendingInvitations().get(0).id();

        inbox.accept(id);

        assertThat(reporter.getAccounts(SERVICE_TOKEN))
                .extracting(ReporterAccount::number)
                .containsExactly("100002");
        assertThat(inbox.pendingInvitations()).isEmpty();
        assertThatThrownBy(() -> inbox.accept(id))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("404");
    }
}
