package com.storemetrics.notices;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The outbox's delivery through db-scheduler: one recurring execution, run by one node at a time,
 * every {@code storemetrics.mail.interval}; a node that dies mid-run has its execution revived by
 * another after the missed heartbeats (see application.properties).
 */
@Configuration(proxyBeanMethods = false)
class MailScheduler {

    static final String TASK = "mail-delivery";

    @Bean
    RecurringTask<Void> mailDeliveryTask(MailDelivery delivery, NoticeProperties properties) {
        return Tasks.recurring(TASK, FixedDelay.of(properties.interval()))
                .execute((instance, context) -> delivery.deliverDue());
    }
}
