package com.storemetrics.integration;

/** Which kind of credential the customer connected with; the credential itself is never stored. */
public enum CredentialKind {
    ACCESS_TOKEN("Sales and Trends access token"),
    API_KEY("App Store Connect API key");

    private final String label;

    CredentialKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
