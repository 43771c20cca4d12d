package com.storemetrics;

import org.springframework.jdbc.core.JdbcTemplate;

/** Empties the feature tables between tests (background work commits from other threads, so no rollback). */
public final class TestData {

    private TestData() {
    }

    public static void deleteIntegrations(JdbcTemplate jdbc) {
        jdbc.update("DELETE FROM integration_event");
        jdbc.update("DELETE FROM integration");
        jdbc.update("DELETE FROM store_app");
        jdbc.update("DELETE FROM store_account_vendor");
        jdbc.update("DELETE FROM store_account");
    }
}
