package com.storemetrics.sandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded App Store Connect sandbox.
 *
 * @param enabled whether the sandbox exists at all (off in the production profile)
 * @param hourlyRequestBudget requests per API key (kid) in a rolling hour, as Apple's
 *        {@code X-Rate-Limit: user-hour-lim}; the control API can change it at run time
 */
@ConfigurationProperties("storemetrics.sandbox")
@ConditionalOnSandbox
record SandboxProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("3600") int hourlyRequestBudget) {}
