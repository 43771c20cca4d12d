package com.storemetrics.appstore;

import static com.storemetrics.appstore.ReporterClientTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.appstore.AppleFailure.Kind;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class AppleEndpointsTest {

    @Test
    void configured_urls_are_used_as_they_are_without_a_trailing_slash() {
        AppleEndpoints endpoints = new AppleEndpoints(
                AppStorePropertiesTest.properties(
                        "https://reportingitc-reporter.apple.com/reportservice/",
                        " https://api.appstoreconnect.apple.com "),
                new MockEnvironment());

        assertThat(endpoints.reporterBase())
                .isEqualTo(URI.create("https://reportingitc-reporter.apple.com/reportservice"));
        assertThat(endpoints.apiBase()).isEqualTo(URI.create("https://api.appstoreconnect.apple.com"));
        assertThat(endpoints.reporterIsEmbeddedSandbox()).isFalse();
    }

    @Test
    void blank_urls_mean_the_embedded_sandbox_on_this_applications_port() {
        MockEnvironment environment = new MockEnvironment().withProperty("local.server.port", "41234");
        AppleEndpoints endpoints = new AppleEndpoints(AppStorePropertiesTest.properties("", null), environment);

        assertThat(endpoints.reporterBase())
                .isEqualTo(URI.create("http://localhost:41234/sandbox/apple/reportservice"));
        assertThat(endpoints.apiBase()).isEqualTo(URI.create("http://localhost:41234/sandbox/apple"));
        assertThat(endpoints.apiIsEmbeddedSandbox()).isTrue();
    }

    @Test
    void the_sandbox_before_the_web_server_has_a_port_is_unavailable() {
        AppleEndpoints endpoints = new AppleEndpoints(AppStorePropertiesTest.properties("", ""), new MockEnvironment());

        assertFailure(endpoints::apiBase, Kind.UNAVAILABLE, "still starting");
    }
}
