/** E-mail notices to customers who are not looking: the transactional outbox the integration lifecycle and the importer's stall check write to, its delivery over SMTP by one node (a customer's messages within a minute as one e-mail), and each customer's notification settings and one-click unsubscribe (docs/notices.md). */
package com.storemetrics.notices;
