/**
 * The Order aggregate: its events, its state, and the rules that decide which events a command
 * causes. Pure and deterministic: no I/O, no clock, no randomness.
 */
package io.orderflow.order;
