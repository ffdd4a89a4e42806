/**
 * The projection rebuild against DynamoDB: a read model folded from every commit of the events
 * table into a new generation, segment by segment with a resumable checkpoint, caught up through
 * the time index, and swapped in through the generation pointer.
 */
package io.orderflow.rebuild;
