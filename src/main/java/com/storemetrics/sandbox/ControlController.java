package com.storemetrics.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox's own control API (contract section 5), not Apple's: the account holder's and the
 * invitee's actions, faults, the clock, the rate-limit budget and reset. JSON in and out; errors
 * as {@code {"error":"..."}} with 400/404/409.
 */
@RestController
@RequestMapping(ControlController.PATH)
@ConditionalOnSandbox
class ControlController {

    static final String PATH = "/sandbox/apple/control";

    private final SandboxWorld world;
    private final SandboxClock clock;
    private final FaultInjector faults;
    private final HourlyRateLimiter rateLimiter;

    ControlController(SandboxWorld world, SandboxClock clock, FaultInjector faults, HourlyRateLimiter rateLimiter) {
        this.world = world;
        this.clock = clock;
        this.faults = faults;
        this.rateLimiter = rateLimiter;
    }

    record InvitationRequest(String email, List<String> roles) {}

    record FaultRequest(String mode, Integer count, Integer latencyMs) {}

    record ClockRequest(String advance) {}

    record RateLimitRequest(Integer hourlyBudget) {}

    record ReportVersionRequest(String version, String report) {}

    @GetMapping("/world")
    WorldSnapshot world() {
        return world.snapshot();
    }

    @PostMapping("/accounts/{accountNumber}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    WorldSnapshot.Invitation invite(@PathVariable String accountNumber, @RequestBody InvitationRequest request) {
        return world.inviteFromConsole(accountNumber, request.email(), request.roles());
    }

    @PostMapping("/invitations/{id}/accept")
    WorldSnapshot.Member accept(@PathVariable String id) {
        return world.acceptInvitation(id);
    }

    @PostMapping("/invitations/{id}/expire")
    WorldSnapshot.Invitation expire(@PathVariable String id) {
        return world.expireInvitation(id);
    }

    @DeleteMapping("/accounts/{accountNumber}/users/{email:.+}")
    ResponseEntity<Void> removeUser(@PathVariable String accountNumber, @PathVariable String email) {
        world.removeMember(accountNumber, email);
        return ResponseEntity.noContent().build();
    }

    record RolesRequest(List<String> roles) {}

    @PostMapping("/accounts/{accountNumber}/users/{email}/roles")
    WorldSnapshot.Member changeRoles(
            @PathVariable String accountNumber, @PathVariable String email, @RequestBody RolesRequest request) {
        return world.changeRoles(accountNumber, email, request.roles());
    }

    @PostMapping("/tokens/{token}/revoke")
    Map<String, Object> revoke(@PathVariable String token) {
        world.revokeToken(token);
        return Map.of("revoked", true);
    }

    @PostMapping("/tokens/{token}/expire")
    Map<String, Object> expireToken(@PathVariable String token) {
        world.expireToken(token);
        return Map.of("expired", true);
    }

    @PostMapping("/faults")
    WorldSnapshot.Fault setFault(@RequestBody FaultRequest request) {
        FaultInjector.Mode mode;
        try {
            mode = request.mode() == null ? null : FaultInjector.Mode.valueOf(request.mode());
        } catch (IllegalArgumentException e) {
            mode = null;
        }
        FaultInjector.Armed armed = faults.arm(mode, request.count(), request.latencyMs());
        return new WorldSnapshot.Fault(
                armed.mode().name(),
                armed.remaining(),
                armed.mode() == FaultInjector.Mode.LATENCY ? armed.latencyMs() : null);
    }

    @DeleteMapping("/faults")
    ResponseEntity<Void> clearFaults() {
        faults.clear();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/clock")
    Map<String, Instant> advanceClock(@RequestBody ClockRequest request) {
        Duration step;
        try {
            step = Duration.parse(request.advance() == null ? "" : request.advance());
        } catch (DateTimeParseException e) {
            throw new SandboxRefusal(
                    SandboxRefusal.Reason.INVALID, "advance must be an ISO-8601 duration such as PT73H");
        }
        return Map.of("now", world.advanceClock(step));
    }

    @PostMapping("/rate-limit")
    Map<String, Integer> setRateLimit(@RequestBody RateLimitRequest request) {
        rateLimiter.setBudget(request.hourlyBudget() == null ? 0 : request.hourlyBudget());
        return Map.of("hourlyBudget", rateLimiter.budget());
    }

    /**
     * Apple starts insisting on one version of a report, as it once did for a while; {@code null}
     * ends it. {@code report} is Sales (the default), Subscription or SubscriptionEvent (or the API's
     * names for them).
     */
    @PostMapping("/report-version")
    Map<String, String> requireReportVersion(@RequestBody ReportVersionRequest request) {
        ReportType type = request.report() == null
                ? ReportType.SALES
                : ReportType.named(request.report())
                        .orElseThrow(() -> new SandboxRefusal(
                                SandboxRefusal.Reason.INVALID,
                                "report must be Sales, Subscription or SubscriptionEvent"));
        world.requireReportVersion(type, request.version());
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("report", type.reporterName);
        answer.put("version", request.version());
        return answer;
    }

    @PostMapping("/reset")
    WorldSnapshot reset() {
        world.reset();
        return world.snapshot();
    }

    @ExceptionHandler(SandboxRefusal.class)
    ResponseEntity<Map<String, String>> refused(SandboxRefusal refusal) {
        HttpStatus status = switch (refusal.reason()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status).body(Map.of("error", refusal.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable() {
        return ResponseEntity.badRequest().body(Map.of("error", "The body must be a JSON object"));
    }

    /** {@link ControlApiGuard} lets only application/json through; should another type get here, it is still the caller's 415. */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, String>> notJson() {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(Map.of("error", "Content-Type must be application/json"));
    }
}
