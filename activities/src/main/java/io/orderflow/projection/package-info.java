/**
 * The read models, registered by name: the order summary ({@code order_projections}, by status and
 * by customer) and revenue per day and currency ({@code order_revenue}). One row per order, moved
 * only forward by version, read from and written to the active generation.
 */
package io.orderflow.projection;
