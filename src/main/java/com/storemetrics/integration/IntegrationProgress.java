package com.storemetrics.integration;

/** How far a Pending integration has come, as the verifier last saw it. */
public enum IntegrationProgress {
    WAITING_FOR_INVITATION("Waiting for invitation"),
    INVITATION_RECEIVED("Invitation received"),
    ACCEPTED("Accepted"),
    DONE("Done");

    private final String label;

    IntegrationProgress(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
