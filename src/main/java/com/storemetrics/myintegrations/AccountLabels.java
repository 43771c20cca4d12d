package com.storemetrics.myintegrations;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The vendor numbers and app names of a grid page's accounts. Plain SQL: the account ids are a list
 * parameter, which Hibernate would translate to SQL again on each of the many reads a live update
 * causes (one per open page).
 */
@Component
class AccountLabels {

    private final JdbcClient jdbc;

    AccountLabels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each account's vendor numbers, in order; an account without any is absent. */
    Map<Long, List<String>> vendorNumbers(Collection<Long> accountIds) {
        return byAccount(
                "SELECT account_id, vendor_number AS label FROM store_account_vendor WHERE account_id IN (:ids)"
                        + " ORDER BY vendor_number",
                accountIds);
    }

    /** Each account's app names, by name as the account lists its apps; an account without any is absent. */
    Map<Long, List<String>> appNames(Collection<Long> accountIds) {
        return byAccount(
                "SELECT account_id, name AS label FROM store_app WHERE account_id IN (:ids) ORDER BY name", accountIds);
    }

    private Map<Long, List<String>> byAccount(String sql, Collection<Long> accountIds) {
        Map<Long, List<String>> labels = new HashMap<>();
        if (accountIds.isEmpty()) {
            return labels;
        }
        jdbc.sql(sql).param("ids", accountIds).query(rows -> {
            labels.computeIfAbsent(rows.getLong("account_id"), id -> new ArrayList<>())
                    .add(rows.getString("label"));
        });
        return labels;
    }
}
