package com.storemetrics.base.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The live-update helper on its own: pace, the session's user, recovery, and unsubscribing. */
class LiveUpdatesTest {

    final Subscribers<Integer> source = new Subscribers<>();
    final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    final List<Authentication> appliedAs = new CopyOnWriteArrayList<>();
    final AtomicInteger reloads = new AtomicInteger();
    final Authentication alice = new TestingAuthenticationToken("alice", null, "ROLE_CUSTOMER");
    LiveUpdates live;
    Div view;

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
        SecurityContextHolder.getContext().setAuthentication(alice);
        live = new LiveUpdates(Duration.ofMillis(300));
        view = new Div();
    }

    @AfterEach
    void tearDown() {
        live.destroy();
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    private void follow(Consumer<List<Integer>> apply) {
        live.follow(view, SessionUser.current(), source::subscribe, apply, reloads::incrementAndGet);
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
                source.publish(update);
            }
        });

        awaitUntil(() -> batches.stream().mapToInt(List::size).sum() == 100);
        assertThat(batches.size())
                .as("one at once and one after the gap, at most a third for stragglers")
                .isBetween(1, 3);
        assertThat(batches.stream().flatMap(List::stream).toList())
                .as("in order")
                .isEqualTo(
                        java.util.stream.IntStream.rangeClosed(1, 100).boxed().toList());
    }

    @Test
    void updates_are_applied_as_the_sessions_user_although_published_where_nobody_is_signed_in() {
        recordBatches();

        publishFromAnotherThread(() -> source.publish(1));

        awaitUntil(() -> !batches.isEmpty());
        assertThat(appliedAs).containsExactly(alice);
    }

    @Test
    void an_update_that_cannot_be_applied_makes_the_view_reload_instead() {
        follow(batch -> {
            throw new IllegalStateException("the row is not where the view thought");
        });

        publishFromAnotherThread(() -> source.publish(1));

        awaitUntil(() -> reloads.get() == 1);
    }

    @Test
    void a_view_that_cannot_even_reload_says_so_instead_of_failing() {
        live.follow(
                view,
                SessionUser.current(),
                source::subscribe,
                batch -> {
                    throw new IllegalStateException("the row is gone");
                },
                () -> {
                    throw new org.springframework.security.access.AccessDeniedException("no longer yours");
                });
        UI.getCurrent().add(view);

        publishFromAnotherThread(() -> source.publish(1));

        awaitUntil(() -> !com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications()
                .isEmpty());
        assertThat(com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications()
                        .get(0)
                        .getElement()
                        .getProperty("text", ""))
                .contains("Reload the page");
    }

    @Test
    void a_detached_view_unsubscribes_and_hears_nothing_more() {
        recordBatches();
        assertThat(source.size()).isEqualTo(1);

        UI.getCurrent().remove(view);
        publishFromAnotherThread(() -> source.publish(1));

        assertThat(source.isEmpty()).isTrue();
        MockVaadin.clientRoundtrip();
        assertThat(batches).isEmpty();
    }

    @Test
    void a_view_attached_again_subscribes_once_again() {
        recordBatches();
        UI.getCurrent().remove(view);
        UI.getCurrent().add(view);

        publishFromAnotherThread(() -> source.publish(7));

        awaitUntil(() -> !batches.isEmpty());
        assertThat(source.size()).isEqualTo(1);
        assertThat(batches).containsExactly(List.of(7));
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

    /** Runs queued UI work on the test thread, where nobody is signed in either, until the condition holds. */
    private static void awaitUntil(BooleanSupplier condition) {
        Authentication testThreadUser = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.clearContext();
        try {
            await("the queued UI work to apply the updates")
                    .atMost(Duration.ofSeconds(10))
                    .pollInSameThread()
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        MockVaadin.clientRoundtrip();
                        return condition.getAsBoolean();
                    });
        } finally {
            SecurityContextHolder.getContext().setAuthentication(testThreadUser);
        }
    }
}
