package com.storemetrics.base.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.internal.CurrentInstance;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.communication.PushConnection;
import com.vaadin.flow.shared.communication.PushMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads shared by the views that apply the same pushed update, and only by those. */
class FanOutReadsTest {

    static final Authentication alice = new TestingAuthenticationToken("alice", null, "ROLE_CUSTOMER");
    static final Authentication bob = new TestingAuthenticationToken("bob", null, "ROLE_CUSTOMER");

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        CurrentInstance.clearAll();
        SecurityContextHolder.clearContext();
    }

    /** The rule itself, on one thread with a clock of our own: what is shared and what is read again. */
    @Nested
    class TheRule {

        final AtomicLong clock = new AtomicLong(1_000);
        final FanOutReads reads = new FanOutReads(clock::get);
        final AtomicInteger databaseReads = new AtomicInteger();
        final Object removal = new Object();
        UI ui;

        TheRule() {
            MockVaadin.setup();
            ui = UI.getCurrent();
            SecurityContextHolder.getContext().setAuthentication(alice);
        }

        /**
         * One view's push after it applied a batch ending with {@code lastUpdate}, the latest of its
         * other updates offered to it at {@code othersOfferedAt}.
         */
        String pushAfter(Object lastUpdate, long othersOfferedAt) {
            List<String> read = new ArrayList<>();
            FanOutReads.delivering(() -> {
                FanOutReads.applied(ui, lastUpdate, othersOfferedAt);
                read.add(reads.read("page 1", () -> "read " + databaseReads.incrementAndGet()));
            });
            return read.get(0);
        }

        @Test
        void views_that_applied_the_same_update_share_the_read_made_after_it_was_offered() {
            clock.set(2_000);
            assertThat(pushAfter(removal, 1_500)).isEqualTo("read 1");
            clock.set(2_100);
            assertThat(pushAfter(removal, 1_900)).isEqualTo("read 1");
            assertThat(databaseReads).hasValue(1);
        }

        @Test
        void a_view_that_applied_an_update_offered_after_the_shared_read_began_reads_again_for_the_views_after_it() {
            clock.set(2_000);
            assertThat(pushAfter(removal, 1_500)).isEqualTo("read 1");
            // This view also applied an update offered to it only after the first read had begun (committed
            // after it, perhaps), so that read is not used.
            clock.set(3_000);
            assertThat(pushAfter(removal, 2_500)).isEqualTo("read 2");
            clock.set(3_100);
            assertThat(pushAfter(removal, 2_600)).isEqualTo("read 2");
            assertThat(databaseReads).hasValue(2);
        }

        @Test
        void views_that_applied_different_updates_read_for_themselves() {
            clock.set(2_000);
            assertThat(pushAfter(removal, 1_500)).isEqualTo("read 1");
            assertThat(pushAfter(new Object(), 1_500)).isEqualTo("read 2");
        }

        @Test
        void reads_outside_a_push_after_an_update_are_never_shared() {
            // On a request thread: the customer scrolls or filters.
            assertThat(reads.read("page 1", () -> "read " + databaseReads.incrementAndGet()))
                    .isEqualTo("read 1");
            assertThat(reads.read("page 1", () -> "read " + databaseReads.incrementAndGet()))
                    .isEqualTo("read 2");
            // On a delivery thread, for a UI that applied nothing there (its access ran elsewhere).
            FanOutReads.delivering(() -> assertThat(
                            reads.read("page 1", () -> "read " + databaseReads.incrementAndGet()))
                    .isEqualTo("read 3"));
            assertThat(reads.kept()).isZero();
        }

        @Test
        void a_ui_that_applied_two_different_updates_or_reloaded_on_this_thread_reads_for_itself() {
            clock.set(2_000);
            assertThat(pushAfter(removal, 1_500)).isEqualTo("read 1");
            FanOutReads.delivering(() -> {
                FanOutReads.applied(ui, new Object(), 1_500);
                FanOutReads.applied(ui, removal, 1_500);
                assertThat(reads.read("page 1", () -> "read " + databaseReads.incrementAndGet()))
                        .isEqualTo("read 2");
            });
            FanOutReads.delivering(() -> {
                FanOutReads.applied(ui, removal, 1_500);
                FanOutReads.reloaded(ui);
                assertThat(reads.read("page 1", () -> "read " + databaseReads.incrementAndGet()))
                        .isEqualTo("read 3");
            });
        }

        @Test
        void another_user_never_gets_a_users_read() {
            clock.set(2_000);
            assertThat(pushAfter(removal, 1_500)).isEqualTo("read 1");
            SecurityContextHolder.getContext().setAuthentication(bob);
            assertThat(pushAfter(removal, 1_500)).isEqualTo("read 2");
        }

        @Test
        void a_failed_read_is_not_shared_and_the_next_view_reads_for_itself() {
            clock.set(2_000);
            assertThatThrownBy(() -> FanOutReads.delivering(() -> {
                        FanOutReads.applied(ui, removal, 1_500);
                        reads.read("page 1", () -> {
                            throw new IllegalStateException("database gone");
                        });
                    }))
                    .hasMessage("database gone");
            assertThat(pushAfter(removal, 1_500)).isEqualTo("read 1");
        }

        @Test
        void shared_reads_are_forgotten_after_a_while() {
            clock.set(2_000);
            pushAfter(removal, 1_500);
            assertThat(reads.kept()).isEqualTo(1);
            clock.addAndGet(FanOutReads.KEPT.toNanos() + 1);
            pushAfter(new Object(), clock.get() - 1);
            assertThat(reads.kept()).isEqualTo(1);
        }
    }

    /**
     * Through {@link LiveUpdates} with production's threading: each view in a session of its own
     * whose lock is free (the browser waits), so a delivery thread applies the update and pushes,
     * and the push reads as a lazy grid does while Vaadin builds the message.
     */
    @Nested
    class InProductionThreading {

        final LiveUpdates live = new LiveUpdates(Duration.ofMillis(50));
        final Subscribers<Object> source = new Subscribers<>();
        final AtomicInteger databaseReads = new AtomicInteger();
        final List<String> pushedReads = new CopyOnWriteArrayList<>();
        final List<String> appliedReads = new CopyOnWriteArrayList<>();
        final List<VaadinSession> sessions = new ArrayList<>();
        volatile CountDownLatch pushes = new CountDownLatch(0);

        @AfterEach
        void closeSessions() {
            live.destroy();
            sessions.forEach(VaadinSession::lock);
        }

        private void openView(Authentication user) {
            openView(user, false);
        }

        /** A view in a session of its own; it reads in the push, or already while applying the batch. */
        private void openView(Authentication user, boolean readsWhileApplying) {
            MockVaadin.setup();
            SecurityContextHolder.getContext().setAuthentication(user);
            UI ui = UI.getCurrent();
            Div view = new Div();
            live.follow(
                    view,
                    SessionUser.current(),
                    source::subscribe,
                    batch -> {
                        view.add(new Span("applied " + batch.size()));
                        if (readsWhileApplying) {
                            appliedReads.add(
                                    live.sharedRead("dashboard", () -> "read " + databaseReads.incrementAndGet()));
                        }
                    },
                    () -> view.add(new Span("reloaded")));
            ui.add(view);
            ui.getPushConfiguration().setPushMode(PushMode.AUTOMATIC);
            ui.getInternals().setPushConnection(new ReadingPushConnection());
            VaadinSession session = VaadinSession.getCurrent();
            sessions.add(session);
            // The request is over: the session's lock is free for pushes.
            ReentrantLock lock = (ReentrantLock) session.getLockInstance();
            while (lock.isHeldByCurrentThread()) {
                session.unlock();
            }
            CurrentInstance.clearAll();
            SecurityContextHolder.clearContext();
        }

        /** Reads during the push, as a lazy grid fetches its page while Vaadin builds the message. */
        private final class ReadingPushConnection implements PushConnection {
            @Override
            public void push() {
                pushedReads.add(live.sharedRead("page 1", () -> "read " + databaseReads.incrementAndGet()));
                pushes.countDown();
            }

            @Override
            public void disconnect() {}

            @Override
            public boolean isConnected() {
                return true;
            }
        }

        private void publishAndAwait(int views) throws InterruptedException {
            databaseReads.set(0);
            pushedReads.clear();
            pushes = new CountDownLatch(views);
            Object removal = new Object();
            Thread verifier = new Thread(() -> source.publish(removal));
            verifier.start();
            verifier.join();
            assertThat(pushes.await(10, TimeUnit.SECONDS))
                    .as("every view pushed")
                    .isTrue();
        }

        @Test
        void ten_views_of_one_customer_read_once_for_a_change_and_all_show_that_read() throws InterruptedException {
            for (int i = 0; i < 10; i++) {
                openView(alice);
            }
            publishAndAwait(10);
            assertThat(databaseReads).hasValue(1);
            assertThat(pushedReads).hasSize(10).containsOnly("read 1");
        }

        @Test
        void what_views_read_while_applying_the_update_is_shared_too() throws InterruptedException {
            for (int i = 0; i < 5; i++) {
                openView(alice, true);
            }
            publishAndAwait(5);
            // One read while applying, one (another key) in the pushes.
            assertThat(databaseReads).hasValue(2);
            assertThat(appliedReads).hasSize(5).containsOnly(appliedReads.get(0));
        }

        @Test
        void views_of_different_customers_read_for_themselves() throws InterruptedException {
            openView(alice);
            openView(bob);
            publishAndAwait(2);
            assertThat(databaseReads).hasValue(2);
        }
    }
}
