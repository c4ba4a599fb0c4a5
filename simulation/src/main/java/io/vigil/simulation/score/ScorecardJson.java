package io.vigil.simulation.score;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.simulation.fault.Shape;
import io.vigil.simulation.run.RankedCause;
import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.RootCause;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads back the {@code scorecard} object of a run's JSON report ({@link RunReport#json()}), so
 * that runs scored elsewhere (on a server, by {@code vigil simulate --target}) are tabled like runs
 * scored here.
 */
public final class ScorecardJson {

  private ScorecardJson() {}

  /**
   * The scorecard in {@code report}, a run's JSON report.
   *
   * @throws IllegalArgumentException if it holds no scorecard, or one with a missing or unknown
   *     value, naming the field
   */
  public static Scorecard read(JsonNode report) {
    JsonNode card = report.path("scorecard");
    if (!card.isObject()) {
      throw new IllegalArgumentException("the report has no scorecard object");
    }
    JsonNode diagnosed = card.path("diagnosed");
    return new Scorecard(
        text(card, "scenario"),
        required(card, "seed").asLong(),
        optionalText(card, "shape").map(s -> enumOf(Shape.class, "shape", s)),
        required(card, "quiet").asBoolean(),
        optionalInt(card, "detection_windows"),
        optionalInt(card, "warning_lead_windows"),
        required(card, "breached").asBoolean(),
        required(card, "top1_correct").asBoolean(),
        required(card, "top3_correct").asBoolean(),
        card.path("culprit_correct").isBoolean()
            ? Optional.of(card.get("culprit_correct").asBoolean())
            : Optional.empty(),
        required(card, "remediation_correct").asBoolean(),
        optionalInt(card, "recovery_windows"),
        required(card, "false_incidents").asInt(),
        required(card, "actions_proposed").asInt(),
        diagnosed.isObject()
            ? Optional.of(
                new RankedCause(
                    required(diagnosed, "rank").asInt(),
                    enumOf(RootCause.class, "diagnosed.category", text(diagnosed, "category")),
                    text(diagnosed, "culprit"),
                    required(diagnosed, "confidence").asDouble()))
            : Optional.empty(),
        optionalText(card, "remediation").map(r -> enumOf(ActionType.class, "remediation", r)));
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("the scorecard has no '" + field + "'");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    return required(node, field).asText();
  }

  private static Optional<String> optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  private static OptionalInt optionalInt(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? OptionalInt.empty() : OptionalInt.of(value.asInt());
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String field, String value) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the scorecard's '" + field + "' is '" + value + "', not a known value", e);
    }
  }
}
