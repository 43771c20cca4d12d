package com.storemetrics.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storemetrics.SandboxControl;
import com.storemetrics.SpringTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/** The client against the sandbox's feed over HTTP: a slow answer times out, a huge one is not read. */
class EcbClientTest extends SpringTest {

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    @AfterEach
    void clearFaults() {
        new SandboxControl(port).clearFaults();
    }

    @Test
    void a_slow_feed_times_out_as_a_feed_failure() {
        EcbClient client = client(Duration.ofMillis(300), DataSize.ofMegabytes(16));
        new SandboxControl(port).fault("LATENCY", 1, 3_000);

        assertThatThrownBy(() -> client.fetch(EcbClient.File.DAILY))
                .isInstanceOf(EcbClient.FeedFailure.class)
                .hasMessageContaining("eurofxref-daily.xml could not be read")
                .hasMessageContaining("HttpTimeoutException");
    }

    @Test
    void a_file_over_the_size_cap_is_not_read() {
        EcbClient client = client(Duration.ofSeconds(10), DataSize.ofKilobytes(4));

        assertThat(client.fetch(EcbClient.File.DAILY)).hasSize(1);
        assertThatThrownBy(() -> client.fetch(EcbClient.File.HISTORY))
                .isInstanceOf(EcbClient.FeedFailure.class)
                .hasMessageEndingWith("eurofxref-hist.xml answered more than 4096 bytes: not read");
    }

    private EcbClient client(Duration readTimeout, DataSize maxResponseBytes) {
        RatesProperties properties = new RatesProperties(
                "",
                Duration.ofHours(1),
                400,
                Duration.ofSeconds(2),
                readTimeout,
                maxResponseBytes,
                "",
                "USD",
                Duration.ofMinutes(5));
        return new EcbClient(properties, environment);
    }
}
