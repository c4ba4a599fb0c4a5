package io.vigil.tools.ingest;

/**
 * What a committed batch did. The receipt is given only after the commit.
 *
 * @param received records (or labels) in the batch
 * @param stored new ones now stored
 * @param duplicates ones whose request id was already stored (for inference records: not stored
 *     again; for labels: the label replaced the previous one)
 */
public record IngestReceipt(int received, int stored, int duplicates) {

  public IngestReceipt {
    if (received < 0 || stored < 0 || duplicates < 0 || stored + duplicates != received) {
      throw new IllegalArgumentException(
          "inconsistent receipt: received "
              + received
              + ", stored "
              + stored
              + ", duplicates "
              + duplicates);
    }
  }
}
