package io.vigil.tools.incident;

import java.util.Locale;

/**
 * Text learned from traffic (feature names, categories, segment values, error types) as it appears
 * in a finding, an explanation or a timeline entry: in double quotes, with quotes and control
 * characters escaped and long values cut, so that a value reads as data and never as part of the
 * sentence around it.
 */
public final class LearnedText {

  /** Longer values are cut to this many characters and marked with an ellipsis. */
  public static final int MAX_LENGTH = 80;

  private LearnedText() {}

  /** {@code value} quoted as data. */
  public static String quoted(String value) {
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
}
