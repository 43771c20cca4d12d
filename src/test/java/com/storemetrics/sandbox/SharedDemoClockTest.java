package com.storemetrics.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** Development's shared clock: moving sandbox time moves the application's time, so Pending can lapse in a demo. */
class SharedDemoClockTest {

    @Test
    void moving_sandbox_time_forward_moves_the_applications_clock_with_it() {
        SandboxClock sandboxClock =
                new SandboxClock(new StaticListableBeanFactory().getBeanProvider(Clock.class), true);
        Clock application = new SharedDemoClock().applicationClockFollowsTheSandbox(sandboxClock);
        Instant before = application.instant();

        sandboxClock.advance(Duration.ofDays(4));

        assertThat(Duration.between(before, application.instant()))
                .isBetween(Duration.ofDays(4), Duration.ofDays(4).plusMinutes(1));
        assertThat(application.instant()).isAfter(Instant.now().plus(Duration.ofDays(3)));
    }

    @Test
    void without_sharing_the_sandbox_runs_ahead_of_the_applications_clock_which_stays_put() {
        Clock fixed = Clock.fixed(Instant.parse("2026-12-02T00:00:00Z"), java.time.ZoneOffset.UTC);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("clock", fixed);
        SandboxClock sandboxClock = new SandboxClock(beans.getBeanProvider(Clock.class), false);

        sandboxClock.advance(Duration.ofDays(4));

        assertThat(sandboxClock.now()).isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
        assertThat(fixed.instant()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
    }
}
