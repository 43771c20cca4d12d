package com.storemetrics.base;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A node whose database cannot be reached at start-up stops before it serves anything (the web
 * server starts listening only after Flyway ran) and says so in two lines instead of a page of
 * bean-creation errors. PostgreSQL's "connection attempt failed" and a refused or unknown host
 * are what an operator sees when DATABASE_URL is wrong or the database is down.
 */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        if (!unreachable(cause)) {
            return null;
        }
        return new FailureAnalysis(
                "The database cannot be reached, so this node did not start: " + cause.getMessage(),
                "Check DATABASE_URL (and DATABASE_USERNAME, DATABASE_PASSWORD) and that PostgreSQL is running and "
                        + "reachable from this machine, then start the node again. Nothing was changed.",
                cause);
    }

    private static boolean unreachable(SQLException failure) {
        // SQLState class 08: connection exception (PostgreSQL: 08001 "unable to connect", 08006, ...).
        if (failure.getSQLState() != null && failure.getSQLState().startsWith("08")) {
            return true;
        }
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }
}
