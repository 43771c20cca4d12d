package com.storemetrics.sandbox;

import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The European Central Bank's reference-rate files, at paths mirroring the ECB's
 * ({@code https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml}), on the sandbox's clock.
 * The control API's faults apply here too (FaultValve).
 */
@RestController
@ConditionalOnSandbox
class EcbController {

    static final String PATH = "/sandbox/ecb/stats/eurofxref";
    private static final MediaType XML = new MediaType("text", "xml", StandardCharsets.UTF_8);

    private final SandboxClock clock;

    EcbController(SandboxClock clock) {
        this.clock = clock;
    }

    @GetMapping(PATH + "/eurofxref-daily.xml")
    ResponseEntity<String> daily() {
        return ResponseEntity.ok().contentType(XML).body(ReferenceRateFeed.dailyXml(clock.now()));
    }

    @GetMapping(PATH + "/eurofxref-hist-90d.xml")
    ResponseEntity<String> ninetyDays() {
        return ResponseEntity.ok().contentType(XML).body(ReferenceRateFeed.historyXml(clock.now(), 90));
    }

    @GetMapping(PATH + "/eurofxref-hist.xml")
    ResponseEntity<String> history() {
        return ResponseEntity.ok()
                .contentType(XML)
                .body(ReferenceRateFeed.historyXml(clock.now(), ReferenceRateFeed.HISTORY_DAYS));
    }
}
