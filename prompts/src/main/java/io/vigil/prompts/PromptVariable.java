package io.vigil.prompts;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A value a prompt template takes, written into it as {@code {{name}}}.
 *
 * @param name the variable's name, as a client passes it
 * @param description what it is, for the client that fills it in
 * @param shape what a value must look like: values are names, ids and small counts, never free
 *     text, so that a value cannot carry instructions into the prompt
 * @param shapeDescription the shape in words, for the error message
 */
public record PromptVariable(
    String name, String description, Pattern shape, String shapeDescription) {

  /** The shape of model and version names (as the registry accepts them) and incident ids. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  static final String NAME_SHAPE =
      "1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit";

  /** The shape of small counts, such as a budget of tool calls. */
  static final Pattern COUNT = Pattern.compile("0|[1-9][0-9]{0,2}");

  static final String COUNT_SHAPE = "a whole number from 0 to 999";

  public PromptVariable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(shapeDescription, "shapeDescription");
  }

  static PromptVariable named(String name, String description) {
    return new PromptVariable(name, description, NAME, NAME_SHAPE);
  }

  static PromptVariable count(String name, String description) {
    return new PromptVariable(name, description, COUNT, COUNT_SHAPE);
  }

  /**
   * @throws PromptArgumentException if {@code value} does not have the variable's shape
   */
  String check(String value) {
    if (value == null || value.isBlank()) {
      throw new PromptArgumentException("missing required argument '" + name + "': " + description);
    }
    if (!shape.matcher(value).matches()) {
      throw new PromptArgumentException(
          "argument '" + name + "' must be " + shapeDescription + ", was " + quoted(value));
    }
    return value;
  }

  private static String quoted(String value) {
    String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
    return "'" + shown.replace("\n", "\\n") + "'";
  }
}
