package com.storemetrics.base.live;

import java.sql.DriverManager;
import java.util.Properties;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Picks how changes cross nodes from the database in use: PostgreSQL (several nodes may share it)
 * gets LISTEN/NOTIFY; any other database (HSQLDB, one node) needs nothing.
 */
@Configuration(proxyBeanMethods = false)
class CrossNodeConfiguration {

    @Bean
    CrossNodeSignals crossNodeSignals(DataSourceProperties dataSource, JdbcTemplate jdbc, LiveUpdates liveUpdates) {
        String url = dataSource.determineUrl();
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            return new SingleNodeSignals();
        }
        String username = dataSource.determineUsername();
        String password = dataSource.determinePassword();
        return new PostgresSignals(
                jdbc,
                extra -> {
                    Properties properties = new Properties();
                    if (username != null && !username.isBlank()) {
                        properties.setProperty("user", username);
                    }
                    if (password != null && !password.isBlank()) {
                        properties.setProperty("password", password);
                    }
                    properties.putAll(extra);
                    return DriverManager.getConnection(url, properties);
                },
                liveUpdates);
    }
}
