/** The full restore's side effects: import, validation, reconstruction, switch, probes. */
package io.orderflow.restore;
