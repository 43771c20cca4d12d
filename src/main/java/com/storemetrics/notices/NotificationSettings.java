package com.storemetrics.notices;

import com.storemetrics.security.CurrentUser;
import com.storemetrics.security.Roles;
import com.storemetrics.security.UserEmails;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in customer's notification settings: their address and one switch per kind (every kind
 * on until switched off). Only ever the caller's own.
 */
@Service
@Transactional
@PreAuthorize("hasRole('" + Roles.CUSTOMER + "')")
public class NotificationSettings {

    /** What My Account > Notifications shows. */
    public record Settings(String email, Set<NoticeKind> enabled) {
        public Settings {
            enabled = enabled.isEmpty() ? EnumSet.noneOf(NoticeKind.class) : EnumSet.copyOf(enabled);
        }
    }

    /** An address that cannot receive mail; the message says why. */
    public static class InvalidAddress extends RuntimeException {
        InvalidAddress(String message) {
            super(message);
        }
    }

    private final CurrentUser currentUser;
    private final UserEmails emails;
    private final OutboxStore store;
    private final Clock clock;

    NotificationSettings(CurrentUser currentUser, UserEmails emails, OutboxStore store, Clock clock) {
        this.currentUser = currentUser;
        this.emails = emails;
        this.store = store;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Settings mine() {
        long me = currentUser.require().userId();
        Set<NoticeKind> enabled = EnumSet.allOf(NoticeKind.class);
        enabled.removeAll(store.optedOut(me));
        return new Settings(emails.of(me).orElse(""), enabled);
    }

    public void setEnabled(NoticeKind kind, boolean enabled) {
        long me = currentUser.require().userId();
        if (enabled) {
            store.optIn(me, kind);
        } else {
            store.optOut(me, kind, clock.instant());
        }
    }

    /** Checks and stores the caller's new address (trimmed); messages already written keep theirs. */
    public String changeEmail(String address) {
        String trimmed = address == null ? "" : address.strip();
        if (trimmed.length() > 254) {
            throw new InvalidAddress("An e-mail address has at most 254 characters");
        }
        try {
            String checked = NoticeMessages.recipient(trimmed).getAddress();
            emails.change(currentUser.require().userId(), checked);
            return checked;
        } catch (NoticeMessages.BadRecipient bad) {
            throw new InvalidAddress(bad.getMessage());
        }
    }
}
