package com.storemetrics.sandbox;

import static com.storemetrics.sandbox.ApiUserInvitationsTest.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ApiRateLimitTest extends SandboxHttpTest {

    @Test
    void every_answer_counts_down_the_keys_hourly_budget() throws Exception {
        String token = validJwt(ADMIN_KEY, ADMIN_ISSUER);

        assertThat(apiGet("/v1/apps", token).headers().firstValue("X-Rate-Limit"))
                .hasValue("user-hour-lim:3600;user-hour-rem:3599;");
        assertThat(apiGet("/v1/users", token).headers().firstValue("X-Rate-Limit"))
                .hasValue("user-hour-lim:3600;user-hour-rem:3598;");
        // The budget is per key: the other key's is untouched.
        assertThat(apiGet("/v1/apps", validJwt(SALES_KEY, SALES_ISSUER))
                        .headers()
                        .firstValue("X-Rate-Limit"))
                .hasValue("user-hour-lim:3600;user-hour-rem:3599;");
    }

    @Test
    void an_exhausted_hourly_budget_answers_429_with_retry_after_until_the_hour_rolls_on() throws Exception {
        assertThat(control("POST", "/rate-limit", "{\"hourlyBudget\":3}").statusCode())
                .isEqualTo(200);
        String token = validJwt(ADMIN_KEY, ADMIN_ISSUER);
        for (int remaining = 2; remaining >= 0; remaining--) {
            HttpResponse<String> response = apiGet("/v1/apps?limit=1", token);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Rate-Limit"))
                    .hasValue("user-hour-lim:3;user-hour-rem:" + remaining + ";");
        }

        HttpResponse<String> limited = apiGet("/v1/apps?limit=1", token);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(errorCode(limited)).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(limited.headers().firstValue("X-Rate-Limit")).hasValue("user-hour-lim:3;user-hour-rem:0;");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(3500L, 3600L);

        control("POST", "/clock", "{\"advance\":\"PT61M\"}");
        String fresh = validJwt(ADMIN_KEY, ADMIN_ISSUER);
        assertThat(apiGet("/v1/apps?limit=1", fresh).statusCode()).isEqualTo(200);
    }

    @Test
    void reset_restores_the_configured_budget_and_forgets_the_counts() throws Exception {
        control("POST", "/rate-limit", "{\"hourlyBudget\":1}");
        String token = validJwt(ADMIN_KEY, ADMIN_ISSUER);
        apiGet("/v1/apps", token);
        assertThat(apiGet("/v1/apps", token).statusCode()).isEqualTo(429);

        control("POST", "/reset", null);

        assertThat(apiGet("/v1/apps", token).headers().firstValue("X-Rate-Limit"))
                .hasValue("user-hour-lim:3600;user-hour-rem:3599;");
    }

    @Test
    void a_budget_below_one_is_refused() throws Exception {
        HttpResponse<String> response = control("POST", "/rate-limit", "{\"hourlyBudget\":0}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("error").asText()).isNotBlank();
    }
}
