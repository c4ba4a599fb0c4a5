package io.vigil.tools.ingest;

import java.util.List;

/**
 * A record's JSON columns, encoded by the thread that submits the batch rather than by the single
 * writer thread, which only binds them. Normalizing a record's prediction leaves these unchanged.
 */
record EncodedColumns(String features, String probabilities, String segment) {

  static EncodedColumns of(InferenceRecord record) {
    return new EncodedColumns(
        FeatureJson.write(record.features()),
        record.probabilities().isEmpty() ? null : JsonText.numbers(record.probabilities()),
        JsonText.strings(record.segment()));
  }

  static List<EncodedColumns> of(List<InferenceRecord> batch) {
    return batch.stream().map(EncodedColumns::of).toList();
  }
}
