package com.storemetrics.bench.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Load against a running app, in the browser's own protocol (issue 28, part 1): phases of
 * {@code --users} concurrent simulated customers ({@link SimulatedCustomer}), each phase adding
 * its new customers over {@code --ramp} and then holding for {@code --duration}; every phase prints
 * its open push sessions, requests per second, response times by request kind (p50/p95/p99/max),
 * errors by kind, the push latency of its trigger and the app's heap and CPU. Then every customer
 * signs out and the harness exits. Loopback only.
 *
 * <p>Options ({@code --name=value}): {@code base} (default {@code http://localhost:8080}),
 * {@code users} (default {@code 10,50,100}), {@code ramp} (seconds, default 10), {@code duration}
 * (seconds, default 60), {@code think} (seconds between a person's actions, default {@code 5-15}),
 * {@code customers} ({@code user:password,...}, default alice and bob, the demo customers, taken in
 * turn: many sessions of the same customers), {@code app-pid} (the app's JVM, for heap and CPU),
 * {@code triggers} (one per phase, {@code none}, {@code invite:ACCOUNT[:MARKER]} or
 * {@code remove:ACCOUNT[:MARKER]}: the sandbox's control API invites or removes our service Apple ID,
 * and a push frame containing MARKER is that change arriving), {@code trigger-at} (seconds into a
 * phase's hold, default 10), {@code control} (the app whose sandbox the triggers use, default
 * {@code base}; deploy/cluster's sandbox runs apart from the nodes), {@code rejoin} ({@code true}: a
 * session that breaks, as when its node dies, records the first answer its client gets, signs in
 * again and goes on; the summary says how long each was without a working page), {@code database}
 * (a JDBC URL of the app's database on loopback: the phase's report adds the push latency from the
 * commit of the trigger's change, the newest history row of the account to Approved or Removed).
 * {@code -Dbench.debug=true} prints the start of every push message
 * ({@code -Dbench.debug.chars=N} characters, default 300), to see what the server sends.
 */
public final class VaadinLoadBenchmark {

    private static final String SERVICE_APPLE_ID = "integration@storemetrics.example";

    private VaadinLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String base = options.getOrDefault("base", "http://localhost:8080").replaceAll("/+$", "");
        requireLoopback(base);
        int[] users = Arrays.stream(options.getOrDefault("users", "10,50,100").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim()))
                .toArray();
        long ramp = Long.parseLong(options.getOrDefault("ramp", "10"));
        long duration = Long.parseLong(options.getOrDefault("duration", "60"));
        String[] think = options.getOrDefault("think", "5-15").split("-");
        long thinkMin = Long.parseLong(think[0]) * 1000;
        long thinkMax = Long.parseLong(think[think.length - 1]) * 1000;
        String[] customers = options.getOrDefault("customers", "alice:alice-demo-2026,bob:bob-demo-2026")
                .split(",");
        String[] triggers = options.getOrDefault("triggers", "none").split(",");
        long triggerAt = Long.parseLong(options.getOrDefault("trigger-at", "10"));
        boolean rejoin = Boolean.parseBoolean(options.getOrDefault("rejoin", "false"));
        // Behind a proxy the sandbox is not on the base URL (its control API refuses forwarded requests).
        String control = options.getOrDefault("control", base).replaceAll("/+$", "");
        requireLoopback(control);
        String database = options.get("database");
        if (database != null) {
            requireLoopback(URI.create(database.substring("jdbc:".length())).toString());
        }

        System.out.printf(
                "Vaadin load: %s, phases %s users, ramp %d s, hold %d s, think %d-%d s, customers %d, started %s%n",
                base,
                Arrays.toString(users),
                ramp,
                duration,
                thinkMin / 1000,
                thinkMax / 1000,
                customers.length,
                Instant.now());
        LoadStats[] current = {new LoadStats()};
        List<SimulatedCustomer> running = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<String> reports = new ArrayList<>();
        try (AppProbe app = new AppProbe(options.get("app-pid"))) {
            for (int phase = 0; phase < users.length; phase++) {
                LoadStats stats = new LoadStats();
                current[0] = stats;
                app.mark();
                long phaseStart = System.nanoTime();
                int toAdd = users[phase] - running.size();
                for (int i = 0; i < toAdd; i++) {
                    String[] credentials = customers[running.size() % customers.length].split(":", 2);
                    SimulatedCustomer customer = new SimulatedCustomer(
                            base, credentials[0], credentials[1], () -> current[0], thinkMin, thinkMax, rejoin);
                    running.add(customer);
                    Thread thread = new Thread(customer, "customer-" + running.size());
                    thread.setDaemon(true);
                    threads.add(thread);
                    thread.start();
                    Thread.sleep(ramp * 1000 / Math.max(1, toAdd));
                }
                String trigger = phase < triggers.length ? triggers[phase].trim() : "none";
                long holdStart = System.nanoTime();
                if (!trigger.equals("none")) {
                    sleepSampling(Duration.ofSeconds(triggerAt), running, stats);
                    running.forEach(SimulatedCustomer::resetTrigger);
                    fire(control, trigger, stats);
                }
                long left = duration * 1_000_000_000L - (System.nanoTime() - holdStart);
                sleepSampling(Duration.ofNanos(Math.max(0, left)), running, stats);
                double seconds = (System.nanoTime() - phaseStart) / 1e9;
                String report = stats.report(
                        "phase " + (phase + 1) + ": " + users[phase] + " users (ramp " + ramp + " s + hold " + duration
                                + " s), trigger " + trigger,
                        seconds,
                        app.figures());
                if (database != null && !trigger.equals("none")) {
                    report += recorded(database, trigger)
                            .map(stats::fromRecorded)
                            .orElse("  push latency from the recorded change: the change is not in the database\n");
                }
                System.out.print(report);
                reports.add(report);
            }
            LoadStats closing = new LoadStats();
            current[0] = closing;
            running.forEach(SimulatedCustomer::stop);
            for (Thread thread : threads) {
                thread.join(30_000);
            }
            System.out.print(closing.report("sign-out of every customer", 1, "-"));
        }
        System.out.printf("Done at %s.%n", Instant.now());
    }

    /** Sleeps, sampling every half second how many customers have their push channel open. */
    private static void sleepSampling(Duration duration, List<SimulatedCustomer> running, LoadStats stats)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        while (true) {
            stats.sessions(
                    (int) running.stream().filter(SimulatedCustomer::pushOpen).count());
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            Thread.sleep(Math.min(500, Math.max(1, left / 1_000_000)));
        }
    }

    /** Commits a change through the sandbox's control API, as an account holder or admin would at Apple. */
    private static void fire(String app, String trigger, LoadStats stats) throws Exception {
        String[] parts = trigger.split(":");
        String account = parts[1];
        String control = app + "/sandbox/apple/control";
        HttpRequest.Builder request;
        String marker;
        if (parts[0].equals("invite")) {
            request = HttpRequest.newBuilder(URI.create(control + "/accounts/" + account + "/invitations"))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"email\":\"" + SERVICE_APPLE_ID + "\",\"roles\":[\"SALES\"]}"));
            // The approval's toast, not the "Approved" badge: every page or sort answer of a customer with an
            // Approved row carries the badge, and answers count as arrivals too.
            marker = parts.length > 2 ? parts[2] : "is approved: our service user is a member";
        } else if (parts[0].equals("remove")) {
            request = HttpRequest.newBuilder(
                            URI.create(control + "/accounts/" + account + "/users/" + SERVICE_APPLE_ID))
                    .method("DELETE", HttpRequest.BodyPublishers.noBody());
            marker = parts.length > 2 ? parts[2] : "was removed from your integrations";
        } else {
            throw new IllegalArgumentException("unknown trigger " + trigger);
        }
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(request.header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        stats.triggered(trigger + " (HTTP " + response.statusCode() + ")", marker, System.nanoTime());
        if (response.statusCode() / 100 != 2) {
            System.out.printf("Trigger %s refused: HTTP %d %s%n", trigger, response.statusCode(), response.body());
        }
    }

    /**
     * When the trigger's change was recorded: the newest history row of the account's integrations
     * to the status the trigger leads to. The verifier stamps it with its observation, before the
     * transaction that writes it.
     */
    private static Optional<Instant> recorded(String database, String trigger) throws SQLException {
        String[] parts = trigger.split(":");
        String status = parts[0].equals("invite") ? "APPROVED" : "REMOVED";
        try (Connection connection = DriverManager.getConnection(database);
                PreparedStatement query =
                        connection.prepareStatement("SELECT max(e.occurred_at) FROM integration_event e"
                                + " JOIN integration i ON i.id = e.integration_id"
                                + " JOIN store_account a ON a.id = i.account_id"
                                + " WHERE a.account_number = ? AND e.to_status = ?")) {
            query.setString(1, parts[1]);
            query.setString(2, status);
            try (ResultSet row = query.executeQuery()) {
                Timestamp at = row.next() ? row.getTimestamp(1) : null;
                return Optional.ofNullable(at).map(Timestamp::toInstant);
            }
        }
    }

    private static void requireLoopback(String base) throws Exception {
        String host = URI.create(base).getHost();
        if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
            throw new IllegalArgumentException("loopback only: " + base);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
