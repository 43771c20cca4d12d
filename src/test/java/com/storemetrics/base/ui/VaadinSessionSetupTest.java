package com.storemetrics.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;

class VaadinSessionSetupTest {

    @Test
    void a_browser_that_left_while_we_wrote_is_not_an_error() {
        assertThat(VaadinSessionSetup.browserWentAway(new ClientAbortException(new IOException("Broken pipe"))))
                .isTrue();
        assertThat(VaadinSessionSetup.browserWentAway(
                        new RuntimeException(new IOException("Connection reset by peer"))))
                .isTrue();
    }

    @Test
    void any_other_failure_is_an_error_with_a_reference() {
        assertThat(VaadinSessionSetup.browserWentAway(new IllegalStateException("Broken pipe")))
                .isFalse();
        assertThat(VaadinSessionSetup.browserWentAway(new IOException("Disk full")))
                .isFalse();
        assertThat(VaadinSessionSetup.browserWentAway(new RuntimeException("boom")))
                .isFalse();
    }

    @Test
    void a_client_message_out_of_step_is_the_clients_fault_and_nothing_else_is() {
        assertThat(VaadinSessionSetup.clientOutOfStep(new UnsupportedOperationException(
                        "Unexpected message id from the client. Expected client id: 4, got 7")))
                .isTrue();
        assertThat(VaadinSessionSetup.clientOutOfStep(new IllegalStateException(
                        "wrapped", new UnsupportedOperationException("Unexpected message id from the client."))))
                .isTrue();
        assertThat(VaadinSessionSetup.clientOutOfStep(new UnsupportedOperationException("not supported")))
                .isFalse();
        assertThat(VaadinSessionSetup.clientOutOfStep(new RuntimeException("Unexpected message id from the client")))
                .isFalse();
    }

    @Test
    void a_push_channel_lost_after_the_sign_out_ended_its_session_is_no_error() {
        IllegalStateException invalidated = new IllegalStateException("getAttribute: Session already invalidated");
        invalidated.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.apache.catalina.session.StandardSession", "getAttribute", null, 875),
            new StackTraceElement(
                    "com.vaadin.flow.server.communication.PushHandler", "handleConnectionLost", null, 451),
            new StackTraceElement("com.vaadin.flow.server.communication.PushHandler", "connectionLost", null, 388)
        });
        assertThat(VaadinSessionSetup.pushClosedAfterSignOut(new RuntimeException(invalidated)))
                .isTrue();

        IllegalStateException elsewhere = new IllegalStateException("getAttribute: Session already invalidated");
        elsewhere.setStackTrace(
                new StackTraceElement[] {new StackTraceElement("com.storemetrics.SomeView", "onAttach", null, 1)});
        assertThat(VaadinSessionSetup.pushClosedAfterSignOut(elsewhere))
                .as("the same message from our own code is an error")
                .isFalse();
        assertThat(VaadinSessionSetup.pushClosedAfterSignOut(new IllegalStateException("boom")))
                .isFalse();
    }
}
