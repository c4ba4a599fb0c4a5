package io.vigil.agent.investigate;

import io.vigil.tools.incident.Evidence;
import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.incident.EvidenceQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects evidence in the order it is found and numbers it E1, E2, ... */
final class EvidenceLog {

  private final List<Evidence> items = new ArrayList<>();

  /**
   * Adds a finding and returns it. Figures that are not finite (no data behind them) are left out,
   * so that a reasoner reads an absent figure, never a NaN.
   */
  Evidence add(
      EvidenceKind kind,
      String subject,
      String finding,
      Map<String, Double> figures,
      EvidenceQuery query) {
    Map<String, Double> finite = new LinkedHashMap<>();
    figures.forEach(
        (name, value) -> {
          if (value != null && Double.isFinite(value)) {
            finite.put(name, value);
          }
        });
    Evidence evidence =
        new Evidence("E" + (items.size() + 1), kind, subject, finding, finite, query);
    items.add(evidence);
    return evidence;
  }

  List<Evidence> items() {
    return List.copyOf(items);
  }
}
