/** The backup API: start a backup ({@code POST /api/backups}) and list the complete ones. */
package io.orderflow.api.backup;
