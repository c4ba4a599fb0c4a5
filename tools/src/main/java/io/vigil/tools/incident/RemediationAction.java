package io.vigil.tools.incident;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One exact action: what to do, to which model, with which arguments. An approval is bound to its
 * {@link #hash()}, so a proposal whose action changed after approval no longer matches it.
 *
 * @param type what to do
 * @param model the model acted on
 * @param arguments the action's arguments by name, e.g. {@code version=v3}
 */
public record RemediationAction(ActionType type, String model, Map<String, String> arguments) {

  public RemediationAction {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(model, "model");
    arguments = Map.copyOf(arguments);
  }

  /**
   * SHA-256 (hex) of the canonical form {@code type \n model \n name=value \n ...} with arguments
   * sorted by name, each part length-prefixed so that no two different actions share a form.
   */
  public String hash() {
    StringBuilder canonical = new StringBuilder();
    append(canonical, type.name());
    append(canonical, model);
    new TreeMap<>(arguments)
        .forEach(
            (name, value) -> {
              append(canonical, name);
              append(canonical, value);
            });
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  private static void append(StringBuilder canonical, String part) {
    canonical.append(part.length()).append(':').append(part).append('\n');
  }
}
