package com.storemetrics.security;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users' e-mail addresses, for the notices feature: read one, and change one. It checks no user and
 * no address: its one caller (notices) validates the address and lets only the signed-in user change
 * their own.
 */
@Component
@Transactional
public class UserEmails {

    private final AppUserRepository users;

    UserEmails(AppUserRepository users) {
        this.users = users;
    }

    /** The user's address, if they have one (also when nobody is signed in: the outbox asks). */
    @Transactional(readOnly = true)
    public Optional<String> of(long userId) {
        return users.findById(userId).map(AppUser::getEmail);
    }

    /** The addresses of these users who have one, by user id: one query for all of them. */
    @Transactional(readOnly = true)
    public Map<Long, String> of(Collection<Long> userIds) {
        Map<Long, String> addresses = new HashMap<>();
        users.findAllById(userIds).forEach(user -> {
            if (user.getEmail() != null) {
                addresses.put(user.getId(), user.getEmail());
            }
        });
        return addresses;
    }

    /** Replaces the user's address; an unknown id changes nothing and says so. */
    public boolean change(long userId, String email) {
        return users.findById(userId)
                .map(user -> {
                    user.changeEmail(email);
                    return true;
                })
                .orElse(false);
    }
}
