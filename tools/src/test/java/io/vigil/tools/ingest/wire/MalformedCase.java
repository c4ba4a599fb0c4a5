package io.vigil.tools.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.tools.ingest.Violation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a malformed-input corpus: the expected field path ("-" for the record as a whole, a
 * trailing "*" for a prefix), a fragment of the expected message, and the bad record's text.
 */
record MalformedCase(int line, String field, String fragment, String payload) {

  @Override
  public String toString() {
    return "line " + line + ": " + field + " " + fragment;
  }

  /** Whether a violation of the record at {@code index} names the expected field and message. */
  boolean matches(Violation violation, int index) {
    return violation.index() == index
        && fieldMatches(violation.field())
        && violation.message().contains(fragment);
  }

  private boolean fieldMatches(String actual) {
    if (field.equals("-")) {
      return actual == null;
    }
    if (field.endsWith("*")) {
      return actual != null && actual.startsWith(field.substring(0, field.length() - 1));
    }
    return field.equals(actual);
  }

  static List<MalformedCase> load(String resource) {
    List<MalformedCase> cases = new ArrayList<>();
    try (InputStream in = MalformedCase.class.getResourceAsStream(resource);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String text;
      int line = 0;
      while ((text = reader.readLine()) != null) {
        line++;
        if (text.isBlank() || text.startsWith("#")) {
          continue;
        }
        String[] columns = text.split("\t", 3);
        assertThat(columns).as("%s line %d", resource, line).hasSize(3);
        cases.add(new MalformedCase(line, columns[0], columns[1], columns[2]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }
}
