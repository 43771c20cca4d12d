package com.storemetrics;

import com.storemetrics.account.DiscoveredAccount;
import java.util.List;

/** The sandbox's demo accounts as step 2 would show them (apps not named), for tests that finish the funnel directly. */
public final class DemoAccounts {

    public static final DiscoveredAccount PIXEL_FORGE = new DiscoveredAccount(
            "100001",
            "Pixel Forge Studio",
            List.of("85000001"),
            List.of(),
            DiscoveredAccount.AppsState.NO_RECENT_SALES);
    public static final DiscoveredAccount ALICE_MARTIN = new DiscoveredAccount(
            "100002", "Alice Martin", List.of("85000002"), List.of(), DiscoveredAccount.AppsState.NO_RECENT_SALES);

    private DemoAccounts() {}
}
