package io.vigil.tools.baseline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Labelled reference predictions of a classifier: for each row the true class, the predicted class
 * and the model's confidence. They fit the confidence calibration that estimates accuracy where
 * labels have not arrived yet ({@code ConfidenceBasedPerformanceEstimation}).
 *
 * <p>Stored compactly in {@code baseline.calibration}: a format byte, the class names once, then
 * per row two class indexes (one, two or four bytes each, whichever the number of classes needs)
 * and the confidence as a 32-bit float, about 6 bytes a row for a binary classifier. Immutable.
 */
public final class CalibrationRows {

  /** The most rows a baseline keeps; larger sources are subsampled with a fixed seed. */
  public static final int MAX_ROWS = 50_000;

  private static final byte FORMAT_VERSION = 1;

  private final List<String> classes;
  private final int[] actual;
  private final int[] predicted;
  private final float[] confidence;

  private CalibrationRows(List<String> classes, int[] actual, int[] predicted, float[] confidence) {
    this.classes = List.copyOf(classes);
    this.actual = actual;
    this.predicted = predicted;
    this.confidence = confidence;
  }

  /** No rows. */
  public static CalibrationRows empty() {
    return new CalibrationRows(List.of(), new int[0], new int[0], new float[0]);
  }

  /** The number of rows. */
  public int size() {
    return actual.length;
  }

  /** The class names the indexes refer to, in first-seen order. */
  public List<String> classes() {
    return classes;
  }

  /** Each row's true class index; a copy. */
  public int[] actual() {
    return actual.clone();
  }

  /** Each row's predicted class index; a copy. */
  public int[] predicted() {
    return predicted.clone();
  }

  /** Each row's confidence, in [0, 1]; a copy. */
  public double[] confidence() {
    double[] values = new double[confidence.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = confidence[i];
    }
    return values;
  }

  /** The share of rows whose prediction was right. */
  public double accuracy() {
    long correct = 0;
    for (int i = 0; i < actual.length; i++) {
      correct += actual[i] == predicted[i] ? 1 : 0;
    }
    return actual.length == 0 ? Double.NaN : (double) correct / actual.length;
  }

  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + actual.length * 6);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT_VERSION);
      out.writeInt(classes.size());
      for (String name : classes) {
        out.writeUTF(name);
      }
      int width = indexWidth(classes.size());
      out.writeInt(actual.length);
      for (int i = 0; i < actual.length; i++) {
        writeIndex(out, actual[i], width);
        writeIndex(out, predicted[i], width);
        out.writeFloat(confidence[i]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads rows written by {@link #toBytes()}.
   *
   * @throws IllegalArgumentException if the bytes are truncated, of an unknown format, or name a
   *     class index out of range
   */
  public static CalibrationRows fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte format = in.readByte();
      if (format != FORMAT_VERSION) {
        throw new IllegalArgumentException("unknown calibration format " + format);
      }
      List<String> classes = new ArrayList<>();
      int classCount = in.readInt();
      for (int i = 0; i < classCount; i++) {
        classes.add(in.readUTF());
      }
      int width = indexWidth(classCount);
      int rows = in.readInt();
      int[] actual = new int[rows];
      int[] predicted = new int[rows];
      float[] confidence = new float[rows];
      for (int i = 0; i < rows; i++) {
        actual[i] = readIndex(in, width, classCount);
        predicted[i] = readIndex(in, width, classCount);
        confidence[i] = in.readFloat();
      }
      if (in.available() > 0) {
        throw new IllegalArgumentException("calibration bytes continue past their last row");
      }
      return new CalibrationRows(classes, actual, predicted, confidence);
    } catch (IOException e) {
      throw new IllegalArgumentException("calibration bytes are truncated", e);
    }
  }

  /**
   * The number of rows in bytes written by {@link #toBytes()}, read from their header only.
   *
   * @throws IllegalArgumentException if the bytes are truncated or of an unknown format
   */
  public static int rowCount(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte format = in.readByte();
      if (format != FORMAT_VERSION) {
        throw new IllegalArgumentException("unknown calibration format " + format);
      }
      int classCount = in.readInt();
      for (int i = 0; i < classCount; i++) {
        in.readUTF();
      }
      return in.readInt();
    } catch (IOException e) {
      throw new IllegalArgumentException("calibration bytes are truncated", e);
    }
  }

  private static int indexWidth(int classCount) {
    return classCount <= 0xFF ? 1 : classCount <= 0xFFFF ? 2 : 4;
  }

  private static void writeIndex(DataOutputStream out, int index, int width) throws IOException {
    switch (width) {
      case 1 -> out.writeByte(index);
      case 2 -> out.writeShort(index);
      default -> out.writeInt(index);
    }
  }

  private static int readIndex(DataInputStream in, int width, int classCount) throws IOException {
    int index =
        switch (width) {
          case 1 -> in.readUnsignedByte();
          case 2 -> in.readUnsignedShort();
          default -> in.readInt();
        };
    if (index < 0 || index >= classCount) {
      throw new IllegalArgumentException(
          "calibration row names class " + index + " of " + classCount);
    }
    return index;
  }

  @Override
  public String toString() {
    return "CalibrationRows[rows=" + actual.length + ", classes=" + classes.size() + "]";
  }

  /**
   * Collects rows from a stream of any length, keeping a uniform sample of at most {@link
   * #MAX_ROWS} (reservoir sampling, Algorithm R, with a fixed seed, so that the same source gives
   * the same rows).
   */
  static final class Sampler {

    private static final long SEED = 0x5EEDCA1BL;

    private final int capacity;
    private final SplittableRandom random = new SplittableRandom(SEED);
    private final Map<String, Integer> classIndex = new LinkedHashMap<>();
    private int[] actual;
    private int[] predicted;
    private float[] confidence;
    private long seen;

    Sampler(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
      }
      this.capacity = capacity;
      this.actual = new int[Math.min(capacity, 1024)];
      this.predicted = new int[actual.length];
      this.confidence = new float[actual.length];
    }

    /** Offers one row; the confidence must be in [0, 1]. */
    void accept(String actualClass, String predictedClass, double rowConfidence) {
      if (!(rowConfidence >= 0 && rowConfidence <= 1)) {
        throw new IllegalArgumentException("confidence must be in [0, 1], was " + rowConfidence);
      }
      long position = seen++;
      int slot;
      if (position < capacity) {
        slot = (int) position;
        grow(slot + 1);
      } else {
        long draw = random.nextLong(position + 1);
        if (draw >= capacity) {
          return;
        }
        slot = (int) draw;
      }
      actual[slot] = index(actualClass);
      predicted[slot] = index(predictedClass);
      confidence[slot] = (float) rowConfidence;
    }

    /** The rows offered so far. */
    long seen() {
      return seen;
    }

    CalibrationRows rows() {
      int size = (int) Math.min(seen, capacity);
      return new CalibrationRows(
          List.copyOf(classIndex.keySet()),
          Arrays.copyOf(actual, size),
          Arrays.copyOf(predicted, size),
          Arrays.copyOf(confidence, size));
    }

    private int index(String name) {
      return classIndex.computeIfAbsent(name, key -> classIndex.size());
    }

    private void grow(int needed) {
      if (needed > actual.length) {
        int length = Math.min(capacity, Math.max(needed, actual.length * 2));
        actual = Arrays.copyOf(actual, length);
        predicted = Arrays.copyOf(predicted, length);
        confidence = Arrays.copyOf(confidence, length);
      }
    }
  }
}
