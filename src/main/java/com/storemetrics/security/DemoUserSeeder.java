package com.storemetrics.security;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo users on a database without users. Idempotent: existing users are left alone.
 * Off in the production profile ({@code storemetrics.demo-users.enabled=false}).
 */
@Component
@ConditionalOnProperty(name = "storemetrics.demo-users.enabled", havingValue = "true", matchIfMissing = false)
class DemoUserSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUserSeeder.class);

    record DemoUser(String username, String displayName, String password, String role, String email) {}

    /** Addresses under {@code .example} (RFC 2606): never anyone's real mailbox. */
    static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser(
                    "alice",
                    "Alice Martin (Pixel Forge)",
                    "alice-demo-2026",
                    Roles.CUSTOMER,
                    "alice@pixelforge.example"),
            new DemoUser("bob", "Bob Chen (Pixel Forge)", "bob-demo-2026", Roles.CUSTOMER, "bob@pixelforge.example"),
            new DemoUser(
                    "carol", "Carol Diaz (Support)", "carol-demo-2026", Roles.SUPPORT, "carol@storemetrics.example"));

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;

    DemoUserSeeder(AppUserRepository users, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            giveDemoUsersTheirAddresses();
            return;
        }
        for (DemoUser demo : DEMO_USERS) {
            AppUser user = new AppUser(
                    demo.username(), demo.displayName(), passwordEncoder.encode(demo.password()), demo.role());
            user.changeEmail(demo.email());
            users.save(user);
        }
        StringBuilder message = new StringBuilder("Seeded demo users (shown once):");
        DEMO_USERS.forEach(demo ->
                message.append(String.format("%n  %-6s / %-16s (%s)", demo.username(), demo.password(), demo.role())));
        log.info(message.toString());
    }

    /** A development database seeded before users had addresses: its demo users get theirs, once. */
    private void giveDemoUsersTheirAddresses() {
        for (DemoUser demo : DEMO_USERS) {
            users.findByUsername(demo.username())
                    .filter(user -> user.getEmail() == null)
                    .ifPresent(user -> user.changeEmail(demo.email()));
        }
    }
}
