package com.storemetrics.bench.load;

import com.sun.management.OperatingSystemMXBean;
import com.sun.tools.attach.VirtualMachine;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The app's heap and CPU, read from its JVM over JMX: the harness attaches to the app's process
 * (same user, same machine) and starts its local management agent, so the app needs no endpoint
 * of its own for this (it exposes only {@code /actuator/health}). Without a process id, or if the
 * attach fails, it says so instead of printing figures.
 */
final class AppProbe implements AutoCloseable {

    private final JMXConnector connector;
    private final MemoryMXBean memory;
    private final OperatingSystemMXBean os;
    private final String unavailable;
    private long cpuNanos;
    private long wallNanos;

    AppProbe(String pid) {
        JMXConnector opened = null;
        MemoryMXBean heap = null;
        OperatingSystemMXBean system = null;
        String why = null;
        if (pid == null || pid.isBlank()) {
            why = "not measured (no --app-pid given)";
        } else {
            try {
                VirtualMachine vm = VirtualMachine.attach(pid);
                String address = vm.startLocalManagementAgent();
                vm.detach();
                opened = JMXConnectorFactory.connect(new JMXServiceURL(address));
                MBeanServerConnection server = opened.getMBeanServerConnection();
                heap = ManagementFactory.newPlatformMXBeanProxy(
                        server, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
                system = ManagementFactory.newPlatformMXBeanProxy(
                        server, ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME, OperatingSystemMXBean.class);
            } catch (Exception e) {
                why = "not measured (attach to pid " + pid + " failed: " + e + ")";
            }
        }
        connector = opened;
        memory = heap;
        os = system;
        unavailable = why;
    }

    /** Starts a measurement window: CPU time is reported from here on. */
    void mark() {
        if (os != null) {
            cpuNanos = os.getProcessCpuTime();
            wallNanos = System.nanoTime();
        }
    }

    /** CPU used since {@link #mark()} (in cores), heap used now and, after a full GC, the live heap. */
    String figures() {
        if (unavailable != null) {
            return unavailable;
        }
        try {
            double cores = (os.getProcessCpuTime() - cpuNanos) / (double) (System.nanoTime() - wallNanos);
            MemoryUsage used = memory.getHeapMemoryUsage();
            memory.gc();
            MemoryUsage live = memory.getHeapMemoryUsage();
            return String.format(
                    "CPU %.2f cores (of %d; machine load average %.2f), heap used %d MB, after a full GC %d MB (max %d MB)",
                    cores,
                    os.getAvailableProcessors(),
                    os.getSystemLoadAverage(),
                    used.getUsed() >> 20,
                    live.getUsed() >> 20,
                    live.getMax() >> 20);
        } catch (RuntimeException e) {
            return "not measured (" + e + ")";
        }
    }

    @Override
    public void close() throws Exception {
        if (connector != null) {
            connector.close();
        }
    }
}
