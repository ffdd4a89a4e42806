package io.orderflow.recovery.restore;

import java.util.List;

/** Restore activities that pass every call on; tests override one step to hold or break it. */
class ForwardingRestoreActivities implements RestoreActivities {
  private final RestoreActivities real;

  ForwardingRestoreActivities(RestoreActivities real) {
    this.real = real;
  }

  @Override
  public BackupPlan preflight(String backupId) {
    return real.preflight(backupId);
  }

  @Override
  public String setServiceMode(ModeRequest request) {
    return real.setServiceMode(request);
  }

  @Override
  public void createTables(ActivePointer targets) {
    real.createTables(targets);
  }

  @Override
  public ImportResult importFile(ImportRequest request) {
    return real.importFile(request);
  }

  @Override
  public SegmentValidation validateSegment(ValidateRequest request) {
    return real.validateSegment(request);
  }

  @Override
  public Reconstruction reconstruct(ReconstructRequest request) {
    return real.reconstruct(request);
  }

  @Override
  public ActivePointer switchTables(SwitchRequest request) {
    return real.switchTables(request);
  }

  @Override
  public Probe probe(ProbeRequest request) {
    return real.probe(request);
  }

  @Override
  public long commitsSince(String eventsTable, String since) {
    return real.commitsSince(eventsTable, since);
  }

  @Override
  public void dropTables(List<String> tables) {
    real.dropTables(tables);
  }

  @Override
  public void releaseLock(String operationId) {
    real.releaseLock(operationId);
  }
}
