package com.storemetrics.appstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class OperatorInvitationInboxTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(OperatorInvitationInbox.class);

    @Test
    void against_apple_nothing_can_be_accepted_here() {
        OperatorInvitationInbox inbox = new OperatorInvitationInbox();

        assertThat(inbox.canAccept()).isFalse();
        assertThat(inbox.pendingInvitations()).isEmpty();
        assertThatThrownBy(() -> inbox.accept("inv-1"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("an operator accepts");
    }

    @Test
    void it_is_the_inbox_only_when_the_sandbox_is_off() {
        context.withPropertyValues("storemetrics.sandbox.enabled=false")
                .run(app -> assertThat(app).hasSingleBean(InvitationInbox.class));
        context.withPropertyValues("storemetrics.sandbox.enabled=true")
                .run(app -> assertThat(app).doesNotHaveBean(InvitationInbox.class));
        // The sandbox is off unless asked for, so without the property this is the inbox.
        context.run(app -> assertThat(app).hasSingleBean(InvitationInbox.class));
    }
}
