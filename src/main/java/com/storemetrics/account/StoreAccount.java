package com.storemetrics.account;

import com.storemetrics.base.AbstractEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An App Store Connect provider account, shared by every customer who integrates it. Identified
 * by its account number; an account connected with an API key is known by its vendor number
 * until the verifier sees it from our side.
 */
@Entity
@Table(name = "store_account")
public class StoreAccount extends AbstractEntity<Long> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_number", length = 40, unique = true)
    private String accountNumber;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Membership membership = Membership.UNKNOWN;

    @Column(name = "membership_seen_at")
    private Instant membershipSeenAt;

    @Column(name = "membership_checked_at")
    private Instant membershipCheckedAt;

    @Column(name = "membership_missing_count", nullable = false)
    private int membershipMissingCount;

    /** The first vendor number, kept for sorting. */
    @Column(name = "primary_vendor", length = 20)
    private String primaryVendor;

    /** The number of known apps, kept for sorting. */
    @Column(name = "app_count", nullable = false)
    private int appCount;

    @ElementCollection
    @CollectionTable(name = "store_account_vendor", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "vendor_number", length = 20)
    private SortedSet<String> vendorNumbers = new TreeSet<>();

    @OneToMany(mappedBy = "account", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("name")
    private List<StoreApp> apps = new ArrayList<>();

    protected StoreAccount() {}

    StoreAccount(String accountNumber, String name, Collection<String> vendorNumbers, Instant createdAt) {
        this.accountNumber = accountNumber;
        this.name = name;
        this.createdAt = createdAt;
        addVendorNumbers(vendorNumbers);
    }

    @Override
    public Long getId() {
        return id;
    }

    /** Null while only the vendor number is known (connected with an API key). */
    public String getAccountNumber() {
        return accountNumber;
    }

    public String getName() {
        return name;
    }

    public SortedSet<String> getVendorNumbers() {
        return vendorNumbers;
    }

    public List<StoreApp> getApps() {
        return apps;
    }

    public Membership getMembership() {
        return membership;
    }

    public Instant getMembershipSeenAt() {
        return membershipSeenAt;
    }

    public Instant getMembershipCheckedAt() {
        return membershipCheckedAt;
    }

    /** Our service user is listed in the account. */
    void membershipSeen(Instant observedAt) {
        membership = Membership.MEMBER;
        membershipSeenAt = observedAt;
        membershipCheckedAt = observedAt;
        membershipMissingCount = 0;
    }

    /**
     * Our service user is not listed, in a check newer than the last one. Returns how many
     * consecutive successful checks have missed it since it was last seen; 0 for an account it was
     * never seen in (nothing to lose). What that count means is the verifier's policy.
     */
    int membershipMissing(Instant observedAt) {
        membershipCheckedAt = observedAt;
        if (membership == Membership.UNKNOWN) {
            return 0;
        }
        membershipMissingCount++;
        membership = Membership.MISSING;
        return membershipMissingCount;
    }

    /** The loss is believed: from now on the account is as if never seen. */
    void membershipForgotten() {
        membership = Membership.UNKNOWN;
        membershipMissingCount = 0;
    }

    void rename(String newName) {
        this.name = newName;
    }

    void identify(String number, String newName) {
        this.accountNumber = number;
        this.name = newName;
    }

    void addVendorNumbers(Collection<String> more) {
        vendorNumbers.addAll(more);
        primaryVendor = vendorNumbers.isEmpty() ? null : vendorNumbers.first();
    }

    /** Replaces the known apps (keyed by Apple identifier) with a newer, non-empty picture. */
    void replaceApps(Map<String, String> namesByAppleIdentifier) {
        if (namesByAppleIdentifier.isEmpty()) {
            return;
        }
        apps.removeIf(app -> !namesByAppleIdentifier.containsKey(app.getAppleIdentifier()));
        namesByAppleIdentifier.forEach((appleId, appName) -> apps.stream()
                .filter(app -> app.getAppleIdentifier().equals(appleId))
                .findFirst()
                .ifPresentOrElse(app -> app.rename(appName), () -> apps.add(new StoreApp(this, appleId, appName))));
        appCount = apps.size();
    }
}
