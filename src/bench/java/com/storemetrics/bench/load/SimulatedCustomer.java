package com.storemetrics.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One person in one browser, on its own HTTP session: signs in through the login form with Spring
 * Security's CSRF token, opens My Account &gt; Data Integration the way Flow's client does (the page,
 * {@code ?v-r=init}, then the {@code ui-navigate} event over UIDL), keeps the Atmosphere WebSocket
 * push channel open, answers what the server asks of a browser, and every few seconds pages or
 * sorts the grid or opens a row's details, as a person does. Signs out at the end.
 */
final class SimulatedCustomer implements Runnable {

    static final String ROUTE = "my-account/data-integration";
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int UIDL_ATTEMPTS = 3;
    private static final Duration UIDL_RESEND_PAUSE = Duration.ofSeconds(1);

    private final String base;
    private final String username;
    private final String password;
    private final Supplier<LoadStats> stats;
    private final long thinkMinMillis;
    private final long thinkMaxMillis;
    private final HttpClient http;
    private final boolean rejoin;
    private UiState ui;
    private final Semaphore wake = new Semaphore(0);
    private volatile AtmosphereFraming framing = new AtmosphereFraming();
    private long brokenAt;
    private String lastBreakAnswer = "";
    private final boolean[] seenTrigger = new boolean[1];
    private volatile boolean stop;
    private volatile boolean pushOpen;
    private volatile boolean closing;
    /** How many push channels were given up (re-joins): a listener of an older one is ignored. */
    private volatile int channels;
    /** A UIDL message the server never took: the UI is out of step, as after its node died. */
    private volatile boolean uidlLost;

    private volatile WebSocket socket;
    private String logoutToken;
    private int uiId;
    private long heartbeatNanos;

    SimulatedCustomer(
            String base,
            String username,
            String password,
            Supplier<LoadStats> stats,
            long thinkMin,
            long thinkMax,
            boolean rejoin) {
        this.base = base;
        this.rejoin = rejoin;
        this.username = username;
        this.password = password;
        this.stats = stats;
        this.thinkMinMillis = thinkMin;
        this.thinkMaxMillis = thinkMax;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        this.ui = new UiState(kind -> stats.get().error(kind));
    }

    boolean pushOpen() {
        return pushOpen;
    }

    /** Asks the person to finish: the loop ends, the push channel closes and the session signs out. */
    void stop() {
        stop = true;
        wake.release();
    }

    /** A new trigger: this browser has not yet seen its frame. */
    void resetTrigger() {
        synchronized (seenTrigger) {
            seenTrigger[0] = false;
        }
    }

    @Override
    public void run() {
        try {
            boolean working = signIn() && openPage() && openPush() && navigate();
            while (true) {
                if (working) {
                    if (brokenAt != 0) {
                        stats.get().outage(System.nanoTime() - brokenAt);
                        brokenAt = 0;
                    }
                    actUntilStopped();
                }
                if (stop || !rejoin) {
                    break;
                }
                working = rejoin();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            stats.get().error("unexpected " + e.getClass().getSimpleName());
        } finally {
            signOut();
        }
    }

    /**
     * The session broke (its node died, or the push channel closed): what a person's browser does.
     * Flow's client sends its next request; the answer is recorded (HAProxy sends it to the other
     * node, which knows neither the session nor the UI); the page reloads, the login page asks to
     * sign in again, and the person does. Tried once a second until it works or the run ends.
     */
    private boolean rejoin() throws IOException, InterruptedException {
        if (brokenAt == 0) {
            brokenAt = System.nanoTime();
            lastBreakAnswer = answerAfterBreak();
            stats.get().broke(lastBreakAnswer);
        } else if (lastBreakAnswer.startsWith("5") || lastBreakAnswer.startsWith("no answer")) {
            // The proxy had not yet seen the node die: what the client gets once it has.
            String next = answerAfterBreak();
            if (!next.equals(lastBreakAnswer)) {
                stats.get().broke("then " + next);
                lastBreakAnswer = next;
            }
        }
        wake.tryAcquire(1, TimeUnit.SECONDS);
        if (stop) {
            return false;
        }
        closing = true;
        WebSocket old = socket;
        if (old != null) {
            old.abort();
        }
        socket = null;
        pushOpen = false;
        closing = false;
        uidlLost = false;
        channels++;
        ui = new UiState(kind -> stats.get().error(kind));
        framing = new AtmosphereFraming();
        HttpResponse<String> page = timed("reload after break", get("/" + ROUTE));
        if (page == null) {
            return false;
        }
        boolean toLogin = page.statusCode() == 302
                && page.headers().firstValue("Location").orElse("").contains("/login");
        if (!toLogin && page.statusCode() != 200) {
            return failed("reload after break", page);
        }
        return signIn() && openPage() && openPush() && navigate();
    }

    /** Flow's client's next request on the lost UI (a heartbeat), classified by its answer. */
    private String answerAfterBreak() throws InterruptedException {
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/?v-r=heartbeat&v-uiId=" + uiId))
                            .timeout(TIMEOUT)
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String location = answer.headers().firstValue("Location").orElse("");
            if (answer.statusCode() == 302 && location.contains("/login")) {
                return "302 to the login page";
            }
            if (answer.body().contains("sessionExpired")) {
                return answer.statusCode() + " session expired (Flow's client reloads: login page)";
            }
            return answer.statusCode() + (location.isEmpty() ? "" : " to " + location);
        } catch (IOException e) {
            return "no answer: " + e.getClass().getSimpleName();
        }
    }

    private boolean signIn() throws IOException, InterruptedException {
        HttpResponse<String> page = timed("login page", get("/login"));
        if (page == null || page.statusCode() != 200) {
            return failed("login page", page);
        }
        Matcher token = CSRF.matcher(page.body());
        if (!token.find()) {
            stats.get().error("login page without CSRF token");
            return false;
        }
        String form =
                "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
        HttpResponse<String> posted = timed(
                "login POST",
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build());
        if (posted == null) {
            return false;
        }
        String location = posted.headers().firstValue("Location").orElse("");
        if (posted.statusCode() != 302 || location.contains("error") || location.contains("locked")) {
            stats.get().error("login refused (" + posted.statusCode() + " " + location + ")");
            return false;
        }
        return true;
    }

    /** The page's HTML (Vaadin's index.html with the CSRF meta tags), then the UI's init request. */
    private boolean openPage() throws IOException, InterruptedException {
        HttpResponse<String> page = timed("bootstrap page", get("/" + ROUTE));
        if (page == null || page.statusCode() != 200) {
            return failed("bootstrap page", page);
        }
        Matcher token = CSRF.matcher(page.body());
        logoutToken = token.find() ? token.group(1) : null;
        HttpResponse<String> init = timed("init (v-r=init)", get("/?v-r=init&location=" + encode(ROUTE) + "&query="));
        if (init == null || init.statusCode() != 200) {
            return failed("init", init);
        }
        JsonNode config = JSON.readTree(init.body()).path("appConfig");
        if (!config.has("v-uiId") || !config.has("uidl")) {
            stats.get().error("init without appConfig");
            return false;
        }
        uiId = config.get("v-uiId").asInt();
        heartbeatNanos =
                TimeUnit.SECONDS.toNanos(config.path("heartbeatInterval").asLong(300));
        ui.handle(config.get("uidl"));
        return true;
    }

    /** Atmosphere over WebSocket, with the query parameters atmosphere.js adds (its protocol on, lengths tracked). */
    private boolean openPush() throws InterruptedException {
        String pushId = ui.pushId();
        if (pushId == null) {
            stats.get().error("no Vaadin-Push-ID");
            return false;
        }
        URI uri = URI.create(base.replaceFirst("^http", "ws") + "/VAADIN/push?v-r=push&v-uiId=" + uiId
                + "&v-pushId=" + encode(pushId)
                + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=3.1.5-javascript"
                + "&X-Atmosphere-Transport=websocket&X-Atmosphere-TrackMessageSize=true"
                + "&Content-Type=" + encode("application/json; charset=UTF-8") + "&X-atmo-protocol=true");
        long start = System.nanoTime();
        try {
            socket = http.newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(uri, new PushListener())
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            stats.get().error("push open failed: " + rootCause(e));
            return false;
        }
        stats.get().time("push open (WebSocket)", System.nanoTime() - start);
        pushOpen = true;
        return true;
    }

    /** What Flow's client router sends once the UI is up: navigate to the page's route. */
    private boolean navigate() throws InterruptedException {
        ObjectNode data = NODES.objectNode()
                .put("route", ROUTE)
                .put("query", "")
                .put("appShellTitle", "")
                .put("trigger", "");
        data.putNull("historyState");
        ObjectNode event =
                NODES.objectNode().put("type", "event").put("node", 1).put("event", "ui-navigate");
        event.set("data", data);
        if (!uidl("uidl navigate", List.of(event))) {
            return false;
        }
        if (ui.gridNode() < 0) {
            stats.get().error("page without the integrations grid");
            return false;
        }
        return true;
    }

    private void actUntilStopped() throws InterruptedException {
        long nextAction = System.nanoTime() + think();
        long nextHeartbeat = System.nanoTime() + heartbeatNanos;
        while (!stop) {
            long waitNanos = Math.min(nextAction - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(250));
            wake.tryAcquire(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
            if (stop) {
                break;
            }
            if ((!pushOpen && !closing) || uidlLost) {
                break;
            }
            if (ui.stalled()) {
                ObjectNode body = ui.request(List.of());
                body.put("resynchronize", true);
                send("uidl resynchronize", body);
            }
            List<ObjectNode> answers = ui.takeAnswers();
            if (!answers.isEmpty()) {
                uidl("uidl answer (confirm)", answers);
            }
            if (heartbeatNanos > 0 && System.nanoTime() >= nextHeartbeat) {
                heartbeat();
                nextHeartbeat = System.nanoTime() + heartbeatNanos;
            }
            if (System.nanoTime() >= nextAction) {
                act();
                nextAction = System.nanoTime() + think();
            }
        }
    }

    /**
     * One thing a person does: scroll to another page of rows, sort by a column, or open a row's
     * details (and, at the next turn, close them again).
     */
    private void act() throws InterruptedException {
        int grid = ui.gridNode();
        int dialog = ui.openDialog();
        if (dialog >= 0) {
            uidl("uidl close details", UiState.closeDialog(dialog));
            return;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int choice = random.nextInt(100);
        List<String> keys = ui.itemKeys();
        if (choice < 20 && !keys.isEmpty()) {
            ObjectNode details = ui.detailsCall(keys.get(random.nextInt(keys.size())));
            if (details != null) {
                uidl("uidl open details", List.of(details));
                return;
            }
        }
        if (choice < 60) {
            List<String> paths = ui.sortablePaths();
            if (!paths.isEmpty()) {
                ObjectNode sorter = NODES.objectNode()
                        .put("path", paths.get(random.nextInt(paths.size())))
                        .put("direction", random.nextBoolean() ? "asc" : "desc");
                uidl(
                        "uidl sort",
                        List.of(UiState.serverCall(
                                grid,
                                "sortersChanged",
                                NODES.arrayNode().add(NODES.arrayNode().add(sorter)))));
                return;
            }
        }
        int pages = Math.max(1, (ui.gridSize() + 49) / 50);
        int start = random.nextInt(pages) * 50;
        uidl(
                "uidl page",
                List.of(UiState.serverCall(
                        grid, "setViewportRange", NODES.arrayNode().add(start).add(50))));
    }

    /** Flow's heartbeat: tells the server the page is still open (every heartbeatInterval seconds). */
    private void heartbeat() throws InterruptedException {
        HttpResponse<String> response = timed(
                "heartbeat",
                HttpRequest.newBuilder(URI.create(base + "/?v-r=heartbeat&v-uiId=" + uiId))
                        .timeout(TIMEOUT)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build());
        if (response != null && response.statusCode() != 200) {
            failed("heartbeat", response);
        }
    }

    private boolean uidl(String kind, List<ObjectNode> rpc) throws InterruptedException {
        return send(kind, ui.request(rpc));
    }

    /**
     * Sends one UIDL message. As flow-client does, a message that got no answer, or a 5xx one, is
     * sent again unchanged (same {@code clientId}) after a pause; one sent with the next id instead
     * would be out of order for the server ("Unexpected message id"), which answers with an error.
     * Given up after {@link #UIDL_ATTEMPTS}: the session counts as broken (see {@link #rejoin}).
     */
    private boolean send(String kind, ObjectNode body) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=" + uiId))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = timed(attempt == 1 ? kind : kind + " (sent again)", request);
            if (response != null && response.statusCode() == 200) {
                synchronized (seenTrigger) {
                    stats.get().uidlAnswer(response.body(), System.nanoTime(), seenTrigger);
                }
                return handleUidl(kind, response.body());
            }
            boolean again = response == null || response.statusCode() >= 500;
            if (!again || attempt == UIDL_ATTEMPTS || stop) {
                uidlLost = true;
                return failed(kind, response);
            }
            Thread.sleep(UIDL_RESEND_PAUSE.toMillis());
        }
    }

    private boolean handleUidl(String kind, String text) {
        if (!text.startsWith("for(;;);")) {
            stats.get().error(kind + ": not a UIDL response");
            return false;
        }
        try {
            for (JsonNode message : JSON.readTree(text.substring("for(;;);".length()))) {
                ui.handle(message);
            }
            return true;
        } catch (IOException e) {
            stats.get().error(kind + ": malformed JSON");
            return false;
        }
    }

    private void signOut() {
        closing = true;
        WebSocket open = socket;
        if (open != null && !open.isOutputClosed()) {
            try {
                open.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                stats.get().error("push close failed");
            }
        }
        pushOpen = false;
        if (logoutToken == null) {
            return;
        }
        try {
            HttpResponse<String> out = timed(
                    "logout POST",
                    HttpRequest.newBuilder(URI.create(base + "/logout"))
                            .timeout(TIMEOUT)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(logoutToken)))
                            .build());
            if (out != null && out.statusCode() != 302) {
                stats.get().error("logout " + out.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .GET()
                .build();
    }

    /** Sends and records the response time under {@code kind}; a failure to get any answer is an error of that kind. */
    private HttpResponse<String> timed(String kind, HttpRequest request) throws InterruptedException {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            stats.get().time(kind, System.nanoTime() - start);
            return response;
        } catch (HttpTimeoutException e) {
            stats.get().error(kind + ": timed out");
        } catch (IOException e) {
            stats.get().error(kind + ": " + e.getClass().getSimpleName());
        }
        return null;
    }

    private boolean failed(String kind, HttpResponse<String> response) {
        if (response != null) {
            stats.get().error(kind + ": HTTP " + response.statusCode());
        }
        return false;
    }

    private long think() {
        return TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(thinkMinMillis, thinkMaxMillis + 1));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }

    /** Server-to-client half of the push channel: Atmosphere's handshake and heartbeats, then UIDL messages. */
    private final class PushListener implements WebSocket.Listener {

        /** Which of this customer's push channels this one is (see {@link #channels}). */
        private final int channel = channels;

        private boolean handshakeSeen;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long arrived = System.nanoTime();
            if (channel != channels) {
                webSocket.request(1);
                return null;
            }
            try {
                for (String message : framing.append(data)) {
                    onMessage(webSocket, message, arrived);
                }
            } catch (RuntimeException e) {
                stats.get().error("push frame: " + e.getClass().getSimpleName());
            }
            webSocket.request(1);
            return null;
        }

        private void onMessage(WebSocket webSocket, String message, long arrived) throws RuntimeException {
            if (!handshakeSeen && !message.startsWith("for(;;);")) {
                // "<tracking id>|<heartbeat ms>|<padding>|": Atmosphere's protocol handshake. Vaadin's
                // client sends no Atmosphere heartbeat (the server would take it for a message); it
                // keeps the UI alive with its own heartbeat request instead (see actUntilStopped).
                handshakeSeen = true;
                return;
            }
            if (!message.startsWith("for(;;);")) {
                return; // the server's heartbeat padding
            }
            if (Boolean.getBoolean("bench.debug")) {
                System.out.println("PUSH " + username + " "
                        + message.substring(
                                0, Math.min(Integer.getInteger("bench.debug.chars", 300), message.length())));
            }
            synchronized (seenTrigger) {
                stats.get().pushFrame(message, arrived, seenTrigger);
            }
            if (!handleUidl("push message", message)) {
                return;
            }
            wake.release();
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (channel != channels) {
                return null; // a channel given up on a re-join: not the one open now
            }
            if (!closing) {
                stats.get().error("push closed by server (" + statusCode + ")");
            }
            pushOpen = false;
            wake.release();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (channel != channels) {
                return;
            }
            if (!closing) {
                stats.get().error("push error: " + error.getClass().getSimpleName());
            }
            pushOpen = false;
            wake.release();
        }
    }
}
