package com.storemetrics.integration;

/**
 * What an open view hears about integrations, after commit: rows that changed, a verifier check
 * that looked at the live rows, or notices stored for a customer.
 */
public sealed interface IntegrationUpdate permits IntegrationsChanged, IntegrationsChecked, NoticesPosted {}
