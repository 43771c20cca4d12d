package com.storemetrics.appstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class AppStorePropertiesTest {

    static AppStoreProperties properties(String reporterUrl, String apiUrl) {
        return new AppStoreProperties(
                reporterUrl,
                apiUrl,
                "integration@storemetrics.example",
                "5e7c1ce0-0000-4000-8000-000000000001",
                Duration.ofSeconds(5),
                Duration.ofSeconds(20),
                3,
                Duration.ofMillis(500),
                DataSize.ofMegabytes(8),
                50);
    }

    @Test
    void to_string_hides_the_service_access_token() {
        String text = properties("", "").toString();

        assertThat(text)
                .doesNotContain("5e7c1ce0")
                .contains("serviceAccessToken=<hidden>")
                .contains("integration@storemetrics.example");
    }

    @Test
    void nonsense_limits_are_refused_at_start_up() {
        assertThatThrownBy(() -> properties("", "").withMaxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-attempts");
        assertThatThrownBy(() -> properties("", "").withReadTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("read-timeout");
    }
}
