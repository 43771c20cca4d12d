package com.storemetrics.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;

/**
 * The parsed {@code jsonRequest} of a Reporter call: who asks (the access token), for which account,
 * which command with which arguments ({@code queryInput} as {@code [p=Reporter.properties, COMMAND, ARGS]}).
 */
record ReporterQuery(String accessToken, String account, String command, List<String> arguments) {

    static ReporterQuery parse(ObjectMapper json, String jsonRequest) {
        if (jsonRequest == null || jsonRequest.isBlank()) {
            throw ReporterError.invalid("expected a form field jsonRequest");
        }
        JsonNode root;
        try {
            root = json.readTree(jsonRequest);
        } catch (Exception e) {
            throw ReporterError.invalid("jsonRequest is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw ReporterError.invalid("jsonRequest is not a JSON object");
        }
        String queryInput = text(root, "queryInput");
        if (queryInput == null || !queryInput.startsWith("[") || !queryInput.endsWith("]")) {
            throw ReporterError.invalid("queryInput must look like [p=Reporter.properties, COMMAND, ARGS]");
        }
        List<String> parts = Arrays.stream(
                        queryInput.substring(1, queryInput.length() - 1).split(","))
                .map(String::trim)
                .toList();
        if (parts.size() < 2 || !parts.get(0).startsWith("p=") || parts.get(1).isEmpty()) {
            throw ReporterError.invalid("queryInput must look like [p=Reporter.properties, COMMAND, ARGS]");
        }
        String token = text(root, "accesstoken");
        if (token == null || token.isBlank()) {
            throw ReporterError.UNAUTHORIZED;
        }
        String account = text(root, "account");
        return new ReporterQuery(
                token,
                account == null || account.isBlank() ? null : account.trim(),
                parts.get(1),
                parts.subList(2, parts.size()));
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
