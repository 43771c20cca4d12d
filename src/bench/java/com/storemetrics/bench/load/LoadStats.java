package com.storemetrics.bench.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The figures of one phase: response times by request kind, errors by kind, push frames, and the
 * push latency of the phase's trigger. Thread-safe (simulated customers record from their own
 * threads and from the WebSocket's).
 */
final class LoadStats {

    private final Map<String, List<Long>> times = new TreeMap<>();
    private final Map<String, AtomicInteger> errors = new TreeMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong pushFrames = new AtomicLong();
    private final List<Long> pushFromTrigger = new ArrayList<>();
    private final List<Long> pushFromFirst = new ArrayList<>();
    private final AtomicInteger minSessions = new AtomicInteger(Integer.MAX_VALUE);
    private final AtomicInteger maxSessions = new AtomicInteger();
    private final Map<String, AtomicInteger> afterBreak = new TreeMap<>();
    private final List<Long> outages = new ArrayList<>();
    private volatile long triggerNanos;
    /** The wall clock when the trigger fired, to set frames against a commit's timestamp. */
    private volatile long triggerEpochMillis;

    private volatile long firstFrameNanos;
    private volatile String triggerMarker;
    private volatile String triggerName;
    /** Browsers that had the trigger's change in the answer to their own request, not in a push frame. */
    private final AtomicInteger inAnswers = new AtomicInteger();

    /** One HTTP request or WebSocket opening of this kind took this long. */
    void time(String kind, long nanos) {
        requests.incrementAndGet();
        synchronized (times) {
            times.computeIfAbsent(kind, k -> new ArrayList<>()).add(nanos);
        }
    }

    void error(String kind) {
        synchronized (errors) {
            errors.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** A session broke (its node died): what the first request of the browser's client was answered. */
    void broke(String answer) {
        synchronized (afterBreak) {
            afterBreak.computeIfAbsent(answer, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** A broken session works again (signed in anew, page open, push open): how long it was without one. */
    void outage(long nanos) {
        synchronized (outages) {
            outages.add(nanos);
        }
    }

    void sessions(int open) {
        minSessions.accumulateAndGet(open, Math::min);
        maxSessions.accumulateAndGet(open, Math::max);
    }

    /** The trigger fired now; push frames containing {@code marker} are its arrivals. */
    void triggered(String name, String marker, long nanos) {
        triggerName = name;
        triggerMarker = marker;
        triggerNanos = nanos;
        triggerEpochMillis = System.currentTimeMillis() - (System.nanoTime() - nanos) / 1_000_000;
    }

    /**
     * From the change that the trigger caused, as its history rows record it, to each browser's
     * frame, p50 / p95 / max: without the wait for the verifier to notice the change at Apple. The
     * rows carry the verifier's observation time, taken before its transaction: the transaction
     * (its node logs when it committed) is inside this figure.
     */
    String fromRecorded(Instant recorded) {
        synchronized (pushFromTrigger) {
            if (pushFromTrigger.isEmpty()) {
                return "  push latency from the recorded change: no frame\n";
            }
            long recordedAfterTriggerNanos = (recorded.toEpochMilli() - triggerEpochMillis) * 1_000_000;
            List<Long> fromRecorded = pushFromTrigger.stream()
                    .map(nanos -> nanos - recordedAfterTriggerNanos)
                    .toList();
            return String.format(
                    "  push latency from the recorded change (%s, %.1f s after the trigger; the verifier's observation,"
                            + " before its transaction): recorded -> frame p50 %.0f / p95 %.0f"
                            + " / max %.0f ms, %d browsers%n",
                    recorded,
                    recordedAfterTriggerNanos / 1e9,
                    percentile(fromRecorded, 50),
                    percentile(fromRecorded, 95),
                    percentile(fromRecorded, 100),
                    fromRecorded.size());
        }
    }

    /** A push frame arrived at a simulated browser (once per browser for the trigger's marker). */
    void pushFrame(String text, long arrivedNanos, boolean[] seenTrigger) {
        pushFrames.incrementAndGet();
        arrived(text, arrivedNanos, seenTrigger, false);
    }

    /**
     * The answer to a browser's own UIDL request arrived. A change committed while the server was
     * handling that request rides in its answer instead of a push frame: it counts as arrived too.
     */
    void uidlAnswer(String text, long arrivedNanos, boolean[] seenTrigger) {
        arrived(text, arrivedNanos, seenTrigger, true);
    }

    private void arrived(String text, long arrivedNanos, boolean[] seenTrigger, boolean inAnswer) {
        String marker = triggerMarker;
        if (marker == null || triggerNanos == 0 || seenTrigger[0] || !text.contains(marker)) {
            return;
        }
        seenTrigger[0] = true;
        if (inAnswer) {
            inAnswers.incrementAndGet();
        }
        synchronized (pushFromTrigger) {
            if (firstFrameNanos == 0) {
                firstFrameNanos = arrivedNanos;
            }
            pushFromTrigger.add(arrivedNanos - triggerNanos);
            pushFromFirst.add(arrivedNanos - firstFrameNanos);
        }
    }

    String report(String phase, double seconds, String appFigures) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                "%n== %s: %.0f s, sessions with push open min %d / max %d, %d requests = %.1f req/s, %d push frames%n",
                phase,
                seconds,
                minSessions.get() == Integer.MAX_VALUE ? 0 : minSessions.get(),
                maxSessions.get(),
                requests.get(),
                requests.get() / seconds,
                pushFrames.get()));
        out.append(String.format(
                "  %-22s %7s %9s %9s %9s %9s%n", "request kind", "count", "p50 ms", "p95 ms", "p99 ms", "max ms"));
        synchronized (times) {
            times.forEach((kind, samples) -> out.append(String.format(
                    "  %-22s %7d %9.1f %9.1f %9.1f %9.1f%n",
                    kind,
                    samples.size(),
                    percentile(samples, 50),
                    percentile(samples, 95),
                    percentile(samples, 99),
                    percentile(samples, 100))));
        }
        synchronized (errors) {
            out.append("  errors: ")
                    .append(errors.isEmpty() ? "none" : errors.toString())
                    .append('\n');
        }
        synchronized (pushFromTrigger) {
            if (triggerName == null) {
                out.append("  push latency: no trigger in this phase\n");
            } else if (pushFromTrigger.isEmpty()) {
                out.append("  push latency (")
                        .append(triggerName)
                        .append("): no browser received '")
                        .append(triggerMarker)
                        .append("' before the phase ended\n");
            } else {
                out.append(String.format(
                        "  push latency (%s, %d browsers, %d of them by the answer to their own request):"
                                + " trigger -> frame p50 %.0f / p95 %.0f / max %.0f ms;"
                                + " first browser's frame -> each frame p50 %.0f / p95 %.0f / max %.0f ms%n",
                        triggerName,
                        pushFromTrigger.size(),
                        inAnswers.get(),
                        percentile(pushFromTrigger, 50),
                        percentile(pushFromTrigger, 95),
                        percentile(pushFromTrigger, 100),
                        percentile(pushFromFirst, 50),
                        percentile(pushFromFirst, 95),
                        percentile(pushFromFirst, 100)));
            }
        }
        synchronized (afterBreak) {
            if (!afterBreak.isEmpty()) {
                out.append("  sessions broken, first answer after the break: ")
                        .append(afterBreak)
                        .append('\n');
            }
        }
        synchronized (outages) {
            if (!outages.isEmpty()) {
                out.append(String.format(
                        "  without a working page (break -> signed in again, page and push open), %d sessions:"
                                + " p50 %.1f / p95 %.1f / max %.1f s%n",
                        outages.size(),
                        percentile(outages, 50) / 1000,
                        percentile(outages, 95) / 1000,
                        percentile(outages, 100) / 1000));
            }
        }
        out.append("  app: ").append(appFigures).append('\n');
        return out.toString();
    }

    /** Nearest-rank percentile of nanosecond samples, in milliseconds. */
    static double percentile(List<Long> nanos, double percentile) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
