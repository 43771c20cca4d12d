package com.storemetrics.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storemetrics.account.StoreAccount;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IntegrationTest {

    private static final Instant CONNECTED = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant LATER = CONNECTED.plusSeconds(60);

    /** An account as JPA would create it: the lifecycle only links to it (accounts are the account feature's). */
    private final StoreAccount account = new StoreAccount() {};

    @Test
    void a_new_integration_is_pending_and_waiting_for_the_invitation() {
        Integration integration =
                Integration.pending(7, account, CredentialKind.ACCESS_TOKEN, DataWanted.SALES_AND_PAYMENTS, CONNECTED);

        assertThat(integration.getStatus()).isEqualTo(IntegrationStatus.PENDING);
        assertThat(integration.getProgress()).isEqualTo(IntegrationProgress.WAITING_FOR_INVITATION);
        IntegrationEvent first = integration.connectedEvent("connected", Actor.customer("alice"));
        assertThat(first.getFromStatus()).isNull();
        assertThat(first.getToStatus()).isEqualTo(IntegrationStatus.PENDING);
        assertThat(first.getActor()).isEqualTo(Actor.customer("alice"));
    }

    @Test
    void approval_records_who_why_and_when_and_ends_the_progress() {
        Integration integration =
                Integration.pending(7, account, CredentialKind.ACCESS_TOKEN, DataWanted.SALES_AND_PAYMENTS, CONNECTED);

        IntegrationEvent event =
                integration.changeStatus(IntegrationStatus.APPROVED, "membership seen", Actor.VERIFIER, LATER);

        assertThat(integration.getStatus()).isEqualTo(IntegrationStatus.APPROVED);
        assertThat(integration.getStatusChangedAt()).isEqualTo(LATER);
        assertThat(integration.getProgress()).isEqualTo(IntegrationProgress.DONE);
        assertThat(event.getFromStatus()).isEqualTo(IntegrationStatus.PENDING);
        assertThat(event.getToStatus()).isEqualTo(IntegrationStatus.APPROVED);
        assertThat(event.getReason()).isEqualTo("membership seen");
        assertThat(event.getActor()).isEqualTo(Actor.VERIFIER);
        assertThat(event.getOccurredAt()).isEqualTo(LATER);
    }

    @Test
    void an_expired_integration_can_only_be_removed() {
        Integration integration =
                Integration.pending(7, account, CredentialKind.ACCESS_TOKEN, DataWanted.SALES_AND_PAYMENTS, CONNECTED);
        integration.changeStatus(IntegrationStatus.EXPIRED, "invitation lapsed", Actor.VERIFIER, LATER);

        assertThatThrownBy(() -> integration.changeStatus(IntegrationStatus.APPROVED, "late", Actor.VERIFIER, LATER))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> integration.changeStatus(IntegrationStatus.PENDING, "again", Actor.VERIFIER, LATER))
                .isInstanceOf(IllegalStateException.class);
        integration.changeStatus(IntegrationStatus.REMOVED, "removed by the customer", Actor.customer("alice"), LATER);
        assertThat(integration.isLive()).isFalse();
    }

    @Test
    void removal_is_final() {
        Integration integration =
                Integration.pending(7, account, CredentialKind.ACCESS_TOKEN, DataWanted.SALES_AND_PAYMENTS, CONNECTED);
        integration.changeStatus(IntegrationStatus.REMOVED, "removed", Actor.customer("alice"), LATER);

        for (IntegrationStatus next : IntegrationStatus.values()) {
            assertThatThrownBy(() -> integration.changeStatus(next, "again", Actor.VERIFIER, LATER))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void progress_only_moves_forward_and_only_while_pending() {
        Integration integration =
                Integration.pending(7, account, CredentialKind.ACCESS_TOKEN, DataWanted.SALES_AND_PAYMENTS, CONNECTED);

        assertThat(integration.advanceProgress(IntegrationProgress.INVITATION_RECEIVED))
                .isTrue();
        assertThat(integration.advanceProgress(IntegrationProgress.WAITING_FOR_INVITATION))
                .isFalse();
        assertThat(integration.getProgress()).isEqualTo(IntegrationProgress.INVITATION_RECEIVED);
        integration.changeStatus(IntegrationStatus.APPROVED, "approved", Actor.VERIFIER, LATER);
        assertThat(integration.advanceProgress(IntegrationProgress.ACCEPTED)).isFalse();
    }
}
