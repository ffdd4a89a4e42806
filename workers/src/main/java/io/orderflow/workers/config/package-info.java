/**
 * Spring wiring of the worker process: AWS clients, the event store, the activities the Temporal
 * workers host, the start-up bootstrap of tables and topic, and the embedded Temporal server.
 */
package io.orderflow.workers.config;
