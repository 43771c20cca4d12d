package com.storemetrics.integration;

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
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One entry of an integration's append-only history. */
@Entity
@Immutable
@Table(name = "integration_event")
public class IntegrationEvent extends AbstractEntity<Long> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "integration_id")
    private Integration integration;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 20)
    private IntegrationStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 20)
    private IntegrationStatus toStatus;

    @Column(nullable = false, length = 500)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_kind", nullable = false, length = 20)
    private Actor.Kind actorKind;

    @Column(name = "actor_name", nullable = false, length = 100)
    private String actorName;

    @Override
    public Long getId() {
        return id;
    }

    protected IntegrationEvent() {}

    IntegrationEvent(
            Integration integration,
            Instant occurredAt,
            IntegrationStatus fromStatus,
            IntegrationStatus toStatus,
            String reason,
            Actor actor) {
        this.integration = integration;
        this.occurredAt = occurredAt;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.reason = reason.length() > 500 ? reason.substring(0, 500) : reason;
        this.actorKind = actor.kind();
        this.actorName = actor.name();
    }

    public Integration getIntegration() {
        return integration;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    /** Null for the entry that created the integration. */
    public IntegrationStatus getFromStatus() {
        return fromStatus;
    }

    public IntegrationStatus getToStatus() {
        return toStatus;
    }

    public String getReason() {
        return reason;
    }

    public Actor getActor() {
        return new Actor(actorKind, actorName);
    }
}
