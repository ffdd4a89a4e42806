/** The recovery runbooks' entry points: {@code /api/recoveries/*}. */
package io.orderflow.api.recovery;
