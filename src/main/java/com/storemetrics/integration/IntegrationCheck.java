package com.storemetrics.integration;

import com.storemetrics.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * When the verifier last looked at every Pending and Approved integration: one row, written once
 * per successful cycle (never backwards), shared by every app node. A live row's "last checked" is
 * this moment if it was connected by then, and "Not yet" otherwise (see {@link Integration}).
 */
@Entity
@Table(name = "integration_check")
class IntegrationCheck extends AbstractEntity<Integer> {

    static final int SINGLE_ROW = 1;

    @Id
    private Integer id;

    @Column(name = "checked_at")
    private Instant checkedAt;

    @Override
    public Integer getId() {
        return id;
    }

    protected IntegrationCheck() {}

    Instant getCheckedAt() {
        return checkedAt;
    }
}
