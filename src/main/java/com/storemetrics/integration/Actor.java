package com.storemetrics.integration;

/** Who made a status change: a dashboard user, support staff or the background verifier. */
public record Actor(Kind kind, String name) {

    public enum Kind {
        CUSTOMER,
        SUPPORT,
        VERIFIER
    }

    public static final Actor VERIFIER = new Actor(Kind.VERIFIER, "verifier");

    public static Actor customer(String username) {
        return new Actor(Kind.CUSTOMER, username);
    }

    public static Actor support(String username) {
        return new Actor(Kind.SUPPORT, username);
    }

    /** Who it was, in the same words everywhere (customer's history, support's console). */
    public String label() {
        return switch (kind) {
            case CUSTOMER -> "Customer " + name;
            case SUPPORT -> "Support " + name;
            case VERIFIER -> "Storemetrics verifier";
        };
    }
}
