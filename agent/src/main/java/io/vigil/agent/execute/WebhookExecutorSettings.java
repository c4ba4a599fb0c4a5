package io.vigil.agent.execute;

import io.vigil.tools.incident.ActionType;
import java.net.URI;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An outgoing webhook that carries out actions in another system (a training pipeline, a serving
 * platform).
 *
 * @param name the executor's name, recorded with each execution, e.g. {@code retrain-hook}
 * @param url where to POST; http or https
 * @param secret the shared HMAC secret, at least {@value #MIN_SECRET_LENGTH} characters
 * @param actions the action types it carries out
 */
public record WebhookExecutorSettings(
    String name, URI url, String secret, Set<ActionType> actions) {

  /** Shorter secrets are guessable; 16 characters of a random token carry enough entropy. */
  public static final int MIN_SECRET_LENGTH = 16;

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  public WebhookExecutorSettings {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a webhook executor's name is 1-64 lower-case letters, digits, '.', '_' or '-', was '"
              + name
              + "'");
    }
    requireHttpUrl(name, url);
    Objects.requireNonNull(secret, "secret");
    if (secret.strip().length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          "the secret of webhook executor "
              + name
              + " must have at least "
              + MIN_SECRET_LENGTH
              + " characters");
    }
    actions = Set.copyOf(actions);
    if (actions.isEmpty()) {
      throw new IllegalArgumentException(
          "webhook executor " + name + " must carry out at least one action type");
    }
    Set<ActionType> inert = EnumSet.copyOf(actions);
    inert.removeIf(ActionType::changesServing);
    inert.remove(ActionType.ESCALATE);
    if (!inert.isEmpty()) {
      throw new IllegalArgumentException(
          "webhook executor "
              + name
              + " cannot carry out "
              + inert
              + ": nothing is executed for it");
    }
  }

  static void requireHttpUrl(String name, URI url) {
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme();
    if (!url.isAbsolute()
        || url.getHost() == null
        || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
      throw new IllegalArgumentException(
          "the url of " + name + " must be an absolute http or https URL");
    }
  }

  /** Without the secret or the URL's path, which may hold a token. */
  @Override
  public String toString() {
    return "WebhookExecutorSettings[name="
        + name
        + ", host="
        + url.getHost()
        + ", actions="
        + actions
        + "]";
  }
}
