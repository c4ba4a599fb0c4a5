package io.vigil.tools.incident;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One finding gathered by the investigation, traceable to the query that produced it. Hypotheses
 * cite evidence by {@link #id()}.
 *
 * @param id short id unique within its incident, {@code E1}, {@code E2}, ...
 * @param kind which question it answers
 * @param subject what it is about: a feature, a version, a segment ({@code region=eu}), or the
 *     model itself ({@code ""})
 * @param finding what it showed, in a sentence; values learned from traffic (feature names,
 *     categories, segment values) are quoted, never spliced in as prose
 * @param figures the numbers behind the finding by name, e.g. {@code psi}, {@code p_value}, {@code
 *     accuracy}, {@code missing_share}
 * @param query the tool call that produced it
 */
public record Evidence(
    String id,
    EvidenceKind kind,
    String subject,
    String finding,
    Map<String, Double> figures,
    EvidenceQuery query) {

  private static final Pattern ID = Pattern.compile("E[1-9][0-9]{0,3}");

  public Evidence {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("an evidence id looks like E1, E2, ...: " + id);
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(finding, "finding");
    figures = Map.copyOf(figures);
    Objects.requireNonNull(query, "query");
  }

  /** The figure named {@code name}, or {@code NaN} when the evidence has none by that name. */
  public double figure(String name) {
    return figures.getOrDefault(name, Double.NaN);
  }
}
