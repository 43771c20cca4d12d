package com.storemetrics.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The App Store Connect API's {@code GET /v1/apps}: the key's team's apps, paged as Apple pages them. */
@RestController
@ConditionalOnSandbox
class ApiAppsController {

    private final ApiGate gate;
    private final SandboxWorld world;

    ApiAppsController(ApiGate gate, SandboxWorld world) {
        this.gate = gate;
        this.world = world;
    }

    @GetMapping(JsonApi.PATH + "/apps")
    ResponseEntity<Object> apps(HttpServletRequest request) {
        ApiGate.Caller caller = gate.authenticate(request);
        SandboxWorld.AccountFacts team = world.account(caller.account()).orElseThrow();
        String apiBase = JsonApi.apiBase(request);
        return gate.ok(
                request,
                JsonApi.page(
                        team.apps(),
                        request,
                        app -> JsonApi.resource(
                                "apps",
                                app.appleId(),
                                apiBase,
                                "name",
                                app.name(),
                                "bundleId",
                                app.bundleId(),
                                "sku",
                                app.sku(),
                                "primaryLocale",
                                "en-US")));
    }
}
