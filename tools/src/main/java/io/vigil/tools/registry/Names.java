package io.vigil.tools.registry;

import java.util.regex.Pattern;

/** The shape of model and version names: short, printable, safe in URLs, logs and metrics. */
public final class Names {

  /** The longest model or version name. */
  public static final int MAX_LENGTH = 128;

  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");

  private Names() {}

  /**
   * @return null when {@code name} is acceptable, otherwise what is wrong with it
   */
  public static String problem(String what, String name) {
    if (name == null || name.isEmpty()) {
      return what + " is missing";
    }
    if (name.length() > MAX_LENGTH) {
      return what + " is longer than " + MAX_LENGTH + " characters";
    }
    if (!ALLOWED.matcher(name).matches()) {
      return what
          + " may contain only letters, digits, '.', '_', ':' and '-', and must start with a letter"
          + " or digit";
    }
    return null;
  }

  /**
   * @throws IllegalArgumentException naming the problem, if {@code name} is not acceptable
   */
  static String require(String what, String name) {
    String problem = problem(what, name);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return name;
  }
}
