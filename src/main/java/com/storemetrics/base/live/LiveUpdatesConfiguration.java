package com.storemetrics.base.live;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** Live updates: the threads that deliver them to open views, and the {@link LiveUpdates} bean itself. */
@Configuration(proxyBeanMethods = false)
class LiveUpdatesConfiguration {

    static final String SCHEDULER = "liveUpdatesScheduler";

    /**
     * Three delivery threads per core, at least six, unless {@code storemetrics.live.delivery-threads}
     * says otherwise. Applying a change to many open views is CPU work, but on a busy node a delivery
     * thread is off the CPU about two thirds of its wall time: with one thread per core, a removal
     * reached 1,000 open pages in 5.0-7.1 s p95, with three 3.4 s, and no slower on a quiet machine
     * (docs/benchmarks.md, "Stop 38"). Not a default candidate, so it replaces none of Spring Boot's
     * own executors and is injected by name only.
     */
    @Bean(name = SCHEDULER, defaultCandidate = false)
    ThreadPoolTaskScheduler liveUpdatesScheduler(@Value("${storemetrics.live.delivery-threads:0}") int threads) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(
                threads > 0 ? threads : Math.max(6, 3 * Runtime.getRuntime().availableProcessors()));
        scheduler.setThreadNamePrefix("live-updates-");
        scheduler.setDaemon(true);
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }

    @Bean
    LiveUpdates liveUpdates(@Qualifier(SCHEDULER) TaskScheduler deliveries, SecurityContextHolderStrategy security) {
        return new LiveUpdates(deliveries, security, LiveUpdates.MIN_GAP);
    }
}
