package io.vigil.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** {@code vigil incidents}: one row per incident, newest first, then the server's summary. */
final class IncidentTable {

  private static final String[] HEADER = {"ID", "MODEL", "STATE", "SIGNAL", "OPENED", "TITLE"};

  private IncidentTable() {}

  /** Renders an {@code IncidentList} document ({@code incidents[]}, {@code summary}). */
  static void render(JsonNode list, PrintWriter out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (JsonNode incident : list.path("incidents")) {
      rows.add(
          new String[] {
            incident.path("id").asText(),
            incident.path("model").asText(),
            incident.path("state").asText(),
            incident.at("/trigger/signal").asText(),
            instant(incident.path("opened_at")),
            incident.path("title").asText()
          });
    }
    String summary = list.path("summary").asText("");
    if (rows.size() == 1) {
      out.println(summary.isEmpty() ? "No incidents." : summary);
      return;
    }
    printAligned(rows, out);
    if (!summary.isEmpty()) {
      out.println();
      out.println(summary);
    }
  }

  /** Rows as columns padded to their widest cell; the last column is not padded. */
  static void printAligned(List<String[]> rows, PrintWriter out) {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns - 1; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        line.append(row[c]);
        if (c < columns - 1) {
          line.append(" ".repeat(widths[c] - row[c].length() + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }

  /** An instant to the second, as people read it; anything else as it came. */
  static String instant(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "-";
    }
    String text = value.asText();
    try {
      return Instant.parse(text).truncatedTo(ChronoUnit.SECONDS).toString();
    } catch (DateTimeParseException e) {
      return text;
    }
  }
}
