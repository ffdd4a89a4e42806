package io.orderflow.recovery.restore;

import java.util.List;

/** Read these orders back through the active tables and count failures. */
public record ProbeRequest(List<String> orderIds) {}
