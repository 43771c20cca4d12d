package com.storemetrics.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The App Store Connect API's users and user invitations of the key's team: list, invite (Admin), withdraw (Admin). */
@RestController
@ConditionalOnSandbox
class ApiUsersController {

    static final Set<String> USER_ROLES = Set.of(
            "ADMIN",
            "FINANCE",
            "ACCOUNT_HOLDER",
            "SALES",
            "MARKETING",
            "APP_MANAGER",
            "DEVELOPER",
            "ACCESS_TO_REPORTS",
            "CUSTOMER_SUPPORT",
            "CREATE_APPS",
            "CLOUD_MANAGED_DEVELOPER_ID",
            "CLOUD_MANAGED_APP_DISTRIBUTION",
            "GENERATE_INDIVIDUAL_KEYS");

    private final ApiGate gate;
    private final SandboxWorld world;
    private final ObjectMapper json;

    ApiUsersController(ApiGate gate, SandboxWorld world, ObjectMapper json) {
        this.gate = gate;
        this.world = world;
        this.json = json;
    }

    @GetMapping(JsonApi.PATH + "/users")
    ResponseEntity<Object> users(HttpServletRequest request) {
        ApiGate.Caller caller = gate.authenticate(request);
        List<String> usernames = JsonApi.filterValues(request, "filter[username]");
        List<SandboxWorld.Member> members = world.members(caller.account()).stream()
                .filter(m -> usernames.isEmpty() || usernames.stream().anyMatch(u -> u.equalsIgnoreCase(m.email())))
                .toList();
        String apiBase = JsonApi.apiBase(request);
        return gate.ok(
                request,
                JsonApi.page(
                        members,
                        request,
                        m -> JsonApi.resource(
                                "users",
                                m.id(),
                                apiBase,
                                "username",
                                m.email(),
                                "firstName",
                                m.firstName(),
                                "lastName",
                                m.lastName(),
                                "roles",
                                m.roles(),
                                "allAppsVisible",
                                m.allAppsVisible(),
                                "provisioningAllowed",
                                m.provisioningAllowed())));
    }

    @GetMapping(JsonApi.PATH + "/userInvitations")
    ResponseEntity<Object> invitations(HttpServletRequest request) {
        ApiGate.Caller caller = gate.authenticate(request);
        List<String> emails = JsonApi.filterValues(request, "filter[email]");
        List<SandboxWorld.Invitation> pending = world.pendingInvitations(caller.account(), null).stream()
                .filter(i -> emails.isEmpty() || emails.stream().anyMatch(e -> e.equalsIgnoreCase(i.email())))
                .toList();
        String apiBase = JsonApi.apiBase(request);
        return gate.ok(request, JsonApi.page(pending, request, i -> invitationResource(i, apiBase)));
    }

    @PostMapping(JsonApi.PATH + "/userInvitations")
    ResponseEntity<Object> invite(HttpServletRequest request, @RequestBody(required = false) String body) {
        ApiGate.Caller caller = gate.authenticate(request);
        if (!caller.hasRole("ADMIN")) {
            throw ApiError.forbidden("The API key in use does not allow this request");
        }
        SandboxWorld.InvitationDraft draft = invitationDraft(body, caller.account());
        SandboxWorld.Invitation invitation;
        try {
            invitation = world.invite(caller.account(), draft);
        } catch (SandboxRefusal duplicate) {
            throw ApiError.entity(
                    "ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE",
                    "The provided entity includes an attribute with a value that has already been used",
                    duplicate.getMessage());
        }
        String apiBase = JsonApi.apiBase(request);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("data", invitationResource(invitation, apiBase));
        document.put("links", Map.of("self", request.getRequestURL().toString()));
        return gate.respond(request, HttpStatus.CREATED, document);
    }

    @DeleteMapping(JsonApi.PATH + "/userInvitations/{id}")
    ResponseEntity<Object> deleteInvitation(HttpServletRequest request, @PathVariable String id) {
        ApiGate.Caller caller = gate.authenticate(request);
        if (!caller.hasRole("ADMIN")) {
            throw ApiError.forbidden("The API key in use does not allow this request");
        }
        try {
            world.deleteInvitation(caller.account(), id);
        } catch (SandboxRefusal unknown) {
            throw ApiError.notFound("There is no resource of type 'userInvitations' with id '" + id + "'");
        }
        return gate.respond(request, HttpStatus.NO_CONTENT, null);
    }

    /** Validates a {@code POST /v1/userInvitations} document the way Apple does: 409 ENTITY_ERROR for its content. */
    private SandboxWorld.InvitationDraft invitationDraft(String body, String accountNumber) {
        JsonNode data;
        try {
            data = body == null ? null : json.readTree(body).get("data");
        } catch (Exception e) {
            throw ApiError.invalidParameter("The request entity is not valid JSON.");
        }
        if (data == null || !data.isObject()) {
            throw ApiError.entity(
                    "ENTITY_ERROR.ATTRIBUTE.REQUIRED",
                    "The provided entity is missing a required field",
                    "You must provide a value for the field 'data' with this request");
        }
        if (!"userInvitations".equals(data.path("type").asText(null))) {
            throw invalidAttribute("type", "The type must be 'userInvitations'");
        }
        JsonNode attributes = data.path("attributes");
        String email = requiredText(attributes, "email");
        String firstName = requiredText(attributes, "firstName");
        String lastName = requiredText(attributes, "lastName");
        JsonNode rolesNode = attributes.get("roles");
        if (rolesNode == null || rolesNode.isNull()) {
            throw missingAttribute("roles");
        }
        if (!rolesNode.isArray() || rolesNode.isEmpty()) {
            throw invalidAttribute("roles", "Provide at least one role");
        }
        List<String> roles = new ArrayList<>();
        for (JsonNode role : rolesNode) {
            String name = role.asText();
            if (!USER_ROLES.contains(name) || name.equals("ACCOUNT_HOLDER")) {
                throw invalidAttribute("roles", "'" + name + "' is not a role that can be invited");
            }
            roles.add(name);
        }
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw invalidAttribute("email", "'" + email + "' is not a valid e-mail address");
        }
        boolean allAppsVisible = attributes.path("allAppsVisible").asBoolean(false);
        boolean provisioningAllowed = attributes.path("provisioningAllowed").asBoolean(false);
        List<String> visibleAppIds = new ArrayList<>();
        for (JsonNode app : data.path("relationships").path("visibleApps").path("data")) {
            visibleAppIds.add(app.path("id").asText());
        }
        if (!allAppsVisible && visibleAppIds.isEmpty()) {
            throw ApiError.entity(
                    "ENTITY_ERROR.RELATIONSHIP.REQUIRED",
                    "The provided entity is missing a required relationship",
                    "You must provide visibleApps when allAppsVisible is false");
        }
        Set<String> teamApps = new HashSet<>(world.account(accountNumber).orElseThrow().apps().stream()
                .map(SandboxApp::appleId)
                .toList());
        for (String appId : visibleAppIds) {
            if (!teamApps.contains(appId)) {
                throw ApiError.entity(
                        "ENTITY_ERROR.RELATIONSHIP.INVALID",
                        "The provided entity includes a relationship with an invalid value",
                        "There is no app with id '" + appId + "' in this team");
            }
        }
        return new SandboxWorld.InvitationDraft(
                email, firstName, lastName, roles, allAppsVisible, provisioningAllowed, visibleAppIds);
    }

    private static String requiredText(JsonNode attributes, String name) {
        JsonNode node = attributes.get(name);
        if (node == null || node.isNull() || node.asText().isBlank()) {
            throw missingAttribute(name);
        }
        return node.asText().trim();
    }

    private static ApiError missingAttribute(String name) {
        return ApiError.entity(
                "ENTITY_ERROR.ATTRIBUTE.REQUIRED",
                "The provided entity is missing a required attribute",
                "You must provide a value for the attribute '" + name + "' with this request");
    }

    private static ApiError invalidAttribute(String name, String detail) {
        return ApiError.entity(
                "ENTITY_ERROR.ATTRIBUTE.INVALID",
                "The provided entity includes an attribute with an invalid value",
                detail + " (attribute '" + name + "')");
    }

    private Map<String, Object> invitationResource(SandboxWorld.Invitation i, String apiBase) {
        return JsonApi.resource(
                "userInvitations",
                i.id(),
                apiBase,
                "email",
                i.email(),
                "firstName",
                i.firstName(),
                "lastName",
                i.lastName(),
                "roles",
                i.roles(),
                "allAppsVisible",
                i.allAppsVisible(),
                "provisioningAllowed",
                i.provisioningAllowed(),
                "expirationDate",
                i.expiresAt().toString());
    }
}
