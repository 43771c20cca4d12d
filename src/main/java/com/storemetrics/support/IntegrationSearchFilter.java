package com.storemetrics.support;

import com.storemetrics.integration.IntegrationStatus;

/**
 * What support filters the integrations grid by; every part is optional.
 *
 * @param status   one status, or null for all (Removed included: "why did my integration disappear?")
 * @param customer part of the customer's name or username, case-insensitive
 * @param account  part of the account's name, or its account number or one of its vendor numbers
 */
public record IntegrationSearchFilter(IntegrationStatus status, String customer, String account) {

    private static final int MAX_TEXT = 200;

    public IntegrationSearchFilter {
        customer = normalise(customer);
        account = normalise(account);
    }

    public static IntegrationSearchFilter none() {
        return new IntegrationSearchFilter(null, null, null);
    }

    public IntegrationSearchFilter withStatus(IntegrationStatus newStatus) {
        return new IntegrationSearchFilter(newStatus, customer, account);
    }

    public IntegrationSearchFilter withCustomer(String text) {
        return new IntegrationSearchFilter(status, text, account);
    }

    public IntegrationSearchFilter withAccount(String text) {
        return new IntegrationSearchFilter(status, customer, text);
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
