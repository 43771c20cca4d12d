package com.storemetrics.appstore;

/** Apple's two wire protocols, as the call accounting counts them. */
public enum AppleProtocol {
    /** Sales and Trends "Reporter" service (access tokens). */
    REPORTER,
    /** App Store Connect API (API keys and JWTs). */
    APP_STORE_CONNECT_API
}
