package com.storemetrics.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Every bean of the sandbox carries this: with {@code storemetrics.sandbox.enabled=false} (the
 * production profile) not one of them exists, so no sandbox endpoint, state or view is reachable.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = "storemetrics.sandbox.enabled", havingValue = "true", matchIfMissing = false)
public @interface ConditionalOnSandbox {}
