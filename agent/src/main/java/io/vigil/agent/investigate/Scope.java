package io.vigil.agent.investigate;

import io.vigil.tools.incident.EvidenceQuery;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.Model;
import io.vigil.tools.registry.RegistrySnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What every evidence gatherer of one investigation shares: the model, the registry as it stood,
 * the version serving at the end of the window and the windows.
 *
 * @param model the investigated model
 * @param snapshot the registry when the investigation started
 * @param activeVersion the version serving most traffic at the end of the current window
 * @param windows the current and reference windows
 */
record Scope(
    Model model, RegistrySnapshot snapshot, String activeVersion, InvestigationWindows windows) {

  Scope {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(activeVersion, "activeVersion");
    Objects.requireNonNull(windows, "windows");
  }

  String name() {
    return model.name();
  }

  /**
   * The MCP tool call {@code tool} with the model and {@code pairs} (name, value, name, value...)
   * as its arguments.
   */
  EvidenceQuery query(String tool, String... pairs) {
    if (pairs.length % 2 != 0) {
      throw new IllegalArgumentException("arguments come in name, value pairs");
    }
    Map<String, String> arguments = new LinkedHashMap<>();
    arguments.put("model", model.name());
    for (int i = 0; i < pairs.length; i += 2) {
      arguments.put(pairs[i], pairs[i + 1]);
    }
    return new EvidenceQuery(tool, arguments);
  }

  static String text(TimeRange range) {
    return range.toString();
  }
}
