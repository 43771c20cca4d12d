package com.storemetrics;

import static org.awaitility.Awaitility.await;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.internal.CurrentInstance;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Browserless UI tests against the real Spring context (one context for the whole suite: every
 * Spring test extends {@link SpringTest}). Routes are discovered once.
 */
public abstract class KaribuTest extends SpringTest {

    private static Routes routes;

    @Autowired
    protected ApplicationContext applicationContext;

    @Autowired
    private UserDetailsService userDetailsService;

    @BeforeAll
    static void discoverRoutes() {
        if (routes == null) {
            routes = new Routes().autoDiscoverViews("com.storemetrics");
        }
    }

    @BeforeEach
    void setUpVaadin() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, applicationContext, uiFactory));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /**
     * Waits for background work (calls to Apple) to come back through {@code UI.access}: runs the
     * queued UI tasks, as a browser round trip would, until the condition holds.
     */
    protected static void awaitUntil(String what, java.util.function.BooleanSupplier condition) {
        awaitUntil(what, condition, MockVaadin::clientRoundtrip);
    }

    /**
     * Like {@link #awaitUntil}, but runs the queued UI work the way production does: on a thread
     * of its own where nobody is signed in (in production the verifier's or a push thread takes
     * the session lock, runs the {@code UI.access} work and flushes the UI, grids fetching their
     * pages included). The test thread lends that thread the session lock meanwhile. Whatever the
     * UI work throws fails the test.
     */
    protected static void awaitUntilOffTheTestThread(String what, java.util.function.BooleanSupplier condition) {
        awaitUntil(what, condition, KaribuTest::roundtripWithoutSignedInUser);
    }

    private static void awaitUntil(String what, java.util.function.BooleanSupplier condition, Runnable roundtrip) {
        // Karibu's UI belongs to the test thread: the condition is polled there, never on Awaitility's own.
        await(what)
                .atMost(Duration.ofSeconds(30))
                .pollInSameThread()
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    roundtrip.run();
                    return condition.getAsBoolean();
                });
    }

    /** One round trip of the current UI's queued work, on a thread without a signed-in user (see above). */
    public static void roundtripWithoutSignedInUser() {
        UI ui = UI.getCurrent();
        VaadinSession session = VaadinSession.getCurrent();
        java.util.concurrent.locks.ReentrantLock lock =
                (java.util.concurrent.locks.ReentrantLock) session.getLockInstance();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        // Production shows what reaches the session's error handler as "Something went wrong": here it fails the test.
        com.vaadin.flow.server.ErrorHandler productionHandler = session.getErrorHandler();
        session.setErrorHandler(error -> {
            failure.compareAndSet(null, error.getThrowable());
            productionHandler.error(error);
        });
        int holds = lock.getHoldCount();
        for (int i = 0; i < holds; i++) {
            lock.unlock();
        }
        Thread pushThread = new Thread(
                () -> {
                    SecurityContextHolder.clearContext();
                    CurrentInstance.setCurrent(ui);
                    lock.lock();
                    try {
                        MockVaadin.clientRoundtrip();
                    } catch (Throwable error) {
                        failure.set(error);
                    } finally {
                        lock.unlock();
                        CurrentInstance.clearAll();
                    }
                },
                "push-without-user");
        pushThread.start();
        try {
            pushThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            for (int i = 0; i < holds; i++) {
                lock.lock();
            }
            CurrentInstance.setCurrent(ui);
            session.setErrorHandler(productionHandler);
        }
        if (failure.get() != null) {
            throw new AssertionError(
                    "UI work queued from a background thread failed on a thread without a signed-in user",
                    failure.get());
        }
    }

    /** Runs {@code work} on a thread where nobody is signed in, as the verifier's scheduler threads are, and waits for it. */
    protected static <T> T onBackgroundThread(java.util.function.Supplier<T> work) {
        try {
            return java.util.concurrent.CompletableFuture.supplyAsync(
                            () -> {
                                SecurityContextHolder.clearContext();
                                return work.get();
                            },
                            runnable -> new Thread(runnable, "background-without-user").start())
                    .get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Background work failed", e);
        }
    }

    /**
     * Signs a user in the way the login form would: Spring's security context for services, and
     * the fake request's principal and roles for Vaadin's view access checks.
     */
    protected UserDetails login(String username) {
        return signInToVaadin(applicationContext, username);
    }

    /**
     * {@link #login} for the current mock Vaadin environment of any context (see {@link KaribuSession}).
     * The security context goes into the HTTP session too, where the login form's request would keep
     * it: Vaadin's security context strategy reads the session's user from there whenever Vaadin runs
     * work for that session (queued {@code UI.access} commands, the push after them).
     */
    public static UserDetails signInToVaadin(ApplicationContext context, String username) {
        UserDetails user = context.getBean(UserDetailsService.class).loadUserByUsername(username);
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        SecurityContextHolderStrategy security = SignIn.securityOf(context);
        SecurityContext signedIn = security.createEmptyContext();
        signedIn.setAuthentication(authentication);
        security.setContext(signedIn);
        VaadinSession.getCurrent()
                .getSession()
                .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, signedIn);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> user.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + role)));
        return user;
    }
}
