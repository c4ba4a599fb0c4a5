package io.vigil.server.cli;

import io.vigil.tools.ingest.IngestReceipt;
import java.nio.file.Path;
import java.util.Locale;

/** What a {@code vigil ingest} run has stored so far, from the writer's receipts. */
final class IngestTally {

  private long records;
  private long storedRecords;
  private long duplicateRecords;
  private long labels;
  private long storedLabels;
  private long replacedLabels;

  void addRecords(IngestReceipt receipt) {
    records += receipt.received();
    storedRecords += receipt.stored();
    duplicateRecords += receipt.duplicates();
  }

  void addLabels(IngestReceipt receipt) {
    labels += receipt.received();
    storedLabels += receipt.stored();
    replacedLabels += receipt.duplicates();
  }

  /** Records committed (stored or found already stored). */
  long records() {
    return records;
  }

  /** The closing line: records stored and skipped, and labels. */
  String summary(Path file, String model) {
    String text =
        String.format(
            Locale.ROOT,
            "ingested %s into %s: %,d records (%,d stored, %,d duplicates)",
            file.getFileName(),
            model,
            records,
            storedRecords,
            duplicateRecords);
    if (labels > 0) {
      text +=
          String.format(
              Locale.ROOT,
              ", %,d labels (%,d new, %,d replacing earlier ones)",
              labels,
              storedLabels,
              replacedLabels);
    }
    return text;
  }

  /** What was committed before a failure, for its message. */
  String soFar() {
    return String.format(
        Locale.ROOT,
        "%,d records before it were stored (%,d new, %,d duplicates)",
        records,
        storedRecords,
        duplicateRecords);
  }
}
