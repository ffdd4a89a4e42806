/** Forwarding stored events to SNS: one FIFO message per event, ordered per order. */
package io.orderflow.publication;
