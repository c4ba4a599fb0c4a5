package io.vigil.benchmarks.load;

/**
 * The requests of a run: inference batches numbered by the ledger, labels for batches the server
 * acknowledged, and tool queries.
 */
final class Workload {

  static final String INFERENCES_PATH = "/api/v1/inferences";
  static final String LABELS_PATH = "/api/v1/labels";

  private final Traffic traffic;
  private final Ledger ledger;
  private final QueryMix queries;

  Workload(Traffic traffic, Ledger ledger, QueryMix queries) {
    this.traffic = traffic;
    this.ledger = ledger;
    this.queries = queries;
  }

  Traffic traffic() {
    return traffic;
  }

  Ledger ledger() {
    return ledger;
  }

  /** The next batch of records (its number taken from the ledger, its body built here). */
  Call inferences() {
    long batch = ledger.nextBatch();
    return new Call.Http(RequestKind.INFERENCES, INFERENCES_PATH, traffic.inferences(batch), batch);
  }

  Call labels(long batch) {
    return new Call.Http(RequestKind.LABELS, LABELS_PATH, traffic.labels(batch), batch);
  }

  Call query() {
    return queries.next();
  }
}
