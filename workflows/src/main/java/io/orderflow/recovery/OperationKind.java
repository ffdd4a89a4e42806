package io.orderflow.recovery;

/** What a DR operation does; one workflow type per kind. */
public enum OperationKind {
  BACKUP,
  FULL_RESTORE,
  ORDER_RECOVERY,
  PROJECTION_REBUILD,
  REPLAY,
  CONSISTENCY_CHECK,
  REPUBLISH
}
