package com.storemetrics.support;

import com.storemetrics.integration.IntegrationStatus;

/**
 * What support filters the integrations grid by; every part is optional.
 *
 * @param status   one status, or null for all (Removed included: "why did my integration disappear?")
 * @param customer part of the customer's name or username, case-insensitive
 * @param account  part of the account's name, or its account number or one of its vendor numbers
 */
public record SupportFilter(IntegrationStatus status, String customer, String account) {

    private static final int MAX_TEXT = 200;

    public SupportFilter {
        customer = normalise(customer);
        account = normalise(account);
    }

    public static SupportFilter none() {
        return new SupportFilter(null, null, null);
    }

    public SupportFilter withStatus(IntegrationStatus newStatus) {
        return new SupportFilter(newStatus, customer, account);
    }

    public SupportFilter withCustomer(String text) {
        return new SupportFilter(status, text, account);
    }

    public SupportFilter withAccount(String text) {
        return new SupportFilter(status, customer, text);
    }

    /** Blank means "any"; surrounding space is ignored; absurdly long input is cut. */
    private static String normalise(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() > MAX_TEXT ? stripped.substring(0, MAX_TEXT) : stripped;
    }
}
