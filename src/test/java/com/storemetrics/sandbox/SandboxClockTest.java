package com.storemetrics.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.storemetrics.appstore.MutableClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The sandbox clock's bounds: forward only, at most two years ahead in total, also from a saved world. */
class SandboxClockTest {

    private final MutableClock application = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final SandboxClock clock = new SandboxClock(clockProvider(application), false);

    @Test
    void a_step_past_two_years_in_total_is_refused_and_changes_nothing() {
        clock.advance(Duration.ofDays(700));

        assertThatThrownBy(() -> clock.advance(Duration.ofDays(32)))
                .isInstanceOf(SandboxRefusal.class)
                .hasMessageContaining("at most 2 years");
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(Long.MAX_VALUE)))
                .as("no overflow on the way")
                .isInstanceOf(SandboxRefusal.class);
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(700));

        clock.advance(Duration.ofDays(31));
        assertThat(clock.offset()).isEqualTo(SandboxClock.MAX_OFFSET);
    }

    @Test
    void a_saved_offset_out_of_bounds_is_not_taken_up() {
        assertThat(clock.restoreOffset(Duration.ofHours(99_999_999_999L))).isFalse();
        assertThat(clock.offset()).isZero();
        assertThat(clock.now()).isEqualTo(application.instant());

        assertThat(clock.restoreOffset(Duration.ofDays(4))).isTrue();
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(4));
    }

    @Test
    void the_saved_world_never_holds_an_offset_out_of_bounds_and_ignores_one_saved_before(@TempDir Path data)
            throws Exception {
        Path stateFile = data.resolve("sandbox-world.json");
        SandboxWorld world = world(stateFile);
        world.advanceClock(Duration.ofDays(700));
        assertThatThrownBy(() -> world.advanceClock(Duration.ofHours(99_999_999_999L)))
                .isInstanceOf(SandboxRefusal.class);

        assertThat(json().readValue(stateFile.toFile(), SandboxWorld.SavedWorld.class)
                        .clockOffset())
                .isEqualTo(Duration.ofDays(700));

        // What an older version saved after {"advance":"PT99999999999H"}: time starts from now again.
        var saved = (com.fasterxml.jackson.databind.node.ObjectNode) json().readTree(stateFile.toFile());
        saved.put("clockOffset", "PT99999999999H");
        json().writeValue(stateFile.toFile(), saved);
        SandboxClock restarted = new SandboxClock(clockProvider(application), false);
        new SandboxWorld(
                restarted,
                new SandboxApiKeys(),
                new FaultInjector(),
                new HourlyRateLimiter(restarted, new SandboxProperties(true, 3600)),
                "integration@storemetrics.example",
                json(),
                stateFile.toString());
        assertThat(restarted.offset()).isZero();
    }

    private SandboxWorld world(Path stateFile) {
        return new SandboxWorld(
                clock,
                new SandboxApiKeys(),
                new FaultInjector(),
                new HourlyRateLimiter(clock, new SandboxProperties(true, 3600)),
                "integration@storemetrics.example",
                json(),
                stateFile.toString());
    }

    private static ObjectMapper json() {
        return new ObjectMapper().findAndRegisterModules();
    }

    private static org.springframework.beans.factory.ObjectProvider<Clock> clockProvider(Clock clock) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("clock", clock);
        return beans.getBeanProvider(Clock.class);
    }
}
