package com.storemetrics.support;

import com.storemetrics.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One line of support's audit trail: a staff member opened an integration's details. Never changed. */
@Entity
@Immutable
@Table(name = "support_access_log")
class SupportAccess extends AbstractEntity<Long> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "integration_id", nullable = false)
    private long integrationId;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(nullable = false, length = 100)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Override
    public Long getId() {
        return id;
    }

    protected SupportAccess() {}

    SupportAccess(long integrationId, long userId, String username, String displayName, Instant openedAt) {
        this.integrationId = integrationId;
        this.userId = userId;
        this.username = username;
        this.displayName = displayName;
        this.openedAt = openedAt;
    }
}
