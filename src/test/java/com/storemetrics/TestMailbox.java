package com.storemetrics;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The tests' SMTP server: GreenMail on the port the test profile names ({@code spring.mail.port}),
 * started fresh (empty) before each test and stopped after it by its JUnit 5 extension. A test that
 * needs the server down stops it ({@link GreenMail#stop()}) or starts its own with {@link #server()}.
 * The port is 3925 unless {@code -Dstoremetrics.test.smtp-port=N} names another (the test profile's
 * {@code spring.mail.port} follows it), so two test runs on one machine need not collide.
 */
public final class TestMailbox {

    public static final int SMTP_PORT = Integer.getInteger("storemetrics.test.smtp-port", 3925);

    private TestMailbox() {}

    public static ServerSetup smtp() {
        return new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    }

    /** A fresh server per test method. */
    public static GreenMailExtension extension() {
        return new GreenMailExtension(smtp()).withPerMethodLifecycle(true);
    }

    /** A server the test starts and stops itself (SMTP down, then up). */
    public static GreenMail server() {
        return new GreenMail(smtp());
    }
}
