package com.storemetrics.connect.ui;

import com.storemetrics.connect.CredentialRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a step says when a call of the funnel failed: Apple's answer explained, or our own fault admitted. */
final class FailureMessages {

    private static final Logger log = LoggerFactory.getLogger(ConnectAppStoreDialog.class);

    private FailureMessages() {}

    static String messageFor(RuntimeException failure) {
        if (failure instanceof CredentialRejected rejected) {
            return rejected.userMessage();
        }
        log.error("Unexpected failure in the connection dialog", failure);
        return "Something unexpected went wrong on our side. Please try again; if it keeps happening, contact support.";
    }
}
