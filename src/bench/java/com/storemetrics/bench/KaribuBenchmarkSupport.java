package com.storemetrics.bench;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.storemetrics.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.DataCommunicator;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.communication.UidlWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kotlin.jvm.functions.Function0;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Karibu outside JUnit, the way {@code KaribuTest} sets it up: one {@link MockSpringServlet} on the
 * running application context. Each {@link #newSession()} opens a fresh Vaadin session and UI on
 * the same servlet (Karibu initialises a servlet only once), so many sessions can be kept open.
 */
public final class KaribuBenchmarkSupport {

    private final ApplicationContext context;
    private final Function0<UI> uiFactory = UI::new;
    private final MockSpringServlet servlet;

    public KaribuBenchmarkSupport(ApplicationContext context) {
        this.context = context;
        this.servlet = new MockSpringServlet(new Routes().autoDiscoverViews("com.storemetrics"), context, uiFactory);
    }

    /** A new Vaadin session with one UI, current on this thread (the previous one stays alive if referenced). */
    public UI newSession() {
        MockVaadin.setup(uiFactory, servlet);
        return UI.getCurrent();
    }

    /** As {@code KaribuTest.login}: the security context (also in the HTTP session) and the fake request's roles. */
    public UserDetails login(String username) {
        return KaribuTest.signInToVaadin(context, username);
    }

    /**
     * With {@code -Dbench.production=true}, the Karibu UIs run in Vaadin's production mode (no
     * development-mode bookkeeping): the Karibu servlet's deployment configuration reads the system
     * property when it is created. Call after the application started and before the first
     * {@code KaribuBenchmarkSupport}: the application itself stays in development mode, because it
     * refuses to start the embedded sandbox in production mode.
     */
    public static void productionModeIfAsked() {
        if (Boolean.getBoolean("bench.production")) {
            System.setProperty("vaadin.productionMode", "true");
        }
    }

    /**
     * Extra application arguments for the mode asked for: in production mode the embedded sandbox
     * is off, since the application refuses to run it there (SandboxProductionGuard); the view
     * harnesses seed their data with JDBC and need no Apple.
     */
    public static String[] appArguments() {
        return Boolean.getBoolean("bench.production")
                ? new String[] {"--storemetrics.sandbox.enabled=false"}
                : new String[0];
    }

    /** The mode the current UI's service runs in, as its deployment configuration says. */
    public static String vaadinMode() {
        return VaadinService.getCurrent().getDeploymentConfiguration().isProductionMode()
                ? "Vaadin production mode"
                : "Vaadin development mode";
    }

    /**
     * Opens {@code count} sessions as {@code user}, each showing what {@code open} opens, keeps them
     * all open, and prints and returns the live heap per open UI (class histogram, and the
     * MemoryMXBean beside it) with the {@code top} classes that grew most. One UI is opened first and
     * not counted: what the first opening caches once (compiled statements, plan caches, the user's
     * details) is not what each open view weighs.
     */
    public double heapPerUi(String user, Consumer<UI> open, String what, int count, int top) {
        newSession();
        login(user);
        open.accept(UI.getCurrent());
        serverResponse();
        long before = BenchmarkSupport.usedHeapAfterGc();
        Map<String, long[]> histogramBefore = BenchmarkSupport.liveHistogram();
        List<UI> uis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UI opened = newSession();
            login(user);
            open.accept(opened);
            serverResponse();
            uis.add(opened);
        }
        long after = BenchmarkSupport.usedHeapAfterGc();
        Map<String, long[]> histogramAfter = BenchmarkSupport.liveHistogram();
        double perUi = (histogramAfter.get("TOTAL")[1] - histogramBefore.get("TOTAL")[1]) / 1024.0 / count;
        System.out.printf("live heap per open UI (%d sessions of %s, each on %s):%n", count, user, what);
        System.out.printf(
                "  class histogram: %s -> %s: %.0f KB per UI%n",
                BenchmarkSupport.mb(histogramBefore.get("TOTAL")[1]),
                BenchmarkSupport.mb(histogramAfter.get("TOTAL")[1]),
                perUi);
        System.out.printf(
                "  MemoryMXBean:    %s -> %s: %.0f KB per UI%n",
                BenchmarkSupport.mb(before), BenchmarkSupport.mb(after), (after - before) / 1024.0 / count);
        BenchmarkSupport.topGrowth(histogramBefore, histogramAfter, top, count)
                .forEach(line -> System.out.println("    " + line));
        if (uis.size() != count) {
            throw new IllegalStateException("lost a UI");
        }
        return perUi;
    }

    public static void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /**
     * What the server does at the end of a real request: runs queued {@code UI.access} tasks,
     * then builds the UIDL response (before-client-response hooks such as the grid's data
     * communicator, change collection and JSON encoding). Returns the response's length in
     * characters. Karibu's own round trip skips the encoding and never clears the change tracker.
     */
    public static int serverResponse() {
        MockVaadin.runUIQueue();
        return new UidlWriter().createUidl(UI.getCurrent(), false).toString().length();
    }

    /**
     * What the browser's grid does once it has applied an update: confirm it, so the server may
     * drop the rows (and their rendered components) that left the viewport. Karibu never does this,
     * so without it every row ever sent would stay rendered on the server.
     */
    public static void confirmUpdates(Grid<?> grid) {
        try {
            Field nextUpdateId = DataCommunicator.class.getDeclaredField("nextUpdateId");
            nextUpdateId.setAccessible(true);
            int last = nextUpdateId.getInt(grid.getDataCommunicator()) - 1;
            Method confirmUpdate = Grid.class.getDeclaredMethod("confirmUpdate", int.class);
            confirmUpdate.setAccessible(true);
            if (last >= 0) {
                confirmUpdate.invoke(grid, last);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Grid.confirmUpdate is not reachable", e);
        }
    }

    /** What the browser's grid asks for when it shows rows {@code start}..{@code start + length - 1}. */
    public static void requestRows(Grid<?> grid, int start, int length) {
        try {
            Method setViewportRange = Grid.class.getDeclaredMethod("setViewportRange", int.class, int.class);
            setViewportRange.setAccessible(true);
            setViewportRange.invoke(grid, start, length);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Grid.setViewportRange is not reachable", e);
        }
    }
}
