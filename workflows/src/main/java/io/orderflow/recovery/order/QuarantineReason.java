package io.orderflow.recovery.order;

/** Why a live commit was moved to the quarantine table (stored as its name, never renamed). */
public enum QuarantineReason {
  /** Its content no longer matches the hash it states: altered after it was written. */
  HASH_MISMATCH,
  /** It does not chain to the commit before it as the backup's copy does: replaced or reordered. */
  BROKEN_CHAIN,
  /** It is sound on its own but is not the commit the backup holds at that version. */
  DIFFERS_FROM_BACKUP,
  /** It starts inside a commit of the backup: its versions collide with the backup's history. */
  OVERLAPS_BACKUP,
  /** It cannot be read as a commit at all. */
  UNREADABLE
}
