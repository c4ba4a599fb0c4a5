package io.vigil.agent.reason.ollama;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words that propose a remediation. The reasoner ranks causes; the act node maps the top cause to
 * an action and a person approves it, so a diagnosis that recommends an action (perhaps because the
 * evidence told the model to) is refused rather than passed on.
 */
final class ActionLanguage {

  private static final Pattern ACTION =
      Pattern.compile(
          "\\b(roll(?:s|ed|ing)?[\\s-]*back|rollback|revert\\w*|re-?train\\w*"
              + "|shift(?:s|ed|ing)?\\s+(?:the\\s+)?traffic|recalibrat\\w*|redeploy\\w*"
              + "|approv\\w*|execut\\w*|escalat\\w*|recommend\\w*|should\\s+be\\s+(?:rolled|switched)"
              + "|switch(?:es|ed|ing)?\\s+(?:back\\s+)?to)\\b",
          Pattern.CASE_INSENSITIVE);

  private ActionLanguage() {}

  /** The first action-proposing phrase in {@code text}, if any. */
  static Optional<String> find(String text) {
    Matcher matcher = ACTION.matcher(text);
    return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
  }
}
