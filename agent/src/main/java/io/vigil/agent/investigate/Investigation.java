package io.vigil.agent.investigate;

import io.vigil.tools.incident.Evidence;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.query.TimeRange;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the investigation gathered for one incident: the evidence a reasoner ranks hypotheses on, in
 * the order it was gathered, each with the query that produced it.
 *
 * @param incident the incident investigated
 * @param window the absolute window investigated (it contains the trigger's window)
 * @param reference the window before the onset that {@code window} is compared with: accuracy,
 *     latency, segments, class balance and data-quality figures are stated for both
 * @param evidence the findings, with ids unique within the incident
 */
public record Investigation(
    Incident incident, TimeRange window, TimeRange reference, List<Evidence> evidence) {

  public Investigation {
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(reference, "reference");
    if (reference.to().isAfter(window.from())) {
      throw new IllegalArgumentException(
          "the reference window ends before the investigated one starts: "
              + reference
              + " against "
              + window);
    }
    evidence = List.copyOf(evidence);
    Set<String> ids = new HashSet<>();
    for (Evidence item : evidence) {
      if (!ids.add(item.id())) {
        throw new IllegalArgumentException("evidence ids are unique; " + item.id() + " repeats");
      }
    }
  }

  /**
   * An investigation whose reference is the window of the same length just before {@code window}.
   */
  public Investigation(Incident incident, TimeRange window, List<Evidence> evidence) {
    this(
        incident,
        window,
        new TimeRange(window.from().minus(window.length()), window.from()),
        evidence);
  }

  /** The evidence with id {@code id}, if it was gathered. */
  public Optional<Evidence> evidence(String id) {
    return evidence.stream().filter(item -> item.id().equals(id)).findFirst();
  }
}
