package com.storemetrics.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.storemetrics.TwoNodes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * db-scheduler on PostgreSQL with two app nodes, as the verifier and the importer run: every
 * execution runs on exactly one node however the two race, and an execution whose node stopped in
 * the middle is revived and finished by the other node once its heartbeats are missed.
 */
class SchedulerAcrossNodesTest {

    static final String PROBE = "two-node-probe";
    static final String STUCK = "stuck";

    /** Which node ran which instance ("node-a:17"), in the order they ran. */
    static final Queue<String> runs = new ConcurrentLinkedQueue<>();

    static final AtomicReference<String> stuckOn = new AtomicReference<>();
    static volatile CountDownLatch release = new CountDownLatch(1);

    private static TwoNodes nodes;

    /** A one-time task of the tests' own, on both nodes: it records where it ran; "stuck" hangs once. */
    @Configuration(proxyBeanMethods = false)
    static class ProbeTask {
        @Bean
        OneTimeTask<Void> twoNodeProbe(@Value("${db-scheduler.scheduler-name}") String node) {
            return Tasks.oneTime(PROBE).execute((instance, context) -> {
                if (instance.getId().equals(STUCK) && stuckOn.compareAndSet(null, node)) {
                    // A node that dies mid-check neither finishes nor fails the execution: hang, deaf to interrupts.
                    while (release.getCount() > 0) {
                        try {
                            release.await();
                        } catch (InterruptedException ignored) {
                            // Stopping the node interrupts its executions; a killed node would not even get that far.
                        }
                    }
                    return;
                }
                sleep(20);
                runs.add(node + ":" + instance.getId());
            });
        }
    }

    /** Each test has two nodes of its own: one of them stops a node, which no other test may notice. */
    @BeforeEach
    void startTwoNodes() {
        runs.clear();
        stuckOn.set(null);
        release = new CountDownLatch(1);
        // A killed node waits for nothing: stopping one must not wait db-scheduler's 30 s for the
        // execution that hangs on purpose.
        nodes = new TwoNodes(List.of("--db-scheduler.shutdown-max-wait=1s"), ProbeTask.class);
    }

    @AfterEach
    void stopThem() {
        release.countDown();
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void a_hundred_checks_scheduled_on_both_nodes_run_a_hundred_times_in_total() {
        OneTimeTask<Void> probe = nodes.a.getBean("twoNodeProbe", OneTimeTask.class);
        Instant due = Instant.now().plusSeconds(1);
        for (int i = 0; i < 100; i++) {
            ConfigurableApplicationContext node = i % 2 == 0 ? nodes.a : nodes.b;
            node.getBean(SchedulerClient.class).schedule(probe.instance(Integer.toString(i)), due);
        }

        awaitUntil("all 100 ran", Duration.ofSeconds(60), () -> runs.size() >= 100 && probesLeft() == 0);

        assertThat(runs).hasSize(100);
        Map<String, Long> byInstance =
                runs.stream().collect(Collectors.groupingBy(run -> run.split(":")[1], Collectors.counting()));
        assertThat(byInstance)
                .hasSize(100)
                .allSatisfy((instance, times) -> assertThat(times).isEqualTo(1));
        Map<String, Long> byNode =
                runs.stream().collect(Collectors.groupingBy(run -> run.split(":")[0], Collectors.counting()));
        assertThat(byNode).as("both nodes took part").containsOnlyKeys("node-a", "node-b");
    }

    @Test
    void an_execution_of_a_node_stopped_mid_check_is_finished_by_the_other_node() {
        OneTimeTask<Void> probe = nodes.a.getBean("twoNodeProbe", OneTimeTask.class);
        nodes.a.getBean(SchedulerClient.class).schedule(probe.instance(STUCK), Instant.now());
        awaitUntil("a node is in the middle of it", Duration.ofSeconds(30), () -> stuckOn.get() != null);

        String stopped = stuckOn.get();
        ConfigurableApplicationContext survivor = stopped.equals("node-a") ? nodes.b : nodes.a;
        (stopped.equals("node-a") ? nodes.a : nodes.b).close();

        awaitUntil(
                "the other node revived and ran it",
                Duration.ofSeconds(60),
                () -> runs.contains((stopped.equals("node-a") ? "node-b" : "node-a") + ":" + STUCK));
        // The run is recorded inside the execution; db-scheduler deletes the row when it completes, just after.
        JdbcTemplate jdbc = survivor.getBean(JdbcTemplate.class);
        awaitUntil(
                "the other node completed it",
                Duration.ofSeconds(10),
                () -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ?", Integer.class, PROBE)
                        == 0);
        assertThat(runs).containsOnlyOnce((stopped.equals("node-a") ? "node-b" : "node-a") + ":" + STUCK);
        release.countDown();
    }

    private static int probesLeft() {
        return nodes.jdbc()
                .queryForObject("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ?", Integer.class, PROBE);
    }

    private static void awaitUntil(String what, Duration limit, BooleanSupplier condition) {
        await(what).atMost(limit).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
