package com.storemetrics.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.Application;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded database's directory and files are owner-only: a fresh start creates them so, and a
 * start over a world-readable directory (as earlier versions left it) makes it so.
 */
class DatabaseFilePermissionsTest {

    private final Path root = createTemporaryRoot();

    @AfterEach
    void removeTheFiles() throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
                Files.delete(path);
            }
        }
    }

    @Test
    void a_fresh_start_creates_the_directory_0700_and_every_database_file_0600() throws Exception {
        Path data = root.resolve("data");

        try (ConfigurableApplicationContext app = start(data)) {
            assertThat(mode(data)).isEqualTo("rwx------");
            assertThat(filesIn(data))
                    .isNotEmpty()
                    .allSatisfy(
                            file -> assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------"));
        }
    }

    @Test
    void a_start_over_a_world_readable_directory_makes_it_and_its_files_owner_only() throws Exception {
        Path data = Files.createDirectories(root.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path leftOver = Files.writeString(data.resolve("storemetrics.log"), "");
        Files.setPosixFilePermissions(leftOver, PosixFilePermissions.fromString("rw-r--r--"));
        Path tmp = Files.createDirectories(data.resolve("storemetrics.tmp"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));

        try (ConfigurableApplicationContext app = start(data)) {
            assertThat(mode(data)).isEqualTo("rwx------");
            assertThat(mode(tmp)).isEqualTo("rwx------");
            assertThat(filesIn(data))
                    .contains(leftOver)
                    .allSatisfy(
                            file -> assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------"));
        }
    }

    @Test
    void only_hsqldb_file_urls_name_a_directory() {
        assertThat(DatabaseFilePermissions.hsqldbFileDirectory(
                        "jdbc:hsqldb:file:/srv/app/data/db;hsqldb.write_delay=false"))
                .contains(Path.of("/srv/app/data"));
        assertThat(DatabaseFilePermissions.hsqldbFileDirectory("jdbc:hsqldb:/srv/app/data/db"))
                .contains(Path.of("/srv/app/data"));
        assertThat(DatabaseFilePermissions.hsqldbFileDirectory("jdbc:hsqldb:mem:test"))
                .isEmpty();
        assertThat(DatabaseFilePermissions.hsqldbFileDirectory("jdbc:hsqldb:hsql://db.internal/x"))
                .isEmpty();
        assertThat(DatabaseFilePermissions.hsqldbFileDirectory("jdbc:postgresql://db.internal:5432/x"))
                .isEmpty();
    }

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(Application.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:hsqldb:file:" + data.resolve("storemetrics")
                                + ";hsqldb.write_delay=false;shutdown=true",
                        "--storemetrics.verifier.interval=1h",
                        "--storemetrics.metrics.import-interval=1h",
                        "--spring.main.banner-mode=off");
    }

    private static List<Path> filesIn(Path directory) throws Exception {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Path createTemporaryRoot() {
        try {
            return Files.createTempDirectory("database-files");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
