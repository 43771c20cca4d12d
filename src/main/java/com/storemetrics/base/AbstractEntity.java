package com.storemetrics.base;

import jakarta.persistence.MappedSuperclass;
import org.springframework.data.util.ProxyUtils;

/**
 * What every entity shares: equality by id. Two entities are equal when they are of the same class
 * (a Hibernate proxy counts as its entity's class) and both have the same id; one not saved yet
 * (no id) equals only itself. The hash code is the class's, because an entity's id appears only
 * once it is saved and a hash code must never change while the entity sits in a set.
 *
 * @param <ID> the type of the entity's id
 */
@MappedSuperclass
public abstract class AbstractEntity<ID> {

    /** The id the database gave the entity; null until it is saved. */
    public abstract ID getId();

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if (other == null || ProxyUtils.getUserClass(other) != ProxyUtils.getUserClass(getClass())) {
            return false;
        }
        ID id = getId();
        return id != null && id.equals(((AbstractEntity<?>) other).getId());
    }

    @Override
    public int hashCode() {
        return ProxyUtils.getUserClass(getClass()).hashCode();
    }

    @Override
    public String toString() {
        return "%s{id=%s}".formatted(ProxyUtils.getUserClass(getClass()).getSimpleName(), getId());
    }
}
