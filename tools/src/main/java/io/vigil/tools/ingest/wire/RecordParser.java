package io.vigil.tools.ingest.wire;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** Turns one JSON object into a typed record, reporting every problem it finds. */
interface RecordParser<T> {

  /**
   * Reads the object the parser is on (its {@code START_OBJECT}) through its {@code END_OBJECT}.
   *
   * @return the record, or null when a problem was reported
   * @throws IOException when the JSON itself is malformed (reading stops there)
   */
  T parse(JsonParser parser, RecordProblems problems) throws IOException;

  /** What makes two records of a batch the same record: the model and the request id. */
  String identity(T record);
}
