package com.storemetrics.base.live;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Reads that views of one user share within one push, keyed by (signed-in user, query, latest
 * update number the UI applied): valid by construction (docs/live-updates.md, "One read per user
 * per change"). Each UI's latest applied number is kept on the UI itself, changed under its
 * session's lock.
 */
final class SharedReads {

    /** How long a shared read serves other views; well beyond one push's fan-out. */
    static final Duration LIFETIME = Duration.ofSeconds(10);

    /** The latest update number a UI applied. */
    private record Applied(long number) {}

    /** A read one user made for one query after applying update {@code applied}. */
    private record Key(String user, Object query, long applied) {}

    private final SecurityContextHolderStrategy security;
    private final Cache<Key, Object> reads =
            Caffeine.newBuilder().expireAfterWrite(LIFETIME).maximumSize(10_000).build();

    SharedReads(SecurityContextHolderStrategy security) {
        this.security = security;
    }

    /** See {@link LiveUpdates#sharedRead}. */
    @SuppressWarnings("unchecked")
    <T> T read(Object query, Supplier<T> read) {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return read.get();
        }
        if (VaadinRequest.getCurrent() != null) {
            applied(ui, Numbered.nextNumber());
            return read.get();
        }
        Applied applied = ComponentUtil.getData(ui, Applied.class);
        Authentication user = security.getContext().getAuthentication();
        if (applied == null || user == null || user.getName() == null) {
            return read.get();
        }
        return (T) reads.get(new Key(user.getName(), query, applied.number()), key -> read.get());
    }

    /** Records that {@code ui} applied update {@code number} (the number only grows); under the session's lock. */
    static void applied(UI ui, long number) {
        Applied before = ComponentUtil.getData(ui, Applied.class);
        if (before == null || before.number() < number) {
            ComponentUtil.setData(ui, Applied.class, new Applied(number));
        }
    }

    void clear() {
        reads.invalidateAll();
    }
}
