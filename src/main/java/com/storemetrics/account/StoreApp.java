package com.storemetrics.account;

import com.storemetrics.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An app of an account, as last seen in App Store Connect. */
@Entity
@Table(name = "store_app")
public class StoreApp extends AbstractEntity<Long> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    private StoreAccount account;

    @Column(name = "apple_identifier", nullable = false, length = 40)
    private String appleIdentifier;

    @Column(nullable = false, length = 300)
    private String name;

    @Override
    public Long getId() {
        return id;
    }

    protected StoreApp() {}

    StoreApp(StoreAccount account, String appleIdentifier, String name) {
        this.account = account;
        this.appleIdentifier = appleIdentifier;
        this.name = name;
    }

    public String getAppleIdentifier() {
        return appleIdentifier;
    }

    public String getName() {
        return name;
    }

    void rename(String newName) {
        this.name = newName;
    }
}
