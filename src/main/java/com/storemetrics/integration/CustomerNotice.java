package com.storemetrics.integration;

import com.storemetrics.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Something the verifier did to a customer's integrations, kept until the customer dismisses it. */
@Entity
@Table(name = "customer_notice")
class CustomerNotice extends AbstractEntity<Long> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false, length = 600)
    private String message;

    @Column(name = "dismissed_at")
    private Instant dismissedAt;

    @Override
    public Long getId() {
        return id;
    }

    protected CustomerNotice() {}

    CustomerNotice(long customerId, Instant createdAt, String message) {
        this.customerId = customerId;
        this.createdAt = createdAt;
        this.message = message.length() > 600 ? message.substring(0, 600) : message;
    }

    void dismiss(Instant now) {
        if (dismissedAt == null) {
            dismissedAt = now;
        }
    }

    Notice view() {
        return new Notice(id, createdAt, message);
    }

    long getCustomerId() {
        return customerId;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String getMessage() {
        return message;
    }
}
