package com.storemetrics.notices;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an e-mail notice is about; each kind has its own switch in My Account > Notifications. */
public enum NoticeKind {
    APPROVED("Integration approved", "When an account you connected is approved and its store data starts to flow"),
    INVITATION_LAPSING(
            "Invitation lapsing",
            "A day before Apple lets an invitation lapse while your integration is still Pending"),
    EXPIRED(
            "Invitation expired",
            "When an invitation lapses before our service user was added, so the integration expired"),
    REMOVED(
            "Access removed",
            "When an Account Holder or Admin removes our service user, ending the integration for everyone"),
    DATA_STALLED(
            "Store data stalled",
            "When no new daily report of an Approved account arrives for 2 days past Apple's usual publication,"
                    + " or reading the reports keeps failing"),
    ROLE_MISSING(
            "Role missing",
            "When our service user may not read an Approved account's Sales reports (Store Metrics,"
                    + " Subscriptions) or Financial reports (Payments), because its role there lacks Sales or"
                    + " Finance");

    private final String title;
    private final String description;

    NoticeKind(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** The kind's name in links and the database: lower case ("approved"). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind a link names, if it names one. */
    public static Optional<NoticeKind> ofKey(String key) {
        return Arrays.stream(values()).filter(kind -> kind.key().equals(key)).findFirst();
    }
}
