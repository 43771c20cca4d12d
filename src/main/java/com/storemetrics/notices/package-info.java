/** E-mail notices to customers who are not looking: the transactional outbox the integration lifecycle writes to, its delivery over SMTP by one node, and each customer's notification settings and one-click unsubscribe (docs/notices.md). */
package com.storemetrics.notices;
