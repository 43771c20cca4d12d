package com.storemetrics.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Development only: the application's clock is the sandbox's, so moving sandbox time forward on the
 * console (say four days) lets a new user watch an invitation lapse and a Pending row turn Expired,
 * the way it would after days at Apple. Needs the sandbox (never on in production, see
 * {@link SandboxProductionGuard}) and {@code storemetrics.sandbox.share-clock=true}, which only the
 * dev profile sets.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandbox
@ConditionalOnProperty(name = "storemetrics.sandbox.share-clock", havingValue = "true")
class SharedDemoClock {

    @Bean
    @Primary
    Clock applicationClockFollowsTheSandbox(SandboxClock sandboxClock) {
        return new SandboxTime(sandboxClock);
    }

    /** A {@link Clock} that reads the sandbox's movable now. */
    static final class SandboxTime extends Clock {

        private final SandboxClock sandboxClock;

        SandboxTime(SandboxClock sandboxClock) {
            this.sandboxClock = sandboxClock;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), Duration.between(Instant.now(), instant()));
        }

        @Override
        public Instant instant() {
            return sandboxClock.now();
        }
    }
}
