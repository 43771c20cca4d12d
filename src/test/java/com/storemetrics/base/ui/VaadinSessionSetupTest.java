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
}
