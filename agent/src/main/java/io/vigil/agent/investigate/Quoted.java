package io.vigil.agent.investigate;

import io.vigil.tools.incident.LearnedText;
import java.util.Locale;

/**
 * Text learned from traffic (feature names, categories, segment values) as it appears in a finding:
 * in double quotes, with quotes and control characters escaped and long values cut, so that a value
 * reads as data and never as part of the sentence around it.
 */
final class Quoted {

  private Quoted() {}

  static String of(String value) {
    return LearnedText.quoted(value);
  }

  /** A figure for a sentence, with three significant decimals. */
  static String number(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }
}
