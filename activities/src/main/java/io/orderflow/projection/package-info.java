/**
 * The order-summary read model in {@code order_projections}: one row per order, moved only forward
 * by version, queried by status and by customer.
 */
package io.orderflow.projection;
