/** {@code GET /api/revenue}: what a day's orders brought in, per currency, from its read model. */
package io.orderflow.api.revenue;
