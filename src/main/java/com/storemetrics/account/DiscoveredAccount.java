package com.storemetrics.account;

import java.util.List;

/**
 * An account a credential sees, as step 2 shows it. {@code accountNumber} is null for an account
 * reached with an API key (the API does not reveal it); such an account is identified by its
 * vendor number.
 */
public record DiscoveredAccount(
        String accountNumber, String name, List<String> vendorNumbers, List<DiscoveredApp> apps, AppsState appsState) {

    /** How much we know about the account's apps. */
    public enum AppsState {
        /** Not asked yet (access tokens: apps come from the most recent sales summary, loaded next). */
        NOT_LOADED,
        LOADED,
        /** No sales in the last days, so the Reporter service cannot name the apps yet. */
        NO_RECENT_SALES,
        /** Apple did not answer; the account can still be connected. */
        UNAVAILABLE
    }

    public DiscoveredAccount {
        vendorNumbers = List.copyOf(vendorNumbers);
        apps = List.copyOf(apps);
    }

    /** What identifies the account across customers: its number, or its first vendor number. */
    public String key() {
        return accountNumber != null ? accountNumber : "vendor:" + vendorNumbers.get(0);
    }

    public DiscoveredAccount withApps(List<DiscoveredApp> newApps, AppsState state) {
        return new DiscoveredAccount(accountNumber, name, vendorNumbers, newApps, state);
    }

    public record DiscoveredApp(String appleIdentifier, String name) {}
}
