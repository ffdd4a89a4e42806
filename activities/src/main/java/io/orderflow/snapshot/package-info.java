/**
 * Snapshots of folded orders: the store in {@code order_snapshots}, the policy that says when to
 * take one, and the loader that starts from the latest snapshot and folds only what came after.
 */
package io.orderflow.snapshot;
