package com.storemetrics.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The Spring Security principal: carries the user's id so services can scope queries by it. */
public class SignedInUser extends User {

    private final long userId;
    private final String displayName;

    SignedInUser(
            long userId,
            String username,
            String displayName,
            String passwordHash,
            Collection<? extends GrantedAuthority> authorities) {
        super(username, passwordHash, authorities);
        this.userId = userId;
        this.displayName = displayName;
    }

    public long userId() {
        return userId;
    }

    public String displayName() {
        return displayName;
    }
}
