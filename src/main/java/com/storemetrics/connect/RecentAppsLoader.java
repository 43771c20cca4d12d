package com.storemetrics.connect;

import com.storemetrics.account.DiscoveredAccount;
import com.storemetrics.appstore.AppleFacts;
import com.storemetrics.appstore.AppleFailure;
import com.storemetrics.appstore.DailySales;
import com.storemetrics.appstore.ReporterClient;
import com.storemetrics.appstore.SalesRow;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Names the apps of accounts reached with an access token. The Reporter service has no app list,
 * so we read each vendor's most recent daily sales summary (up to {@link #DAYS_BACK} days back)
 * and take its apps: rows without a parent identifier (in-app purchases have one). One request
 * per vendor and day, vendors in parallel but at most {@link #PARALLEL_VENDORS} at a time.
 */
@Component
class RecentAppsLoader implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RecentAppsLoader.class);
    static final int DAYS_BACK = 7;
    static final int PARALLEL_VENDORS = 3;

    private final ReporterClient reporter;
    private final Clock clock;
    private final ExecutorService vendorPool = Executors.newFixedThreadPool(PARALLEL_VENDORS, runnable -> {
        Thread thread = new Thread(runnable, "recent-apps-loader");
        thread.setDaemon(true);
        return thread;
    });

    RecentAppsLoader(ReporterClient reporter, Clock clock) {
        this.reporter = reporter;
        this.clock = clock;
    }

    List<DiscoveredAccount> load(String accessToken, List<DiscoveredAccount> accounts) {
        List<CompletableFuture<DiscoveredAccount>> loading = accounts.stream()
                .map(account -> loadAccount(accessToken, account))
                .toList();
        return loading.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<DiscoveredAccount> loadAccount(String accessToken, DiscoveredAccount account) {
        List<CompletableFuture<VendorApps>> perVendor = account.vendorNumbers().stream()
                .map(vendor -> CompletableFuture.supplyAsync(
                        () -> mostRecentApps(accessToken, account.accountNumber(), vendor), vendorPool))
                .toList();
        return CompletableFuture.allOf(perVendor.toArray(CompletableFuture[]::new))
                .thenApply(done -> {
                    Map<String, DiscoveredAccount.DiscoveredApp> apps = new LinkedHashMap<>();
                    boolean anyUnavailable = false;
                    for (CompletableFuture<VendorApps> vendor : perVendor) {
                        VendorApps result = vendor.join();
                        anyUnavailable |= result.unavailable();
                        result.apps().forEach(app -> apps.putIfAbsent(app.appleIdentifier(), app));
                    }
                    List<DiscoveredAccount.DiscoveredApp> sorted = new ArrayList<>(apps.values());
                    sorted.sort(
                            Comparator.comparing(DiscoveredAccount.DiscoveredApp::name, String.CASE_INSENSITIVE_ORDER));
                    DiscoveredAccount.AppsState state = !sorted.isEmpty()
                            ? DiscoveredAccount.AppsState.LOADED
                            : anyUnavailable
                                    ? DiscoveredAccount.AppsState.UNAVAILABLE
                                    : DiscoveredAccount.AppsState.NO_RECENT_SALES;
                    return account.withApps(sorted, state);
                });
    }

    private VendorApps mostRecentApps(String accessToken, String accountNumber, String vendor) {
        // Apple's report days are Pacific days; yesterday's appears at 5 am Pacific, so an early
        // morning skips the "not available yet" day and reads the one before.
        LocalDate yesterday = AppleFacts.reportToday(clock).minusDays(1);
        try {
            for (int daysBack = 0; daysBack < DAYS_BACK; daysBack++) {
                DailySales answer =
                        reporter.dailySales(accessToken, accountNumber, vendor, yesterday.minusDays(daysBack));
                if (answer.outcome() == DailySales.Outcome.DATA) {
                    return new VendorApps(appsOf(answer.report().rows()), false);
                }
            }
            return new VendorApps(List.of(), false);
        } catch (AppleFailure failure) {
            // Naming apps is a courtesy: the account can be connected without it.
            log.info("Could not read recent sales of vendor {}: {} ({})", vendor, failure.kind(), failure.getMessage());
            return new VendorApps(List.of(), true);
        }
    }

    static List<DiscoveredAccount.DiscoveredApp> appsOf(List<SalesRow> rows) {
        Map<String, DiscoveredAccount.DiscoveredApp> apps = new LinkedHashMap<>();
        for (SalesRow row : rows) {
            boolean isApp =
                    row.parentIdentifier() == null || row.parentIdentifier().isBlank();
            if (isApp && row.appleIdentifier() != null && !row.appleIdentifier().isBlank()) {
                apps.putIfAbsent(
                        row.appleIdentifier(), new DiscoveredAccount.DiscoveredApp(row.appleIdentifier(), row.title()));
            }
        }
        return List.copyOf(apps.values());
    }

    @Override
    public void destroy() {
        vendorPool.shutdownNow();
    }

    private record VendorApps(List<DiscoveredAccount.DiscoveredApp> apps, boolean unavailable) {}
}
