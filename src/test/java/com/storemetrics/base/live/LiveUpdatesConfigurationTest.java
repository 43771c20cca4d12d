package com.storemetrics.base.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

class LiveUpdatesConfigurationTest {

    private final LiveUpdatesConfiguration configuration = new LiveUpdatesConfiguration();

    @Test
    void the_delivery_threads_are_as_many_as_the_setting_says() {
        ThreadPoolTaskScheduler scheduler = configuration.liveUpdatesScheduler(4);

        assertThat(scheduler.getPoolSize()).isEqualTo(4);
    }

    @Test
    void without_a_setting_there_are_three_delivery_threads_per_core_and_at_least_six() {
        ThreadPoolTaskScheduler scheduler = configuration.liveUpdatesScheduler(0);

        assertThat(scheduler.getPoolSize())
                .isEqualTo(Math.max(6, 3 * Runtime.getRuntime().availableProcessors()));
    }
}
