package com.storemetrics.payments;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public read of what the import learned about our service Apple ID's Finance role, for the
 * read sides (Data Integration's rows, support's details): which accounts' Financial reports Apple
 * refused us for lack of the role, and since when. Only Apple's answer counts: an account never
 * asked, or whose check failed, is unknown and says nothing. The wording lives here, so both read
 * sides say the same.
 */
@Component
@Transactional(readOnly = true)
public class FinanceRoles {

    /** What a row says while the role is missing. */
    public static final String NEEDED = "Payments: needs the Finance role";

    private final JdbcClient jdbc;

    FinanceRoles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What to do about it, in Apple's terms, naming our service Apple ID. */
    public static String whatToDo(String serviceAppleId) {
        return "The Account Holder or an Admin gives " + serviceAppleId
                + " the Finance role in App Store Connect > Users and Access; we see it at the next daily check.";
    }

    /**
     * What a customer who chose the Sales reports only reads instead: nothing is wrong, payments are
     * an option they did not take, and how to take it.
     */
    public static final String NOT_ASKED = "Payments: not set up, as you chose the Sales reports only";

    /** {@link #NOT_ASKED} and how to add payments later. */
    public static String notAskedLine(String serviceAppleId) {
        return NOT_ASKED + ". To see what Apple pays you, "
                + Character.toLowerCase(whatToDo(serviceAppleId).charAt(0))
                + whatToDo(serviceAppleId).substring(1);
    }

    /** The line and what to do, as one sentence pair. */
    public static String neededLine(String serviceAppleId) {
        return NEEDED + ". " + whatToDo(serviceAppleId);
    }

    /** Of these accounts, those whose Financial reports Apple refused us for lack of the role, with since when. */
    public Map<Long, Instant> missingAmong(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Instant> missing = new HashMap<>();
        jdbc.sql("SELECT account_id, refused_since, checked_at FROM payments_account"
                        + " WHERE finance_permitted = FALSE AND account_id IN (:ids)")
                .param("ids", List.copyOf(accountIds))
                .query(rs -> {
                    OffsetDateTime since = rs.getObject(2, OffsetDateTime.class);
                    OffsetDateTime checked = rs.getObject(3, OffsetDateTime.class);
                    missing.put(rs.getLong(1), (since != null ? since : checked).toInstant());
                });
        return missing;
    }

    /** Whether Apple refused us the account's Financial reports for lack of the role (false: we may, or unknown). */
    public boolean isMissing(long accountId) {
        return !missingAmong(List.of(accountId)).isEmpty();
    }
}
