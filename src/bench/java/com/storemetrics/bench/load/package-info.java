/**
 * A load harness that speaks Vaadin's own protocol over real HTTP and WebSocket to a running app:
 * simulated customers sign in, open the Data Integration page, keep its push channel open and act
 * as people do, while the harness prints per-phase throughput, latencies, push latency and errors.
 */
package com.storemetrics.bench.load;
