package io.vigil.tools.ingest;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A record's features: immutable, in the order received, and carrying the text of the {@code
 * inference.features} JSON column. A reader that sees each value once writes the column as it goes
 * ({@link Builder}), numbers as the literal it received; re-encoding every value afterwards was a
 * quarter of an ingesting thread's time, most of it formatting doubles.
 */
public final class FeatureMap extends AbstractMap<String, FeatureValue> {

  private static final FeatureMap EMPTY = new Builder().build();

  /** The longest a double's shortest form gets ({@code -2.2250738585072014E-308}). */
  private static final int MAX_LITERAL = 24;

  private final Map<String, FeatureValue> values;
  private final String json;

  private FeatureMap(Map<String, FeatureValue> values, String json) {
    this.values = Collections.unmodifiableMap(values);
    this.json = json;
  }

  /** The map itself when it is a feature map already, else a copy of it. */
  public static FeatureMap of(Map<String, FeatureValue> features) {
    if (features instanceof FeatureMap map) {
      return map;
    }
    if (features.isEmpty()) {
      return EMPTY;
    }
    Builder builder = new Builder();
    features.forEach(builder::add);
    return builder.build();
  }

  /** The features as a JSON object, in the order received. */
  public String json() {
    return json;
  }

  @Override
  public Set<Entry<String, FeatureValue>> entrySet() {
    return values.entrySet();
  }

  @Override
  public FeatureValue get(Object key) {
    return values.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return values.containsKey(key);
  }

  @Override
  public int size() {
    return values.size();
  }

  /** Collects features and their JSON text together, so the two cannot disagree. */
  public static final class Builder {

    private final LinkedHashMap<String, FeatureValue> values = new LinkedHashMap<>();
    private final StringBuilder json = new StringBuilder(256).append('{');

    /**
     * Adds a feature, its number written in the shortest form that reads back as the same double.
     *
     * @return false (and nothing added) when the name is there already
     */
    public boolean add(String name, FeatureValue value) {
      if (!open(name, value)) {
        return false;
      }
      if (value instanceof FeatureValue.Numeric numeric) {
        json.append(NumberOutput.toString(numeric.value(), true));
      } else {
        appendScalar(value);
      }
      return true;
    }

    /**
     * Adds a numeric feature whose JSON literal is at hand (a parser's token text), which is
     * written as it is unless it is longer than any double needs: {@code literal} must be a JSON
     * number that reads as {@code value}.
     *
     * @return false (and nothing added) when the name is there already
     */
    public boolean addNumber(String name, double value, char[] literal, int offset, int length) {
      FeatureValue.Numeric numeric = new FeatureValue.Numeric(value);
      if (!open(name, numeric)) {
        return false;
      }
      if (value == 0 && Double.doubleToRawLongBits(value) != 0) {
        json.append("-0.0"); // "-0" reads back as the integer 0, without its sign
      } else if (length > MAX_LITERAL) {
        json.append(NumberOutput.toString(value, true)); // digits beyond a double's are not kept
      } else {
        json.append(literal, offset, length);
      }
      return true;
    }

    public FeatureMap build() {
      return new FeatureMap(values, json.toString() + '}');
    }

    private boolean open(String name, FeatureValue value) {
      if (values.putIfAbsent(name, value) != null) {
        return false;
      }
      if (values.size() > 1) {
        json.append(',');
      }
      JsonText.appendString(json, name).append(':');
      return true;
    }

    private void appendScalar(FeatureValue value) {
      if (value instanceof FeatureValue.Text text) {
        JsonText.appendString(json, text.value());
      } else if (value instanceof FeatureValue.Bool bool) {
        json.append(bool.value());
      } else {
        json.append("null");
      }
    }
  }
}
