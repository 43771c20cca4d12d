package com.storemetrics.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Runs slow work (calls to Apple) off the UI thread, so views can show a progress indicator, and
 * hands the outcome back to the UI through server push. The caller's security context travels
 * with the work, so secured services see the same user.
 */
@Component
public class BackgroundCalls {

    /** The name of its executor bean (tests wait for it to be idle between tests). */
    public static final String THREADS = "backgroundCallThreads";

    private static final Logger log = LoggerFactory.getLogger(BackgroundCalls.class);

    private final Executor executor;

    /**
     * @param security the security context strategy bean (Vaadin's): the caller's user is read and
     *     handed over through the same strategy Spring Security's checks read, whatever strategy
     *     was global when this bean was made
     */
    BackgroundCalls(@Qualifier(THREADS) TaskExecutor threads, SecurityContextHolderStrategy security) {
        DelegatingSecurityContextExecutor withUser = new DelegatingSecurityContextExecutor(threads);
        withUser.setSecurityContextHolderStrategy(security);
        this.executor = withUser;
    }

    /**
     * Runs {@code work} in the background; then, inside {@link UI#access}, {@code onSuccess} or
     * {@code onFailure} with the exception it threw. Nothing runs if the UI has gone meanwhile.
     */
    public <T> CompletableFuture<Void> run(
            UI ui, Supplier<T> work, Consumer<T> onSuccess, Consumer<RuntimeException> onFailure) {
        return CompletableFuture.supplyAsync(work, executor).handle((result, error) -> {
            try {
                ui.access(() -> {
                    if (error == null) {
                        onSuccess.accept(result);
                    } else {
                        onFailure.accept(unwrap(error));
                    }
                });
            } catch (UIDetachedException gone) {
                log.debug("UI closed before a background call finished");
            }
            return null;
        });
    }

    private static RuntimeException unwrap(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    /** Eight threads for calls that customers wait for; named, daemons, and ended with the context. */
    @Configuration(proxyBeanMethods = false)
    static class Threads {

        /** Not a default candidate: it replaces none of Spring Boot's own executors, and is injected by name. */
        @Bean(name = THREADS, defaultCandidate = false)
        ThreadPoolTaskExecutor backgroundCallThreads() {
            ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor();
            threads.setCorePoolSize(8);
            threads.setMaxPoolSize(8);
            threads.setThreadNamePrefix("ui-background-call-");
            threads.setDaemon(true);
            return threads;
        }
    }
}
