package io.orderflow.eventstore.dynamodb;

/**
 * Which physical tables hold the event streams and snapshots right now. A full restore writes into
 * new tables and then moves this pointer; every reader and writer asks it per call, so nothing
 * holds on to a table name that is no longer active. {@link TableNames} is the fixed answer: the
 * configured tables.
 */
public interface ActiveTables {

  /** The table of commits ({@code order_events} or the restored copy that replaced it). */
  String events();

  /** The table of snapshots. */
  String snapshots();

  /** A fixed pair, e.g. the tables a restore is filling before it switches to them. */
  static ActiveTables of(String events, String snapshots) {
    return new Fixed(events, snapshots);
  }

  /** A pair that never moves. */
  record Fixed(String events, String snapshots) implements ActiveTables {}
}
