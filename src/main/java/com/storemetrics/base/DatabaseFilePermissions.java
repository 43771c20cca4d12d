package com.storemetrics.base;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The embedded database's files are its owner's alone: they hold every user's BCrypt hash and
 * every customer's integrations. For an HSQLDB file database ({@code jdbc:hsqldb:file:./data/...},
 * the default) the directory is created {@code 0700} (or set so) before the database is opened,
 * and every file in it is set {@code 0600} then and again once the application is ready (HSQLDB
 * creates its files on first opening, with the process's umask). Files HSQLDB writes later (a
 * checkpoint rewrites its script) may get the umask's mode, but nobody else can reach them inside
 * a {@code 0700} directory; the next start sets them {@code 0600} too. Other databases (PostgreSQL)
 * are left alone, as is a file system without POSIX permissions.
 */
@Component
class DatabaseFilePermissions
        implements BeanPostProcessor, EnvironmentAware, ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(DatabaseFilePermissions.class);

    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private Optional<Path> directory = Optional.empty();

    @Override
    public void setEnvironment(Environment environment) {
        directory = hsqldbFileDirectory(environment.getProperty("spring.datasource.url"));
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource) {
            directory.ifPresent(DatabaseFilePermissions::ownerOnly);
        }
        return bean;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        directory.ifPresent(DatabaseFilePermissions::ownerOnly);
    }

    /** The directory of an HSQLDB file database's files, for a JDBC URL naming one. */
    static Optional<Path> hsqldbFileDirectory(String url) {
        if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:hsqldb:")) {
            return Optional.empty();
        }
        String rest = url.substring("jdbc:hsqldb:".length());
        int properties = rest.indexOf(';');
        if (properties >= 0) {
            rest = rest.substring(0, properties);
        }
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("file:")) {
            rest = rest.substring("file:".length());
        } else if (lower.startsWith("mem:")
                || lower.startsWith("res:")
                || lower.startsWith("hsql:")
                || lower.startsWith("hsqls:")
                || lower.startsWith("http:")
                || lower.startsWith("https:")) {
            return Optional.empty();
        }
        if (rest.startsWith("~")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        Path parent = Paths.get(rest).toAbsolutePath().normalize().getParent();
        return Optional.ofNullable(parent);
    }

    /** Creates {@code directory} owner-only, or makes it so with everything in it. */
    static void ownerOnly(Path directory) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            log.debug("No POSIX permissions on this file system; {} keeps its permissions", directory);
            return;
        }
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            }
            // The directory first: from then on nobody else can reach what is in it.
            Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
            try (Stream<Path> everything = Files.walk(directory)) {
                for (Path path : everything.sorted(Comparator.naturalOrder()).toList()) {
                    if (Files.isSymbolicLink(path)) {
                        continue;
                    }
                    Files.setPosixFilePermissions(
                            path, Files.isDirectory(path) ? OWNER_ONLY_DIRECTORY : OWNER_ONLY_FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the database directory " + directory + " owner-only", e);
        }
    }
}
