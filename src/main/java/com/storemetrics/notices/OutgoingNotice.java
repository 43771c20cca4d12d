package com.storemetrics.notices;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One e-mail to write to the outbox: to whom (a user id), what kind, about what, which occurrence.
 * At most one message exists per (user, regarding, kind, occurrence); a second one is ignored.
 *
 * @param userId      the customer it goes to
 * @param kind        what happened
 * @param regarding  what it is about, e.g. {@code integration:42} or {@code account:7}
 * @param occurrence  which time it happened (an integration is approved once: {@code once})
 * @param accountName the App Store Connect account's name, as Apple shows it
 * @param happenedAt  when it happened
 */
public record OutgoingNotice(
        long userId, NoticeKind kind, String regarding, String occurrence, String accountName, Instant happenedAt) {

    public OutgoingNotice {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(regarding);
        Objects.requireNonNull(occurrence);
        Objects.requireNonNull(accountName);
        Objects.requireNonNull(happenedAt);
    }

    /** The occurrence of a stall after {@code lastGoodDay} (null: no day ever arrived). */
    static final String STALLED_AFTER = "after:";

    /**
     * Store data of an account stopped arriving after {@code lastGoodDay} (null: none ever arrived):
     * one message per customer and stalled episode, the episode named by that day, so the same stall
     * is never told twice and a stall after data flowed again is a new one.
     */
    public static OutgoingNotice dataStalled(
            long userId, long accountId, LocalDate lastGoodDay, String accountName, Instant happenedAt) {
        return new OutgoingNotice(
                userId,
                NoticeKind.DATA_STALLED,
                "account:" + accountId,
                stalledOccurrence(lastGoodDay),
                accountName,
                happenedAt);
    }

    /** The occurrence key of a stall after {@code lastGoodDay}, as the stall check records it. */
    public static String stalledOccurrence(LocalDate lastGoodDay) {
        return STALLED_AFTER + (lastGoodDay == null ? "none" : lastGoodDay.toString());
    }

    /** The occurrence of a refusal of the Finance role first seen at {@code since}. */
    static final String REFUSED_SINCE = "refused:";

    /**
     * Our service Apple ID may not read the account's Financial reports, as first seen at
     * {@code since}: one message per customer and loss of the role, so the same loss is told once and
     * a role given and later taken again is a new occurrence.
     */
    public static OutgoingNotice roleMissing(
            long userId, long accountId, Instant since, String accountName, Instant happenedAt) {
        return new OutgoingNotice(
                userId,
                NoticeKind.ROLE_MISSING,
                "account:" + accountId,
                REFUSED_SINCE + since,
                accountName,
                happenedAt);
    }

    /** The occurrence of a refusal of the Sales reports for lack of a role, first seen at {@code since}. */
    static final String SALES_REFUSED_SINCE = "sales-refused:";

    /**
     * Our service Apple ID may not read the account's Sales and Trends reports (Sales summary and
     * subscription reports) for lack of a role, as first seen at {@code since}: a {@link
     * NoticeKind#ROLE_MISSING} naming the Sales role, one per customer and loss of the role (the
     * occurrence tells it from the Finance role's, whose e-mail it never replaces).
     */
    public static OutgoingNotice salesRoleMissing(
            long userId, long accountId, Instant since, String accountName, Instant happenedAt) {
        return new OutgoingNotice(
                userId,
                NoticeKind.ROLE_MISSING,
                "account:" + accountId,
                SALES_REFUSED_SINCE + since,
                accountName,
                happenedAt);
    }

    /** About one integration, which reaches each kind at most once (statuses never go back). */
    public static OutgoingNotice aboutIntegration(
            long userId, NoticeKind kind, long integrationId, String accountName, Instant happenedAt) {
        return new OutgoingNotice(userId, kind, "integration:" + integrationId, "once", accountName, happenedAt);
    }
}
