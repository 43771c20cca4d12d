package com.storemetrics.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Who is signed in, for services that scope every query to the caller. Read through the security
 * context strategy bean (Vaadin's), the one Spring Security's own checks use.
 */
@Component
public class CurrentUser {

    private final SecurityContextHolderStrategy security;

    CurrentUser(SecurityContextHolderStrategy security) {
        this.security = security;
    }

    public Optional<SignedInUser> get() {
        Authentication authentication = security.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The signed-in user; services secured with {@code @PreAuthorize} can rely on there being one. */
    public SignedInUser require() {
        return get().orElseThrow(() -> new IllegalStateException("No signed-in user"));
    }
}
