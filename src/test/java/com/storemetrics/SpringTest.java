package com.storemetrics;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of every Spring test: one shared context on a random port (the embedded sandbox is a real
 * HTTP endpoint there), one in-memory database. Before each test {@link KnownState} puts everything
 * shared back to a known state (tables, clocks, the sandbox, what nodes keep in memory, background
 * work), so a test never depends on which tests ran before it. Tagged {@value #DATABASE}: the build
 * runs every such test twice, on HSQLDB and on an embedded PostgreSQL ({@link TestDatabases}).
 */
@Tag(SpringTest.DATABASE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(KnownState.class)
@ActiveProfiles("test")
@Import({TestClock.Config.class, KnownState.Config.class})
public abstract class SpringTest {

    /** The tag of tests that touch the database: the PostgreSQL run of the suite selects them. */
    public static final String DATABASE = "database";
}
