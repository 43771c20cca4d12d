/** A customer's link to an account: its status, history and notices, changed only through IntegrationLifecycle, the events that tell open views, and the read-only answers other features ask of integrations. */
package com.storemetrics.integration;
