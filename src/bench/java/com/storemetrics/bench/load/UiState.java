package com.storemetrics.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What a browser's Flow client keeps of one UI, reduced to what the harness needs, and its answers
 * to the server, learnt from flow-client's {@code MessageHandler} and {@code MessageSender} (Vaadin
 * 24.9): messages are handled strictly in {@code syncId} order (a later one waits for the missing
 * one, an older one is ignored), {@code clientId} says which client message the server expects
 * next, {@code Vaadin-Security-Key} is the CSRF token of every UIDL request, and
 * {@code Vaadin-Push-ID} opens the push channel. From the state tree it keeps each node's
 * properties (to find the grid); from the executed JavaScript it answers what a browser answers:
 * the browser details request and the grid connector's {@code confirm(id)} of every data update.
 * Anything a real client would resynchronise or reload for is reported to {@code errors} by kind.
 * Push and request threads both deliver here, so every method is synchronized.
 */
final class UiState {

    /** How long flow-client waits for a missing message before it asks for a resynchronisation. */
    static final long MAX_MESSAGE_SUSPEND_MILLIS = 5_000;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The Data Integration page's grid (its id); a dialog's grid is not the one a person pages. */
    static final String GRID_ID = "integrations-grid";

    private final Consumer<String> errors;
    private final Map<Integer, Map<String, JsonNode>> nodes = new HashMap<>();
    private final TreeMap<Integer, JsonNode> waiting = new TreeMap<>();
    private final List<ObjectNode> answers = new ArrayList<>();
    private final List<String> itemKeys = new ArrayList<>();
    private final List<String> sortablePaths = new ArrayList<>();
    private final List<Integer> dialogs = new ArrayList<>();
    private int lastSeenSyncId = -1;
    private int nextClientId;
    private long waitingSince;
    private String csrfToken = "init";
    private String pushId;
    private int gridNode = -1;
    private int gridSize;
    private int[] detailsChannel;
    private int handled;
    private int ignoredOld;

    UiState(Consumer<String> errors) {
        this.errors = errors;
    }

    /** Handles one server message (the object inside {@code for(;;);[...]}), or queues it until its turn. */
    synchronized void handle(JsonNode message) {
        JsonNode meta = message.path("meta");
        if (meta.has("sessionExpired")) {
            errors.accept("session expired");
            return;
        }
        if (meta.has("appError")) {
            errors.accept("app error: " + meta.path("appError").path("caption").asText(""));
        }
        int serverId = message.has("syncId") ? message.get("syncId").asInt() : -1;
        boolean resynchronize = message.has("resynchronize");
        if (resynchronize) {
            errors.accept("resynchronize");
            if (serverId != lastSeenSyncId + 1) {
                lastSeenSyncId = serverId - 1;
                waiting.headMap(serverId).clear();
            }
        }
        if (serverId != -1 && serverId != lastSeenSyncId + 1) {
            if (serverId <= lastSeenSyncId) {
                ignoredOld++;
                return;
            }
            waiting.put(serverId, message);
            if (waitingSince == 0) {
                waitingSince = System.nanoTime();
            }
            return;
        }
        apply(message, serverId, resynchronize);
        while (!waiting.isEmpty() && waiting.firstKey() == lastSeenSyncId + 1) {
            JsonNode next = waiting.pollFirstEntry().getValue();
            apply(next, next.get("syncId").asInt(), next.has("resynchronize"));
        }
        waitingSince = waiting.isEmpty() ? 0 : System.nanoTime();
    }

    /** True (and reported once) when a message has waited for a missing one longer than flow-client would. */
    synchronized boolean stalled() {
        if (waitingSince != 0 && System.nanoTime() - waitingSince > MAX_MESSAGE_SUSPEND_MILLIS * 1_000_000) {
            errors.accept("message missing (flow-client would resynchronize)");
            waiting.clear();
            waitingSince = 0;
            return true;
        }
        return false;
    }

    private void apply(JsonNode message, int serverId, boolean resynchronize) {
        if (message.has("clientId")) {
            int expected = message.get("clientId").asInt();
            if (resynchronize || (expected > nextClientId && nextClientId == 0)) {
                nextClientId = expected;
            } else if (expected > nextClientId) {
                errors.accept("clientId ahead of ours");
                nextClientId = expected;
            }
            // expected < nextClientId: the server has not seen our request in flight yet; nothing to do.
        }
        if (serverId != -1) {
            lastSeenSyncId = serverId;
        }
        handled++;
        if (message.has("redirect")) {
            errors.accept("redirect to " + message.path("redirect").path("url").asText());
        }
        if (message.has("Vaadin-Security-Key")) {
            csrfToken = message.get("Vaadin-Security-Key").asText();
        }
        if (message.has("Vaadin-Push-ID")) {
            pushId = message.get("Vaadin-Push-ID").asText();
        }
        for (JsonNode change : message.path("changes")) {
            applyChange(change);
        }
        for (JsonNode command : message.path("execute")) {
            execute(command);
        }
    }

    private void applyChange(JsonNode change) {
        int node = change.path("node").asInt();
        switch (change.path("type").asText()) {
            case "put" -> {
                JsonNode value = change.has("value") ? change.get("value") : change.path("nodeValue");
                String key = change.path("key").asText();
                Map<String, JsonNode> properties = nodes.computeIfAbsent(node, n -> new HashMap<>());
                properties.put(key, value);
                if (key.equals("id") && value.asText().equals(GRID_ID)) {
                    gridNode = node;
                }
                if (key.equals("tag") && value.asText().equals("vaadin-dialog")) {
                    dialogs.add(node);
                }
            }
            case "detach" -> {
                nodes.remove(node);
                dialogs.remove(Integer.valueOf(node));
                if (node == gridNode) {
                    gridNode = -1;
                }
            }
            default -> {
                // splices, removals, attaches: the harness needs no more of the tree than properties
            }
        }
    }

    /** One {@code [param..., script]} entry of {@code execute}: answer what a browser answers. */
    private void execute(JsonNode command) {
        int last = command.size() - 1;
        String script = command.get(last).asText();
        if (script.contains("getBrowserDetailsParameters") && isChannel(command.get(0))) {
            ObjectNode details = JSON.objectNode()
                    .put("v-sh", "1080")
                    .put("v-sw", "1920")
                    .put("v-wh", "960")
                    .put("v-ww", "1680")
                    .put("v-bh", "960")
                    .put("v-bw", "1680")
                    .put("v-curdate", Long.toString(System.currentTimeMillis()))
                    .put("v-tzo", "0")
                    .put("v-dstd", "0")
                    .put("v-rtzo", "0")
                    .put("v-dston", "false")
                    .put("v-tzid", "UTC")
                    .put("v-td", "false")
                    .put("v-pr", "1")
                    .put("v-np", "Linux x86_64");
            answers.add(channelCall(command.get(0), JSON.arrayNode().add(details)));
        } else if (script.contains("$connector.confirm(") && last >= 2) {
            answers.add(serverCall(
                    nodeRef(command.get(0)), "confirmUpdate", JSON.arrayNode().add(command.get(1))));
        } else if (script.contains("$connector.updateSize(") && last >= 2) {
            gridSize = command.get(1).asInt();
        } else if (script.contains("$connector.set(") && last >= 3) {
            JsonNode items = command.get(2);
            JsonNode list = items.isArray() && items.size() == 2 && items.get(0).asInt() == 1 ? items.get(1) : items;
            for (JsonNode item : list) {
                String key = item.path("key").asText(null);
                if (key != null && !itemKeys.contains(key)) {
                    itemKeys.add(key);
                }
            }
        } else if (script.contains("setHeaderRenderer(")
                && last == 5
                && command.get(2).asBoolean()) {
            // {content: $1, showSorter: $2, sorterPath: $3} of the grid $4: a sortable column's id
            if (nodeRef(command.get(4)) == gridNode
                    && !sortablePaths.contains(command.get(3).asText())) {
                sortablePaths.add(command.get(3).asText());
            }
        } else if (command.size() > 2 && command.get(0).asText().equals("renderer")) {
            rememberDetailsChannel(command);
        }
    }

    /** The Actions column's Lit renderer: its return channel carries the row buttons' calls. */
    private void rememberDetailsChannel(JsonNode command) {
        int[] channel = null;
        boolean hasDetails = false;
        for (JsonNode param : command) {
            if (isChannel(param)) {
                channel = new int[] {param.get(1).asInt(), param.get(2).asInt()};
            } else if (param.isArray() && param.size() == 2 && param.get(0).asInt() == 1) {
                for (JsonNode callable : param.get(1)) {
                    hasDetails |= callable.asText().equals("details");
                }
            }
        }
        if (hasDetails && channel != null) {
            detailsChannel = channel;
        }
    }

    private static boolean isChannel(JsonNode param) {
        return param.isArray() && param.size() == 3 && param.get(0).asInt() == 2;
    }

    private static int nodeRef(JsonNode param) {
        return param.isArray() && param.size() == 2 && param.get(0).asInt() == 0
                ? param.get(1).asInt()
                : param.asInt();
    }

    private static ObjectNode channelCall(JsonNode channel, ArrayNode args) {
        ObjectNode call = JSON.objectNode().put("type", "channel");
        call.put("node", channel.get(1).asInt()).put("channel", channel.get(2).asInt());
        call.set("args", args);
        return call;
    }

    static ObjectNode serverCall(int node, String method, ArrayNode args) {
        ObjectNode call = JSON.objectNode().put("type", "publishedEventHandler").put("node", node);
        call.put("templateEventMethodName", method);
        call.set("templateEventMethodArgs", args);
        return call;
    }

    /** The UIDL request body for these calls, with this UI's CSRF token, syncId and next clientId. */
    synchronized ObjectNode request(List<ObjectNode> rpc) {
        ObjectNode body = JSON.objectNode().put("csrfToken", csrfToken);
        ArrayNode calls = body.putArray("rpc");
        rpc.forEach(calls::add);
        body.put("syncId", lastSeenSyncId).put("clientId", nextClientId++);
        return body;
    }

    /** The answers the server is owed (browser details, grid confirmations), taken out. */
    synchronized List<ObjectNode> takeAnswers() {
        List<ObjectNode> taken = new ArrayList<>(answers);
        answers.clear();
        return taken;
    }

    /** A click on a row's Details button: the renderer's return channel with the row's key. */
    synchronized ObjectNode detailsCall(String itemKey) {
        if (detailsChannel == null) {
            return null;
        }
        ObjectNode call = JSON.objectNode().put("type", "channel");
        call.put("node", detailsChannel[0]).put("channel", detailsChannel[1]);
        call.set("args", JSON.arrayNode().add("details").add(itemKey).add(JSON.arrayNode()));
        return call;
    }

    synchronized String pushId() {
        return pushId;
    }

    synchronized int gridNode() {
        return gridNode;
    }

    synchronized int gridSize() {
        return gridSize;
    }

    synchronized List<String> itemKeys() {
        return List.copyOf(itemKeys);
    }

    /** Column ids ({@code col0}, ...) of the page grid's sortable columns, from their header renderers. */
    synchronized List<String> sortablePaths() {
        return List.copyOf(sortablePaths);
    }

    /** The newest open dialog's node, or -1. */
    synchronized int openDialog() {
        for (int i = dialogs.size() - 1; i >= 0; i--) {
            JsonNode opened = nodes.getOrDefault(dialogs.get(i), Map.of()).get("opened");
            if (opened != null && opened.asBoolean()) {
                return dialogs.get(i);
            }
        }
        return -1;
    }

    /** What the browser sends when a dialog is closed (Escape, its close button): opened false. */
    static List<ObjectNode> closeDialog(int node) {
        ObjectNode sync =
                JSON.objectNode().put("type", "mSync").put("node", node).put("feature", 1);
        sync.put("property", "opened").put("value", false);
        ObjectNode event =
                JSON.objectNode().put("type", "event").put("node", node).put("event", "opened-changed");
        event.set("data", JSON.objectNode());
        return List.of(sync, event);
    }

    synchronized int handled() {
        return handled;
    }

    synchronized int ignoredOld() {
        return ignoredOld;
    }
}
