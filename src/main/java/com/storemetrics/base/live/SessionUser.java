package com.storemetrics.base.live;

import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.function.ValueProvider;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The user signed in to a Vaadin session, captured on one of that session's request threads, so
 * that UI work can run as that user on whichever thread holds the session's lock.
 *
 * <p><b>The rule.</b> Work a background thread queues with {@code UI.access} runs on a thread where
 * nobody is signed in (the verifier's, a push connection's), and so does what it triggers when
 * Vaadin flushes the UI afterwards, above all a lazy grid fetching its page or count. Such work
 * therefore runs <em>explicitly</em> as the session's own signed-in user: {@link LiveUpdates} runs
 * every update it delivers through {@link #run}, and every lazy data provider of a live view is
 * built with {@link #lazy}, so its fetches carry the user whatever thread calls them. A background
 * thread never reaches a secured service by accident, and never as anybody but the session's user.
 */
public final class SessionUser {

    private final Authentication authentication;

    private SessionUser(Authentication authentication) {
        this.authentication = authentication;
    }

    /**
     * The user signed in on this thread: call it on a request thread of the session (a view's
     * constructor or attach listener), never from background work.
     */
    public static SessionUser current() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn == null || !signedIn.isAuthenticated()) {
            throw new IllegalStateException("Nobody is signed in on this thread: capture the session's user on a "
                    + "request thread of that session");
        }
        return new SessionUser(signedIn);
    }

    /** Runs {@code work} as this user on the current thread, restoring what the thread had after. */
    public <T> T call(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext asUser = SecurityContextHolder.createEmptyContext();
        asUser.setAuthentication(authentication);
        SecurityContextHolder.setContext(asUser);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /**
     * A lazy data provider whose page and count queries run as this user, on the request thread
     * and on a push thread alike. A page is read completely before the user's context is left.
     */
    public <T, F> CallbackDataProvider<T, F> lazy(
            CallbackDataProvider.FetchCallback<T, F> fetch,
            CallbackDataProvider.CountCallback<T, F> count,
            ValueProvider<T, Object> identifier) {
        return new CallbackDataProvider<>(
                query -> call(() -> List.copyOf(fetch.fetch(query).toList())).stream(),
                query -> call(() -> count.count(query)),
                identifier);
    }
}
