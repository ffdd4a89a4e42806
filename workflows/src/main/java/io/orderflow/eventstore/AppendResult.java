package io.orderflow.eventstore;

/** Where a commit landed in its stream, and the hash that the next commit must chain to. */
public record AppendResult(String orderId, long firstVersion, long lastVersion, String hash) {}
