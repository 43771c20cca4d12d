package com.storemetrics.integration;

/**
 * The integration does not exist for the signed-in customer: someone else's, never existed, or
 * already removed. The message never tells which, so ids reveal nothing.
 */
public class IntegrationNotFound extends RuntimeException {

    public IntegrationNotFound() {
        super("That integration does not exist or has already been removed.");
    }
}
