package com.storemetrics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.appstore.AppleFacts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The importer's pacing figures: Apple's budget unless an operator says otherwise, and its share of it. */
class MetricsPropertiesTest {

    private static MetricsProperties withBudget(Integer hourlyBudget) {
        return new MetricsProperties(
                Duration.ofSeconds(3),
                20,
                true,
                hourlyBudget,
                0.5,
                365,
                7,
                Duration.ofHours(20),
                Duration.ofMinutes(30),
                Duration.ofMinutes(1),
                Duration.ofHours(6));
    }

    @Test
    void an_unset_budget_is_apples_published_one_and_the_importer_takes_half_of_it() {
        MetricsProperties defaults = withBudget(null);

        assertThat(defaults.hourlyBudget()).isEqualTo(AppleFacts.HOURLY_REQUEST_BUDGET);
        assertThat(defaults.importerHourlyRequests()).isEqualTo(AppleFacts.HOURLY_REQUEST_BUDGET / 2);
    }

    @Test
    void an_operator_can_set_another_budget() {
        assertThat(withBudget(1000).importerHourlyRequests()).isEqualTo(500);
    }
}
