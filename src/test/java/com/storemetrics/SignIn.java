package com.storemetrics;

import com.vaadin.flow.internal.CurrentInstance;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
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
        SecurityContextHolderStrategy security = securityOf(context);
        Map<Class<?>, CurrentInstance> vaadin = CurrentInstance.getInstances();
        CurrentInstance.clearAll();
        var previous = security.getContext();
        var signedIn = security.createEmptyContext();
        signedIn.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        security.setContext(signedIn);
        try {
            return work.get();
        } finally {
            security.setContext(previous);
            CurrentInstance.restoreInstances(vaadin);
        }
    }

    /**
     * The context's own security context strategy (Vaadin's, a bean of each application context).
     * Every context started in the JVM replaces {@code SecurityContextHolder}'s global one with its
     * own, so code that signs a user in for a given context uses that context's strategy.
     */
    public static SecurityContextHolderStrategy securityOf(ApplicationContext context) {
        return context.getBean(SecurityContextHolderStrategy.class);
    }
}
