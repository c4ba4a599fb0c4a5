package io.vigil.agent.investigate;

import java.util.Locale;

/**
 * Text learned from traffic (feature names, categories, segment values) as it appears in a finding:
 * in double quotes, with quotes and control characters escaped and long values cut, so that a value
 * reads as data and never as part of the sentence around it.
 */
final class Quoted {

  /** Longer values are cut to this many characters and marked with an ellipsis. */
  static final int MAX_LENGTH = 80;

  private Quoted() {}

  static String of(String value) {
    String cut = value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) + "…" : value;
    StringBuilder text = new StringBuilder("\"");
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      if (c == '"' || c == '\\') {
        text.append('\\').append(c);
      } else if (Character.isISOControl(c)) {
        text.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        text.append(c);
      }
    }
    return text.append('"').toString();
  }

  /** A figure for a sentence, with three significant decimals. */
  static String number(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }
}
