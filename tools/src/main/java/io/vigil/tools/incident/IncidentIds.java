package io.vigil.tools.incident;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shown ids of incidents ({@code inc-42}) and proposals ({@code prop-7}) and their keys. */
enum IncidentIds {
  INCIDENT("inc-"),
  PROPOSAL("prop-");

  private final String prefix;
  private final Pattern pattern;

  IncidentIds(String prefix) {
    this.prefix = prefix;
    this.pattern = Pattern.compile(Pattern.quote(prefix) + "([1-9][0-9]{0,17})");
  }

  String format(long key) {
    return prefix + key;
  }

  /** The key behind {@code id}, or empty when it is not an id of this kind. */
  OptionalLong parse(String id) {
    if (id == null) {
      return OptionalLong.empty();
    }
    Matcher matcher = pattern.matcher(id);
    return matcher.matches()
        ? OptionalLong.of(Long.parseLong(matcher.group(1)))
        : OptionalLong.empty();
  }
}
