package com.storemetrics.base.cluster;

import java.sql.DriverManager;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Picks how changes cross nodes from the database in use: PostgreSQL (several nodes may share it)
 * gets LISTEN/NOTIFY; any other database (HSQLDB, one node) needs nothing.
 */
@Configuration(proxyBeanMethods = false)
class CrossNodeConfiguration {

    static final String LISTENER_THREAD = "crossNodeListenerThread";

    /**
     * The one thread that listens, from a Spring executor: named and a daemon. Not a default
     * candidate: it replaces none of Spring Boot's own executors, and is injected by name.
     */
    @Bean(name = LISTENER_THREAD, defaultCandidate = false)
    SimpleAsyncTaskExecutor crossNodeListenerThread() {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("cross-node-listener-");
        executor.setDaemon(true);
        return executor;
    }

    @Bean
    CrossNodeSignals crossNodeSignals(
            DataSourceProperties dataSource,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            @Qualifier(LISTENER_THREAD) TaskExecutor listenerThread) {
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
                events,
                listenerThread);
    }
}
