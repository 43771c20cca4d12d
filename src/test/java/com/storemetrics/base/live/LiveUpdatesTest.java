package com.storemetrics.base.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.internal.CurrentInstance;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * The live-update helper on its own: pace, the session's user (through Vaadin's security context
 * strategy, as the application configures it), recovery, unsubscribing, and when reads are shared.
 */
class LiveUpdatesTest {

    final Subscribers<Numbered<Integer>> source = new Subscribers<>();
    final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    final List<Authentication> appliedAs = new CopyOnWriteArrayList<>();
    final AtomicInteger reloads = new AtomicInteger();
    final Authentication alice = new TestingAuthenticationToken("alice", null, "ROLE_CUSTOMER");
    final ThreadPoolTaskScheduler threads = new ThreadPoolTaskScheduler();
    SecurityContextHolderStrategy strategyBefore;
    final SecurityContextHolderStrategy vaadinStrategy = new VaadinAwareSecurityContextHolderStrategy();
    LiveUpdates live;
    Div view;

    @BeforeEach
    void setUp() {
        strategyBefore = SecurityContextHolder.getContextHolderStrategy();
        SecurityContextHolder.setContextHolderStrategy(vaadinStrategy);
        MockVaadin.setup();
        // Signed in as the login form leaves it: the context in the HTTP session.
        SecurityContext signedIn = SecurityContextHolder.createEmptyContext();
        signedIn.setAuthentication(alice);
        VaadinSession.getCurrent()
                .getSession()
                .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, signedIn);
        threads.setPoolSize(2);
        threads.initialize();
        live = new LiveUpdates(threads, vaadinStrategy, Duration.ofMillis(300));
        view = new Div();
    }

    @AfterEach
    void tearDown() {
        threads.shutdown();
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
        SecurityContextHolder.setContextHolderStrategy(strategyBefore);
    }

    private void follow(Consumer<List<Integer>> apply) {
        live.follow(view, source::subscribe, apply, reloads::incrementAndGet);
        UI.getCurrent().add(view);
    }

    private void recordBatches() {
        follow(batch -> {
            appliedAs.add(SecurityContextHolder.getContext().getAuthentication());
            batches.add(batch);
        });
    }

    @Test
    void a_burst_of_updates_reaches_the_view_in_few_batches_and_loses_none() {
        recordBatches();

        publishFromAnotherThread(() -> {
            for (int update = 1; update <= 100; update++) {
                source.publish(Numbered.next(update));
            }
        });

        awaitUntil(() -> batches.stream().mapToInt(List::size).sum() == 100);
        assertThat(batches.size())
                .as("one at once and one after the gap, at most a third for stragglers")
                .isBetween(1, 3);
        assertThat(batches.stream().flatMap(List::stream).toList())
                .as("in order")
                .isEqualTo(IntStream.rangeClosed(1, 100).boxed().toList());
    }

    @Test
    void with_many_delivery_threads_and_no_gap_a_view_still_applies_its_updates_in_order() {
        ThreadPoolTaskScheduler many = new ThreadPoolTaskScheduler();
        many.setPoolSize(8);
        many.initialize();
        try {
            // No pause between deliveries: each update may be its own delivery, on any of the eight threads.
            live = new LiveUpdates(many, vaadinStrategy, Duration.ZERO);
            recordBatches();

            publishFromAnotherThread(() -> {
                for (int update = 1; update <= 20_000; update++) {
                    source.publish(Numbered.next(update));
                }
            });

            awaitUntil(() -> batches.stream().mapToInt(List::size).sum() == 20_000);
            assertThat(batches.stream().flatMap(List::stream).toList())
                    .as("in the order published, though delivered by several threads")
                    .isEqualTo(IntStream.rangeClosed(1, 20_000).boxed().toList());
        } finally {
            many.shutdown();
        }
    }

    @Test
    void updates_are_applied_as_the_sessions_user_although_published_where_nobody_is_signed_in() {
        recordBatches();

        publishFromAnotherThread(() -> source.publish(Numbered.next(1)));

        awaitUntil(() -> !batches.isEmpty());
        assertThat(appliedAs).containsExactly(alice);
    }

    @Test
    void an_update_that_cannot_be_applied_makes_the_view_reload_instead() {
        follow(batch -> {
            throw new IllegalStateException("the row is not where the view thought");
        });

        publishFromAnotherThread(() -> source.publish(Numbered.next(1)));

        awaitUntil(() -> reloads.get() == 1);
    }

    @Test
    void a_view_that_cannot_even_reload_says_so_instead_of_failing() {
        live.follow(
                view,
                source::subscribe,
                batch -> {
                    throw new IllegalStateException("the row is gone");
                },
                () -> {
                    throw new AccessDeniedException("no longer yours");
                });
        UI.getCurrent().add(view);

        publishFromAnotherThread(() -> source.publish(Numbered.next(1)));

        awaitUntil(() -> !NotificationsKt.getNotifications().isEmpty());
        assertThat(NotificationsKt.getNotifications().get(0).getElement().getProperty("text", ""))
                .contains("Reload the page");
    }

    @Test
    void a_detached_view_unsubscribes_and_hears_nothing_more() {
        recordBatches();
        assertThat(source.size()).isEqualTo(1);

        UI.getCurrent().remove(view);
        publishFromAnotherThread(() -> source.publish(Numbered.next(1)));

        assertThat(source.isEmpty()).isTrue();
        MockVaadin.clientRoundtrip();
        assertThat(batches).isEmpty();
    }

    @Test
    void a_view_attached_again_subscribes_once_again() {
        recordBatches();
        UI.getCurrent().remove(view);
        UI.getCurrent().add(view);

        publishFromAnotherThread(() -> source.publish(Numbered.next(7)));

        awaitUntil(() -> !batches.isEmpty());
        assertThat(source.size()).isEqualTo(1);
        assertThat(batches).containsExactly(List.of(7));
    }

    @Test
    void in_a_push_after_the_same_update_one_read_serves_and_a_newer_update_reads_again() {
        recordBatches();
        AtomicInteger reads = new AtomicInteger();
        publishFromAnotherThread(() -> source.publish(Numbered.next(1)));
        awaitUntil(() -> batches.size() == 1);

        int first = inAPush(() -> live.sharedRead("page", reads::incrementAndGet));
        int second = inAPush(() -> live.sharedRead("page", reads::incrementAndGet));
        int otherQuery = inAPush(() -> live.sharedRead("count", reads::incrementAndGet));
        publishFromAnotherThread(() -> source.publish(Numbered.next(2)));
        awaitUntil(() -> batches.size() == 2);
        int afterNewer = inAPush(() -> live.sharedRead("page", reads::incrementAndGet));

        assertThat(List.of(first, second, otherQuery, afterNewer)).containsExactly(1, 1, 2, 3);
    }

    @Test
    void what_the_users_own_request_reads_is_read_afresh_and_no_earlier_read_serves_after_it() {
        recordBatches();
        AtomicInteger reads = new AtomicInteger();
        publishFromAnotherThread(() -> source.publish(Numbered.next(1)));
        awaitUntil(() -> batches.size() == 1);
        inAPush(() -> live.sharedRead("page", reads::incrementAndGet));

        // The test thread is a request of the session (Karibu's fake request is current).
        int ownRequest = live.sharedRead("page", reads::incrementAndGet);
        int pushAfterIt = inAPush(() -> live.sharedRead("page", reads::incrementAndGet));

        assertThat(ownRequest).isEqualTo(2);
        assertThat(pushAfterIt)
                .as("not the read made before the user's request")
                .isEqualTo(3);
    }

    @Test
    void a_view_that_applied_nothing_yet_reads_for_itself() {
        recordBatches();
        AtomicInteger reads = new AtomicInteger();

        inAPush(() -> live.sharedRead("page", reads::incrementAndGet));
        inAPush(() -> live.sharedRead("page", reads::incrementAndGet));

        assertThat(reads).hasValue(2);
    }

    /**
     * Runs {@code read} as a push does: on another thread, holding the session's lock, with the UI
     * current and no request (so the session's user is the one signed in, read from the session).
     */
    private static <T> T inAPush(Supplier<T> read) {
        UI ui = UI.getCurrent();
        Lock lock = VaadinSession.getCurrent().getLockInstance();
        int holds = ((java.util.concurrent.locks.ReentrantLock) lock).getHoldCount();
        for (int i = 0; i < holds; i++) {
            lock.unlock();
        }
        try {
            return CompletableFuture.supplyAsync(() -> {
                        CurrentInstance.setCurrent(ui);
                        lock.lock();
                        try {
                            return read.get();
                        } finally {
                            lock.unlock();
                            CurrentInstance.clearAll();
                        }
                    })
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            for (int i = 0; i < holds; i++) {
                lock.lock();
            }
        }
    }

    /** Publishers are the verifier's threads, where nobody is signed in. */
    private static void publishFromAnotherThread(Runnable publishing) {
        Thread thread = new Thread(() -> {
            SecurityContextHolder.clearContext();
            publishing.run();
        });
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs queued UI work on the test thread, where nobody is signed in on the thread itself. */
    private static void awaitUntil(BooleanSupplier condition) {
        await("the queued UI work to apply the updates")
                .atMost(Duration.ofSeconds(10))
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    MockVaadin.clientRoundtrip();
                    return condition.getAsBoolean();
                });
    }
}
