package com.storemetrics.appstore;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where Apple is and how we talk to it ({@code storemetrics.apple.*}). Blank URLs mean this
 * application's own embedded sandbox (see {@link AppleEndpoints}). {@link #toString()} never shows
 * the service access token.
 *
 * @param reporterUrl        base of the Reporter service, e.g. {@code https://reportingitc-reporter.apple.com/reportservice}
 * @param apiUrl             base of the App Store Connect API, e.g. {@code https://api.appstoreconnect.apple.com}
 * @param serviceAppleId     our service user's Apple ID, the one customers invite
 * @param serviceAccessToken our service user's Reporter access token (a secret)
 * @param connectTimeout     how long to wait for a TCP (and TLS) connection
 * @param readTimeout        how long to wait for a complete answer once the request is sent
 * @param maxAttempts        attempts for idempotent reads when Apple is unavailable (1 = no retry)
 * @param retryBackoff       the first back-off between attempts; doubles each time, with jitter
 * @param maxResponseBytes   larger answers are refused without being read
 * @param maxPages           most pages followed through {@code links.next} before giving up
 */
@ConfigurationProperties("storemetrics.apple")
public record AppStoreProperties(
        String reporterUrl,
        String apiUrl,
        String serviceAppleId,
        String serviceAccessToken,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("500ms") Duration retryBackoff,
        @DefaultValue("8MB") DataSize maxResponseBytes,
        @DefaultValue("50") int maxPages) {

    public AppStoreProperties {
        requirePositive(connectTimeout, "connect-timeout");
        requirePositive(readTimeout, "read-timeout");
        if (retryBackoff == null || retryBackoff.isNegative()) {
            throw new IllegalArgumentException("storemetrics.apple.retry-backoff must be zero or positive");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("storemetrics.apple.max-attempts must be at least 1");
        }
        if (maxResponseBytes == null || maxResponseBytes.toBytes() < 1024) {
            throw new IllegalArgumentException("storemetrics.apple.max-response-bytes must be at least 1KB");
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("storemetrics.apple.max-pages must be at least 1");
        }
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("storemetrics.apple." + name + " must be positive");
        }
    }

    /** A copy with another read time-out: for a client that must give up sooner (and for tests). */
    AppStoreProperties withReadTimeout(Duration timeout) {
        return new AppStoreProperties(
                reporterUrl,
                apiUrl,
                serviceAppleId,
                serviceAccessToken,
                connectTimeout,
                timeout,
                maxAttempts,
                retryBackoff,
                maxResponseBytes,
                maxPages);
    }

    /** A copy with another number of attempts. */
    AppStoreProperties withMaxAttempts(int attempts) {
        return new AppStoreProperties(
                reporterUrl,
                apiUrl,
                serviceAppleId,
                serviceAccessToken,
                connectTimeout,
                readTimeout,
                attempts,
                retryBackoff,
                maxResponseBytes,
                maxPages);
    }

    /** A copy with another response size limit. */
    AppStoreProperties withMaxResponseBytes(DataSize limit) {
        return new AppStoreProperties(
                reporterUrl,
                apiUrl,
                serviceAppleId,
                serviceAccessToken,
                connectTimeout,
                readTimeout,
                maxAttempts,
                retryBackoff,
                limit,
                maxPages);
    }

    @Override
    public String toString() {
        return "AppStoreProperties[reporterUrl=" + reporterUrl + ", apiUrl=" + apiUrl
                + ", serviceAppleId=" + serviceAppleId
                + ", serviceAccessToken="
                + (serviceAccessToken == null || serviceAccessToken.isBlank() ? "<none>" : "<hidden>")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", maxAttempts=" + maxAttempts + ", retryBackoff=" + retryBackoff
                + ", maxResponseBytes=" + maxResponseBytes + ", maxPages=" + maxPages + "]";
    }
}
