package com.storemetrics.integration;

import com.storemetrics.account.StoreAccount;
import com.storemetrics.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.hibernate.annotations.Formula;

/**
 * One customer's link to one account. Status changes go through {@link #changeStatus}, which
 * enforces the allowed transitions and returns the history entry to append.
 */
@Entity
@Table(name = "integration")
public class Integration extends AbstractEntity<Long> {

    /** Which status may follow which (docs/design.md, "Statuses"); REMOVED is final. */
    private static final Map<IntegrationStatus, Set<IntegrationStatus>> ALLOWED = Map.of(
            IntegrationStatus.PENDING,
                    EnumSet.of(IntegrationStatus.APPROVED, IntegrationStatus.EXPIRED, IntegrationStatus.REMOVED),
            IntegrationStatus.APPROVED, EnumSet.of(IntegrationStatus.EXPIRED, IntegrationStatus.REMOVED),
            IntegrationStatus.EXPIRED, EnumSet.of(IntegrationStatus.REMOVED),
            IntegrationStatus.REMOVED, EnumSet.noneOf(IntegrationStatus.class));

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    private StoreAccount account;

    /** The account's id while live, null once removed: backs the one-live-row-per-account unique key. */
    @Column(name = "live_account_id")
    private Long liveAccountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private IntegrationStatus status;

    @Column(name = "status_reason", length = 500)
    private String statusReason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private IntegrationProgress progress;

    @Enumerated(EnumType.STRING)
    @Column(name = "credential_kind", nullable = false, length = 20)
    private CredentialKind credentialKind;

    @Column(name = "connected_at", nullable = false)
    private Instant connectedAt;

    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;

    /**
     * The verifier's look that last changed this row's status (Approved, Expired, Removed), or, when a
     * customer removes a watched row, the last look before. Shown once the row left the watched set;
     * never rewritten just because a check happened.
     */
    @Column(name = "last_checked_at")
    private Instant lastCheckedWhenChanged;

    /**
     * "Last checked" as the grids show and sort it: for a Pending or Approved row the verifier's last
     * cycle ({@link IntegrationCheck}) if the row was connected by then, else null ("Not yet"); for
     * other rows what they kept when they left. Read-only; computed by the database on every read.
     */
    @Formula("case when status in ('PENDING', 'APPROVED') then"
            + " (case when connected_at <= (select integration_check.checked_at from integration_check"
            + " where integration_check.id = " + IntegrationCheck.SINGLE_ROW + ") then (select"
            + " integration_check.checked_at from integration_check where integration_check.id = "
            + IntegrationCheck.SINGLE_ROW + ") end) else last_checked_at end")
    private Instant lastCheckedAt;

    /** When the customer was reminded that the invitation lapses within a day; null while not. */
    @Column(name = "lapse_reminded_at")
    private Instant lapseRemindedAt;

    /** What the customer asked for when connecting; fixed for the integration's life. */
    @Enumerated(EnumType.STRING)
    @Column(name = "data_wanted", nullable = false, length = 30)
    private DataWanted dataWanted = DataWanted.SALES_AND_PAYMENTS;

    @Version
    private long version;

    protected Integration() {}

    private Integration(
            long customerId, StoreAccount account, CredentialKind credentialKind, DataWanted dataWanted, Instant now) {
        this.customerId = customerId;
        this.dataWanted = dataWanted;
        this.account = account;
        this.liveAccountId = account.getId();
        this.status = IntegrationStatus.PENDING;
        this.progress = IntegrationProgress.WAITING_FOR_INVITATION;
        this.credentialKind = credentialKind;
        this.connectedAt = now;
        this.statusChangedAt = now;
    }

    /** A new Pending integration: the customer says the invitation was sent. */
    static Integration pending(
            long customerId, StoreAccount account, CredentialKind credentialKind, DataWanted dataWanted, Instant now) {
        return new Integration(customerId, account, credentialKind, dataWanted, now);
    }

    /** The first history entry of a new integration. */
    IntegrationEvent connectedEvent(String reason, Actor actor) {
        return new IntegrationEvent(this, connectedAt, null, IntegrationStatus.PENDING, reason, actor);
    }

    /**
     * Moves to {@code to} and returns the history entry; refuses transitions the product does not
     * allow (an expired integration can only be removed, a removed one is final).
     */
    IntegrationEvent changeStatus(IntegrationStatus to, String reason, Actor actor, Instant now) {
        if (!ALLOWED.get(status).contains(to)) {
            throw new IllegalStateException("An integration cannot go from " + status + " to " + to);
        }
        IntegrationStatus from = status;
        if (actor.equals(Actor.VERIFIER)) {
            lastCheckedWhenChanged = now;
        } else if (from.isWatched() && !to.isWatched()) {
            // Leaving the verifier's watch: keep its last look.
            lastCheckedWhenChanged = lastCheckedAt;
        }
        status = to;
        statusReason = reason;
        statusChangedAt = now;
        if (to == IntegrationStatus.APPROVED) {
            progress = IntegrationProgress.DONE;
        }
        if (to == IntegrationStatus.REMOVED) {
            liveAccountId = null;
        }
        return new IntegrationEvent(this, now, from, to, reason, actor);
    }

    /** Records the lapse reminder of a Pending integration, once; returns whether it is new. */
    boolean remindOfLapse(Instant now) {
        if (status != IntegrationStatus.PENDING || lapseRemindedAt != null) {
            return false;
        }
        lapseRemindedAt = now;
        return true;
    }

    /** Records how far a Pending integration has come; returns whether anything changed. */
    boolean advanceProgress(IntegrationProgress seen) {
        if (status != IntegrationStatus.PENDING || seen.ordinal() <= progress.ordinal()) {
            return false;
        }
        progress = seen;
        return true;
    }

    @Override
    public Long getId() {
        return id;
    }

    public long getCustomerId() {
        return customerId;
    }

    public StoreAccount getAccount() {
        return account;
    }

    public IntegrationStatus getStatus() {
        return status;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public IntegrationProgress getProgress() {
        return progress;
    }

    public DataWanted getDataWanted() {
        return dataWanted;
    }

    public CredentialKind getCredentialKind() {
        return credentialKind;
    }

    public Instant getConnectedAt() {
        return connectedAt;
    }

    public Instant getStatusChangedAt() {
        return statusChangedAt;
    }

    /** See {@link #lastCheckedAt}; once the row left the watched set, what it kept then. */
    public Instant getLastCheckedAt() {
        return status.isWatched() ? lastCheckedAt : lastCheckedWhenChanged;
    }

    public boolean isLive() {
        return status != IntegrationStatus.REMOVED;
    }
}
