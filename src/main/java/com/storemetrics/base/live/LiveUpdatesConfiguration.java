package com.storemetrics.base.live;

import org.springframework.beans.factory.annotation.Qualifier;
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
     * One delivery thread per core, at least two: applying a change to many open views is CPU work
     * (docs/benchmarks.md, push fan-out). Not a default candidate, so it replaces none of Spring
     * Boot's own executors and is injected by name only.
     */
    @Bean(name = SCHEDULER, defaultCandidate = false)
    ThreadPoolTaskScheduler liveUpdatesScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(Math.max(2, Runtime.getRuntime().availableProcessors()));
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
