package com.storemetrics.notices;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * What each kind of notice says: what happened, what to do next and a link into the app, as plain
 * text and as simple HTML from the same words. Names from outside (an account's name, as Apple has
 * it) are flattened to one line before they go anywhere, and escaped in HTML. No secret, token or key
 * is ever part of a message: only the account's name and our public service Apple ID.
 */
@Component
class NoticeTexts {

    static final String PRODUCT = "Storemetrics";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("MMM d, yyyy, HH:mm 'UTC'", Locale.US).withZone(ZoneOffset.UTC);

    /** A message's words: one subject line, paragraphs, one action with its link. */
    record Text(String subject, List<String> paragraphs, String action, String actionUrl) {}

    private final String appUrl;
    private final String serviceAppleId;

    NoticeTexts(NoticeProperties properties, @Value("${storemetrics.apple.service-apple-id}") String serviceAppleId) {
        this.appUrl = properties.appUrl();
        this.serviceAppleId = serviceAppleId;
    }

    Text of(NoticeKind kind, String rawAccountName, Instant happenedAt, String occurrence) {
        String account = oneLine(rawAccountName);
        String when = WHEN.format(happenedAt);
        String dataIntegration = appUrl + "/my-account/data-integration";
        return switch (kind) {
            case APPROVED ->
                new Text(
                        "Approved: " + account + " is connected to " + PRODUCT,
                        List.of(
                                account + " is connected: on " + when + " we saw our service user " + serviceAppleId
                                        + " as a member of the account in App Store Connect, so your integration is"
                                        + " Approved.",
                                "What happens next: " + PRODUCT + " imports the account's daily sales reports, newest"
                                        + " first. The last 30 days appear in Store Metrics within minutes, the whole"
                                        + " year soon after."),
                        "Open Store Metrics",
                        appUrl + "/my-account/store-metrics");
            case INVITATION_LAPSING ->
                new Text(
                        "Action needed: the invitation for " + account + " lapses in 24 hours",
                        List.of(
                                "Your integration of " + account + " is still Pending: we have not yet seen our"
                                        + " service user " + serviceAppleId + " as a member of the account. Apple lets"
                                        + " the invitation lapse on " + when + ".",
                                "What to do: in App Store Connect > Users and Access of " + account + ", check that "
                                        + serviceAppleId + " is invited (role Sales), and invite it if not; each"
                                        + " account needs its own invitation. Once it is a member, the integration"
                                        + " turns Approved within minutes. If the invitation lapses, the integration"
                                        + " expires and you connect the account again."),
                        "Open Data Integration",
                        dataIntegration);
            case EXPIRED ->
                new Text(
                        "Expired: the invitation for " + account + " lapsed",
                        List.of(
                                "Our service user " + serviceAppleId + " was not added to " + account
                                        + " in time (Apple lets an invitation lapse after 3 days), so your integration"
                                        + " expired on " + when + ".",
                                "What to do: open Data Integration, choose \"Remove and connect again\" on the"
                                        + " account's row, and invite " + serviceAppleId + " again in App Store Connect"
                                        + " > Users and Access (role Sales)."),
                        "Open Data Integration",
                        dataIntegration);
            case REMOVED ->
                new Text(
                        "Removed: " + account + " is no longer connected to " + PRODUCT,
                        List.of(
                                "An Account Holder or Admin of " + account + " removed our service user "
                                        + serviceAppleId + " in App Store Connect > Users and Access. We noticed on "
                                        + when + " and removed the integration for everyone who had connected the"
                                        + " account. Store figures imported so far stay.",
                                "What to do: if this was not intended, ask the Account Holder to invite "
                                        + serviceAppleId + " again (role Sales) and connect the account again in Data"
                                        + " Integration."),
                        "Open Data Integration",
                        dataIntegration);
            case DATA_STALLED -> stalled(account, when, occurrence);
            case ROLE_MISSING ->
                occurrence != null && occurrence.startsWith(OutgoingNotice.SALES_REFUSED_SINCE)
                        ? salesRoleMissing(account, when, dataIntegration)
                        : new Text(
                                "Action needed: Payments of " + account + " need the Finance role",
                                List.of(
                                        "Apple refused our service user " + serviceAppleId
                                                + " the Financial reports of "
                                                + account
                                                + ": in App Store Connect its role there does not include Finance"
                                                + " (Financial reports need the Account Holder, Admin or Finance role). We"
                                                + " noticed on " + when + ". Until then " + PRODUCT
                                                + " cannot show what Apple"
                                                + " paid; Store Metrics (from the Sales reports) is not affected.",
                                        "What to do: the Account Holder or an Admin of " + account + " gives "
                                                + serviceAppleId
                                                + " the Finance role in App Store Connect > Users and Access. We check once a"
                                                + " day and see it at the next check; nothing else is needed. If you do not"
                                                + " want Payments, you can switch these e-mails off."),
                                "Open Data Integration",
                                dataIntegration);
        };
    }

    /** Apple refuses our service user the account's Sales and Trends reports for lack of a role. */
    private Text salesRoleMissing(String account, String when, String dataIntegration) {
        return new Text(
                "Action needed: Sales reports of " + account + " need the Sales role",
                List.of(
                        "Apple refused our service user " + serviceAppleId + " the Sales reports of " + account
                                + ": in App Store Connect its role there includes none of Sales, Finance or Admin"
                                + " (Sales and Trends reports need the Account Holder, Admin, Finance or Sales"
                                + " role). We noticed on " + when + ". Until then Store Metrics and Subscriptions"
                                + " of " + account + " get no new days; the figures imported so far stay.",
                        "What to do: the Account Holder or an Admin of " + account + " gives " + serviceAppleId
                                + " the Sales role in App Store Connect > Users and Access. We ask Apple again once"
                                + " a day and fill in the missing days as soon as it answers; nothing else is"
                                + " needed."),
                "Open Data Integration",
                dataIntegration);
    }

    /** The occurrence names the newest report day that arrived before the stall ("after:2026-12-01"). */
    private Text stalled(String account, String when, String occurrence) {
        String after = occurrence == null ? "" : occurrence.substring(OutgoingNotice.STALLED_AFTER.length());
        String what;
        try {
            what = "No new daily sales report of " + account + " has arrived in " + PRODUCT + " for two days past"
                    + " the time Apple usually publishes it: the newest report day we have is "
                    + DAY.format(LocalDate.parse(after)) + ". We noticed on " + when + ".";
        } catch (DateTimeParseException none) {
            what = "No daily sales report of " + account + " has arrived in " + PRODUCT + " yet, and reading the"
                    + " reports from Apple keeps failing. We noticed on " + when + ".";
        }
        return new Text(
                "Data stalled: no new store data for " + account,
                List.of(
                        what,
                        "What to do: often nothing. Apple is sometimes days late; " + PRODUCT + " keeps asking and"
                                + " fills in every missing day once Apple publishes it (we do not e-mail you again"
                                + " about this stall). If it lasts, check in App Store Connect > Users and Access of "
                                + account + " that our service user " + serviceAppleId + " is still a member with"
                                + " the Sales role. Store Metrics shows up to which day Apple has published."),
                "Open Store Metrics",
                appUrl + "/my-account/store-metrics");
    }

    String settingsUrl() {
        return appUrl + "/my-account/notifications";
    }

    /** Control characters (CR, LF, TAB...) and line separators become spaces: never a header break. */
    static String oneLine(String text) {
        return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]+", " ").strip();
    }

    static String html(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
