package com.storemetrics.metrics;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The apps an account's Sales reports have named, by Apple Identifier: for features that meet apps in other reports. */
@Component
public class SalesApps {

    private final JdbcClient jdbc;

    SalesApps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Set<String> appleIdentifiers(long accountId) {
        return new TreeSet<>(jdbc.sql(
                        "SELECT apple_identifier FROM metrics_app WHERE account_id = :account AND apple_identifier IS NOT NULL")
                .param("account", accountId)
                .query(String.class)
                .list());
    }
}
