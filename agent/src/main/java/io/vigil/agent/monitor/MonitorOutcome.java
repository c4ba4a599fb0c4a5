package io.vigil.agent.monitor;

import io.vigil.tools.incident.Incident;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the monitor did for one model in one sweep.
 *
 * @param model the model checked
 * @param raised the signals that fired, most severe first
 * @param opened the incident opened for them, if one was
 * @param note why an incident was or was not opened
 */
public record MonitorOutcome(
    String model, List<RaisedSignal> raised, Optional<Incident> opened, String note) {

  public MonitorOutcome {
    Objects.requireNonNull(model, "model");
    raised = List.copyOf(raised);
    Objects.requireNonNull(opened, "opened");
    Objects.requireNonNull(note, "note");
  }
}
