package com.storemetrics.appstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The App Store Connect API's JSON:API documents, read as trees: unknown fields are ignored, unknown
 * role names are kept as they are, a missing optional attribute is a default, never an error.
 */
final class ApiJson {

    /** One page of a list: its items and the absolute {@code links.next}, if there is one. */
    record Page<T>(List<T> items, Optional<String> next) {}

    /** The first entry of an {@code errors} array. Any field may be missing (empty string). */
    record ApiError(String status, String code, String title, String detail) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ApiJson() {}

    static Page<AppleApp> apps(byte[] json) {
        return page(json, "apps", resource -> {
            JsonNode attributes = resource.path("attributes");
            return new AppleApp(
                    id(resource),
                    text(attributes, "name"),
                    text(attributes, "bundleId"),
                    text(attributes, "sku"),
                    text(attributes, "primaryLocale"));
        });
    }

    static Page<TeamUser> users(byte[] json) {
        return page(json, "users", resource -> {
            JsonNode attributes = resource.path("attributes");
            return new TeamUser(
                    id(resource),
                    text(attributes, "username"),
                    text(attributes, "firstName"),
                    text(attributes, "lastName"),
                    roles(attributes),
                    attributes.path("allAppsVisible").asBoolean(false));
        });
    }

    static Page<UserInvitation> invitations(byte[] json) {
        return page(json, "userInvitations", ApiJson::invitation);
    }

    /** A single-resource document, e.g. the answer to {@code POST /v1/userInvitations}. */
    static UserInvitation createdInvitation(byte[] json) {
        JsonNode data = document(json).path("data");
        if (!data.isObject()) {
            throw new UnreadableAnswer("no \"data\" object in the answer");
        }
        return invitation(data);
    }

    /** The first error of an error document; empty when the body is not one (never throws). */
    static Optional<ApiError> firstError(byte[] json) {
        if (json == null || json.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode errors = MAPPER.readTree(json).path("errors");
            if (!errors.isArray() || errors.isEmpty() || !errors.get(0).isObject()) {
                return Optional.empty();
            }
            JsonNode first = errors.get(0);
            return Optional.of(new ApiError(
                    text(first, "status"), text(first, "code"), text(first, "title"), text(first, "detail")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static byte[] invitationBody(InvitationRequest request) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode data = root.putObject("data");
        data.put("type", "userInvitations");
        ObjectNode attributes = data.putObject("attributes");
        attributes.put("email", request.email());
        attributes.put("firstName", request.firstName());
        attributes.put("lastName", request.lastName());
        ArrayNode roles = attributes.putArray("roles");
        request.roles().forEach(roles::add);
        attributes.put("allAppsVisible", request.allAppsVisible());
        List<String> visibleAppIds = request.visibleAppIds() == null ? List.of() : request.visibleAppIds();
        if (!visibleAppIds.isEmpty()) {
            ArrayNode apps =
                    data.putObject("relationships").putObject("visibleApps").putArray("data");
            visibleAppIds.forEach(id -> apps.addObject().put("type", "apps").put("id", id));
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an invitation body", e);
        }
    }

    private static UserInvitation invitation(JsonNode resource) {
        JsonNode attributes = resource.path("attributes");
        return new UserInvitation(
                id(resource),
                text(attributes, "email"),
                text(attributes, "firstName"),
                text(attributes, "lastName"),
                roles(attributes),
                attributes.path("allAppsVisible").asBoolean(false),
                instant(attributes.path("expirationDate")));
    }

    private static JsonNode document(byte[] json) {
        JsonNode document;
        try {
            document = MAPPER.readTree(json);
        } catch (IOException e) {
            String reason =
                    e instanceof JsonProcessingException processing ? processing.getOriginalMessage() : e.getMessage();
            throw new UnreadableAnswer("not JSON: " + reason, e);
        }
        if (document == null || !document.isObject()) {
            throw new UnreadableAnswer("not a JSON object");
        }
        return document;
    }

    private static <T> Page<T> page(byte[] json, String type, Function<JsonNode, T> reader) {
        JsonNode document = document(json);
        List<T> items = resources(document, type, reader);
        JsonNode next = document.path("links").path("next");
        return new Page<>(
                items, next.isTextual() && !next.asText().isBlank() ? Optional.of(next.asText()) : Optional.empty());
    }

    private static <T> List<T> resources(JsonNode document, String type, Function<JsonNode, T> reader) {
        JsonNode data = document.path("data");
        if (!data.isArray()) {
            throw new UnreadableAnswer("no \"data\" array in the answer");
        }
        List<T> items = new ArrayList<>();
        for (JsonNode resource : data) {
            // A resource of another type (e.g. a future "included" mix-up) is not ours to read.
            if (resource.isObject() && type.equals(resource.path("type").asText(type))) {
                items.add(reader.apply(resource));
            }
        }
        return List.copyOf(items);
    }

    private static String id(JsonNode resource) {
        JsonNode id = resource.path("id");
        if (!id.isValueNode() || id.asText().isBlank()) {
            throw new UnreadableAnswer("a resource without an id");
        }
        return id.asText();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    /** Role names as sent, unknown ones included; anything but strings is skipped. */
    private static List<String> roles(JsonNode attributes) {
        List<String> roles = new ArrayList<>();
        for (JsonNode role : attributes.path("roles")) {
            if (role.isTextual() && !role.asText().isBlank()) {
                roles.add(role.asText());
            }
        }
        return List.copyOf(roles);
    }

    private static Instant instant(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
