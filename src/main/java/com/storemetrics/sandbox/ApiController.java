package com.storemetrics.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The App Store Connect API (contract section 2): JSON:API resources behind an ES256 bearer JWT,
 * Apple's error JSON, and the per-key rolling-hour budget on every answer.
 */
@RestController
@ConditionalOnSandbox
class ApiController {

    static final String PATH = "/sandbox/apple/v1";
    static final String RATE_LIMIT_HEADER = "X-Rate-Limit";
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final Set<String> USER_ROLES = Set.of("ADMIN", "FINANCE", "ACCOUNT_HOLDER", "SALES", "MARKETING",
            "APP_MANAGER", "DEVELOPER", "ACCESS_TO_REPORTS", "CUSTOMER_SUPPORT", "CREATE_APPS",
            "CLOUD_MANAGED_DEVELOPER_ID", "CLOUD_MANAGED_APP_DISTRIBUTION", "GENERATE_INDIVIDUAL_KEYS");
    private static final Pattern CURSOR = Pattern.compile("\\{\"offset\":\"(\\d{1,9})\"}");
    private static final String REQUEST_VERDICT = ApiController.class.getName() + ".verdict";

    private final ApiKeyJwtVerifier verifier;
    private final HourlyRateLimiter rateLimiter;
    private final SandboxWorld world;
    private final SandboxClock clock;
    private final ObjectMapper json;

    ApiController(ApiKeyJwtVerifier verifier, HourlyRateLimiter rateLimiter, SandboxWorld world, SandboxClock clock,
            ObjectMapper json) {
        this.verifier = verifier;
        this.rateLimiter = rateLimiter;
        this.world = world;
        this.clock = clock;
        this.json = json;
    }

    /** The key a request was accepted for. */
    private record Caller(SandboxApiKeys.ApiKey key) {
        String account() {
            return key.accountNumber();
        }

        boolean hasRole(String... roles) {
            return Arrays.asList(roles).contains(key.role());
        }
    }

    // ---------------------------------------------------------------- apps

    @GetMapping(PATH + "/apps")
    ResponseEntity<Object> apps(HttpServletRequest request) {
        Caller caller = authenticate(request);
        SandboxWorld.AccountFacts team = world.account(caller.account()).orElseThrow();
        String apiBase = apiBase(request);
        return ok(request, page(team.apps(), request, app -> resource("apps", app.appleId(), apiBase,
                "name", app.name(), "bundleId", app.bundleId(), "sku", app.sku(), "primaryLocale", "en-US")));
    }

    // ---------------------------------------------------------------- users

    @GetMapping(PATH + "/users")
    ResponseEntity<Object> users(HttpServletRequest request) {
        Caller caller = authenticate(request);
        List<String> usernames = filterValues(request, "filter[username]");
        List<SandboxWorld.Member> members = world.members(caller.account()).stream()
                .filter(m -> usernames.isEmpty() || usernames.stream().anyMatch(u -> u.equalsIgnoreCase(m.email())))
                .toList();
        String apiBase = apiBase(request);
        return ok(request, page(members, request, m -> resource("users", m.id(), apiBase,
                "username", m.email(), "firstName", m.firstName(), "lastName", m.lastName(), "roles", m.roles(),
                "allAppsVisible", m.allAppsVisible(), "provisioningAllowed", m.provisioningAllowed())));
    }

    // ---------------------------------------------------------------- invitations

    @GetMapping(PATH + "/userInvitations")
    ResponseEntity<Object> invitations(HttpServletRequest request) {
        Caller caller = authenticate(request);
        List<String> emails = filterValues(request, "filter[email]");
        List<SandboxWorld.Invitation> pending = world.pendingInvitations(caller.account(), null).stream()
                .filter(i -> emails.isEmpty() || emails.stream().anyMatch(e -> e.equalsIgnoreCase(i.email())))
                .toList();
        String apiBase = apiBase(request);
        return ok(request, page(pending, request, i -> invitationResource(i, apiBase)));
    }

    @PostMapping(PATH + "/userInvitations")
    ResponseEntity<Object> invite(HttpServletRequest request, @RequestBody(required = false) String body) {
        Caller caller = authenticate(request);
        if (!caller.hasRole("ADMIN")) {
            throw ApiError.forbidden("The API key in use does not allow this request");
        }
        SandboxWorld.InvitationDraft draft = invitationDraft(body, caller.account());
        SandboxWorld.Invitation invitation;
        try {
            invitation = world.invite(caller.account(), draft);
        } catch (SandboxRefusal duplicate) {
            throw ApiError.entity("ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE",
                    "The provided entity includes an attribute with a value that has already been used",
                    duplicate.getMessage());
        }
        String apiBase = apiBase(request);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("data", invitationResource(invitation, apiBase));
        document.put("links", Map.of("self", request.getRequestURL().toString()));
        return respond(request, HttpStatus.CREATED, document);
    }

    @DeleteMapping(PATH + "/userInvitations/{id}")
    ResponseEntity<Object> deleteInvitation(HttpServletRequest request, @PathVariable String id) {
        Caller caller = authenticate(request);
        if (!caller.hasRole("ADMIN")) {
            throw ApiError.forbidden("The API key in use does not allow this request");
        }
        try {
            world.deleteInvitation(caller.account(), id);
        } catch (SandboxRefusal unknown) {
            throw ApiError.notFound("There is no resource of type 'userInvitations' with id '" + id + "'");
        }
        return respond(request, HttpStatus.NO_CONTENT, null);
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
            throw ApiError.entity("ENTITY_ERROR.ATTRIBUTE.REQUIRED", "The provided entity is missing a required field",
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
            throw ApiError.entity("ENTITY_ERROR.RELATIONSHIP.REQUIRED",
                    "The provided entity is missing a required relationship",
                    "You must provide visibleApps when allAppsVisible is false");
        }
        Set<String> teamApps = new HashSet<>(world.account(accountNumber).orElseThrow().apps().stream()
                .map(SandboxApp::appleId).toList());
        for (String appId : visibleAppIds) {
            if (!teamApps.contains(appId)) {
                throw ApiError.entity("ENTITY_ERROR.RELATIONSHIP.INVALID",
                        "The provided entity includes a relationship with an invalid value",
                        "There is no app with id '" + appId + "' in this team");
            }
        }
        return new SandboxWorld.InvitationDraft(email, firstName, lastName, roles, allAppsVisible,
                provisioningAllowed, visibleAppIds);
    }

    private static String requiredText(JsonNode attributes, String name) {
        JsonNode node = attributes.get(name);
        if (node == null || node.isNull() || node.asText().isBlank()) {
            throw missingAttribute(name);
        }
        return node.asText().trim();
    }

    private static ApiError missingAttribute(String name) {
        return ApiError.entity("ENTITY_ERROR.ATTRIBUTE.REQUIRED", "The provided entity is missing a required attribute",
                "You must provide a value for the attribute '" + name + "' with this request");
    }

    private static ApiError invalidAttribute(String name, String detail) {
        return ApiError.entity("ENTITY_ERROR.ATTRIBUTE.INVALID",
                "The provided entity includes an attribute with an invalid value", detail + " (attribute '" + name + "')");
    }

    private Map<String, Object> invitationResource(SandboxWorld.Invitation i, String apiBase) {
        return resource("userInvitations", i.id(), apiBase, "email", i.email(), "firstName", i.firstName(),
                "lastName", i.lastName(), "roles", i.roles(), "allAppsVisible", i.allAppsVisible(),
                "provisioningAllowed", i.provisioningAllowed(), "expirationDate", i.expiresAt().toString());
    }

    // ---------------------------------------------------------------- sales reports

    @GetMapping(PATH + "/salesReports")
    ResponseEntity<Object> salesReport(HttpServletRequest request) {
        Caller caller = authenticate(request);
        if (!caller.hasRole("ADMIN", "FINANCE", "SALES")) {
            throw ApiError.forbidden("The API key in use does not allow this request");
        }
        expectFilter(request, "filter[frequency]", "DAILY");
        expectFilter(request, "filter[reportType]", "SALES");
        expectFilter(request, "filter[reportSubType]", "SUMMARY");
        String version = request.getParameter("filter[version]");
        if (version != null && !version.equals("1_0")) {
            throw ApiError.invalidParameter("'" + version + "' is not a valid value for the parameter 'filter[version]'");
        }
        String vendor = request.getParameter("filter[vendorNumber]");
        if (vendor == null || vendor.isBlank()) {
            throw ApiError.invalidParameter("The parameter 'filter[vendorNumber]' is required");
        }
        String dateText = request.getParameter("filter[reportDate]");
        LocalDate date;
        try {
            date = LocalDate.parse(dateText == null ? "" : dateText);
        } catch (DateTimeParseException e) {
            throw ApiError.invalidParameter("The parameter 'filter[reportDate]' must be a date YYYY-MM-DD");
        }
        SandboxWorld.AccountFacts team = world.account(caller.account()).orElseThrow();
        if (!team.vendors().contains(vendor)) {
            throw ApiError.forbidden("The vendor number " + vendor + " does not belong to this team");
        }
        LocalDate today = clock.today();
        if (date.isAfter(today) || date.isBefore(today.minusDays(ReporterController.DAYS_AVAILABLE))) {
            throw ApiError.notFound("Reports are not available for the date specified.");
        }
        if (!clock.isPublished(date)) {
            throw ApiError.notFound(ReporterController.NOT_YET_MESSAGE);
        }
        List<SalesLedger.SalesLine> lines = SalesLedger.dailySummary(team.name(), team.apps(), vendor, date, today);
        if (lines.isEmpty()) {
            throw ApiError.notFound("There were no sales for the date specified.");
        }
        return ResponseEntity.ok().contentType(ReporterController.GZIP)
                .header(RATE_LIMIT_HEADER, verdictOf(request).header())
                .body(SalesLedger.gzipTsv(lines));
    }

    private static void expectFilter(HttpServletRequest request, String name, String expected) {
        String value = request.getParameter(name);
        if (value == null) {
            throw ApiError.invalidParameter("The parameter '" + name + "' is required");
        }
        if (!value.equals(expected)) {
            throw ApiError.invalidParameter("'" + value + "' is not a supported value for the parameter '" + name
                    + "' (the sandbox serves " + expected + ")");
        }
    }

    // ---------------------------------------------------------------- authentication, budget, answers

    /** Apple's checks: a valid JWT first, then the key's hourly budget. */
    private Caller authenticate(HttpServletRequest request) {
        ApiKeyJwtVerifier.Outcome outcome = verifier.verify(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (!outcome.accepted()) {
            // A refused token costs no budget; the header shows the key's remainder when the kid was known.
            request.setAttribute(REQUEST_VERDICT,
                    rateLimiter.peek(outcome.key() == null ? null : outcome.key().keyId()));
            throw ApiError.notAuthorized();
        }
        HourlyRateLimiter.Verdict verdict = rateLimiter.acquire(outcome.key().keyId());
        request.setAttribute(REQUEST_VERDICT, verdict);
        if (!verdict.allowed()) {
            throw ApiError.rateLimited();
        }
        return new Caller(outcome.key());
    }

    private HourlyRateLimiter.Verdict verdictOf(HttpServletRequest request) {
        Object verdict = request.getAttribute(REQUEST_VERDICT);
        return verdict instanceof HourlyRateLimiter.Verdict v ? v : rateLimiter.peek(null);
    }

    @ExceptionHandler(ApiError.class)
    ResponseEntity<Object> apiError(ApiError error, HttpServletRequest request) {
        HourlyRateLimiter.Verdict verdict = verdictOf(request);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(error.status).contentType(MediaType.APPLICATION_JSON)
                .header(RATE_LIMIT_HEADER, verdict.header());
        if (error.status == HttpStatus.TOO_MANY_REQUESTS) {
            answer.header(HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfterSeconds()));
        }
        return answer.body(error.body());
    }

    private ResponseEntity<Object> ok(HttpServletRequest request, Object body) {
        return respond(request, HttpStatus.OK, body);
    }

    private ResponseEntity<Object> respond(HttpServletRequest request, HttpStatus status, Object body) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).header(RATE_LIMIT_HEADER, verdictOf(request).header());
        return body == null ? answer.build() : answer.contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /**
     * One page of a list: {@code limit} 1..200 (default 50), an opaque {@code cursor} from the
     * previous page's {@code links.next}, and {@code meta.paging.total}.
     */
    private <T> Map<String, Object> page(List<T> all, HttpServletRequest request,
            Function<T, Map<String, Object>> toResource) {
        int limit = limit(request.getParameter("limit"));
        int offset = offset(request.getParameter("cursor"), all.size());
        int end = Math.min(all.size(), offset + limit);
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", currentUrl(request));
        if (end < all.size()) {
            links.put("next", withCursor(request, encodeCursor(end)));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("data", all.subList(offset, end).stream().map(toResource).toList());
        document.put("links", links);
        document.put("meta", Map.of("paging", Map.of("total", all.size(), "limit", limit)));
        return document;
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to Apple's answer
        }
        throw ApiError.invalidParameter("'" + text + "' is not a valid value for the parameter 'limit'."
                + " The value must be an integer between 1 and " + MAX_LIMIT);
    }

    /** Cursors look like Apple's: base64url of a small JSON object; clients must not build them. */
    static String encodeCursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"offset\":\"" + offset + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String cursor, int size) {
        if (cursor == null) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            var matcher = CURSOR.matcher(decoded);
            if (matcher.matches()) {
                int offset = Integer.parseInt(matcher.group(1));
                if (offset < size) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to Apple's answer
        }
        throw ApiError.invalidParameter("'" + cursor + "' is not a valid value for the parameter 'cursor'");
    }

    private static String currentUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURL() + (query == null ? "" : "?" + query);
    }

    /** The same request with another cursor: every other parameter exactly as the client sent it. */
    private static String withCursor(HttpServletRequest request, String cursor) {
        List<String> parameters = new ArrayList<>();
        String query = request.getQueryString();
        if (query != null) {
            for (String parameter : query.split("&")) {
                if (!parameter.isEmpty() && !parameter.startsWith("cursor=") && !parameter.equals("cursor")) {
                    parameters.add(parameter);
                }
            }
        }
        parameters.add("cursor=" + cursor);
        return request.getRequestURL() + "?" + String.join("&", parameters);
    }

    /** {@code http://host:port/sandbox/apple}: what {@code storemetrics.apple.api-url} points at. */
    private static String apiBase(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        return url.substring(0, url.indexOf(PATH) + PATH.length() - "/v1".length());
    }

    private static Map<String, Object> resource(String type, String id, String apiBase, Object... attributes) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            values.put((String) attributes[i], attributes[i + 1]);
        }
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("type", type);
        resource.put("id", id);
        resource.put("attributes", values);
        resource.put("links", Map.of("self", apiBase + "/v1/" + type + "/" + id));
        return resource;
    }

    /** Apple filters take comma-separated values. */
    private static List<String> filterValues(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty())
                .map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }
}
