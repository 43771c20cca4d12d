package com.storemetrics;

import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import kotlin.jvm.functions.Function0;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One signed-in browser session of one node, for tests with several nodes (or several users) at
 * once: Karibu keeps its mock Vaadin environment per thread, so each session lives on a thread of
 * its own and every call goes through it.
 */
public final class KaribuSession implements AutoCloseable {

    private static Routes routes;

    private final ExecutorService thread;

    public KaribuSession(ApplicationContext node, String username) {
        thread = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "karibu-" + username));
        call(() -> {
            Function0<UI> uiFactory = UI::new;
            MockVaadin.setup(uiFactory, new MockSpringServlet(routes(), node, uiFactory));
            KaribuTest.signInToVaadin(node, username);
            return null;
        });
    }

    private static synchronized Routes routes() {
        if (routes == null) {
            routes = new Routes().autoDiscoverViews("com.storemetrics");
        }
        return routes;
    }

    /** Runs {@code work} in this session (its UI current, its user signed in). */
    public <T> T call(Supplier<T> work) {
        try {
            return thread.submit(work::get).get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw new AssertionError(failed.getCause());
        } catch (Exception e) {
            throw new AssertionError("The session did not answer", e);
        }
    }

    /**
     * Runs the session's queued UI work as production does (on a thread without a signed-in user,
     * see {@link KaribuTest#awaitUntilOffTheTestThread}) until {@code condition} holds in the session.
     */
    public void awaitUntil(String what, Duration limit, BooleanSupplier condition) {
        await(what)
                .atMost(limit)
                .pollInSameThread()
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> call(() -> {
                    KaribuTest.roundtripWithoutSignedInUser();
                    return condition.getAsBoolean();
                }));
    }

    @Override
    public void close() {
        try {
            call(() -> {
                MockVaadin.tearDown();
                SecurityContextHolder.clearContext();
                return null;
            });
        } finally {
            thread.shutdownNow();
        }
    }
}
