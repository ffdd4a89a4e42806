/**
 * The contract of the event store as workflows see it: the append and publish activities, their
 * inputs and results, and the failure types they raise. Implemented in the activities module.
 */
package io.orderflow.eventstore;
