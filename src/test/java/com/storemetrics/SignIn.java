package com.storemetrics;

import com.vaadin.flow.internal.CurrentInstance;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Runs service calls as a demo user, the way a signed-in request would. */
public final class SignIn {

    private SignIn() {}

    /**
     * Runs {@code work} as {@code username}, as that user's own request would: outside any Vaadin
     * session the test thread may be in (Vaadin's security context strategy would otherwise answer
     * with that session's user).
     */
    public static <T> T as(ApplicationContext context, String username, Supplier<T> work) {
        UserDetails user = context.getBean(UserDetailsService.class).loadUserByUsername(username);
        Map<Class<?>, CurrentInstance> vaadin = CurrentInstance.getInstances();
        CurrentInstance.clearAll();
        var previous = SecurityContextHolder.getContext();
        var signedIn = SecurityContextHolder.createEmptyContext();
        signedIn.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(signedIn);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
            CurrentInstance.restoreInstances(vaadin);
        }
    }
}
