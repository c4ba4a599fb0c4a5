package io.vigil.tools.ingest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** An embedding vector, stored as 32-bit floats (little-endian) to keep rows small. */
public final class Embedding {

  private final float[] values;

  private Embedding(float[] values) {
    this.values = values;
  }

  /**
   * @throws IllegalArgumentException if the vector is empty or holds a non-finite value
   */
  public static Embedding of(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("embedding is empty");
    }
    float[] copy = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      float value = (float) values[i];
      if (!Float.isFinite(value)) {
        throw new IllegalArgumentException(
            "embedding[" + i + "] must be a finite 32-bit float, was " + values[i]);
      }
      copy[i] = value;
    }
    return new Embedding(copy);
  }

  public static Embedding fromBytes(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    float[] values = new float[bytes.length / Float.BYTES];
    buffer.asFloatBuffer().get(values);
    return new Embedding(values);
  }

  public byte[] toBytes() {
    ByteBuffer buffer =
        ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values);
    return buffer.array();
  }

  public int dimension() {
    return values.length;
  }

  public double[] toDoubles() {
    double[] copy = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      copy[i] = values[i];
    }
    return copy;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Embedding that && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Embedding[dimension=" + values.length + "]";
  }
}
