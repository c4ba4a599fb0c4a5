package io.vigil.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Finds the highest rate the machine sustains: steps of 1, 2, 4, ... closed-loop clients, each
 * sending a batch, then labels for an acknowledged batch, then its share of queries, and again as
 * soon as it is answered. From {@value #MIN_CLIENTS} clients on (two cores are busy by then) the
 * ramp stops when a step gains less than {@value #MIN_GAIN_PERCENT}% on the best so far (the
 * machine is full: more clients only queue); it stops at once when the server refuses anything (it
 * is past what it takes).
 */
final class ClosedLoopRamp {

  /**
   * The ramp's outcome.
   *
   * @param steps each step's figures, in order
   * @param peakRecordsPerSecond the best accepted rate of a step without refusals (the first step's
   *     rate when even it was refused)
   * @param peakClients the clients of that step
   */
  record Result(List<PhaseFigures> steps, double peakRecordsPerSecond, int peakClients) {}

  private static final int MIN_GAIN_PERCENT = 10;

  /**
   * Below this, a step without gain is noise on a shared machine (a neighbour's build), not the
   * machine being full.
   */
  private static final int MIN_CLIENTS = 4;

  private static final int MAX_CLIENTS = 64;

  private final LoadClient client;
  private final Workload workload;
  private final LoadOptions options;
  private final Progress progress;
  private final ServerGauges gauges;

  ClosedLoopRamp(
      LoadClient client,
      Workload workload,
      LoadOptions options,
      Progress progress,
      ServerGauges gauges) {
    this.client = client;
    this.workload = workload;
    this.options = options;
    this.progress = progress;
    this.gauges = gauges;
  }

  Result run() throws InterruptedException {
    List<PhaseFigures> steps = new ArrayList<>();
    double best = 0;
    int bestClients = 0;
    for (int clients = 1; clients <= MAX_CLIENTS && !client.exhausted(); clients *= 2) {
      PhaseLog log = new PhaseLog("ramp, " + clients + " client" + (clients == 1 ? "" : "s"), 0);
      progress.follow(log);
      step(clients, log);
      log.end();
      PhaseFigures figures = PhaseFigures.of(log, workload.traffic(), gauges);
      steps.add(figures);
      boolean refused = figures.refused() > 0;
      boolean gained = figures.acceptedRecordsPerSecond() > best * (1 + MIN_GAIN_PERCENT / 100.0);
      if ((!refused || best == 0) && figures.acceptedRecordsPerSecond() > best) {
        best = figures.acceptedRecordsPerSecond();
        bestClients = clients;
      }
      if (refused || (!gained && clients >= MIN_CLIENTS)) {
        break;
      }
    }
    return new Result(steps, best, bestClients);
  }

  private void step(int clients, PhaseLog log) throws InterruptedException {
    long deadline = System.nanoTime() + options.rampStep().toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        running.add(pool.submit(() -> loop(deadline, log)));
      }
      for (Future<?> future : running) {
        try {
          future.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("a ramp client failed", e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** One closed-loop client: a batch, labels for an acknowledged batch, its share of queries. */
  private void loop(long deadline, PhaseLog log) {
    double queryCredit = 0;
    while (System.nanoTime() < deadline && !client.exhausted()) {
      client.send(workload.inferences(), log);
      OptionalLong labelled = workload.ledger().nextToLabel();
      if (labelled.isPresent() && workload.traffic().labelsPerBatch() > 0) {
        client.send(workload.labels(labelled.getAsLong()), log);
      }
      queryCredit += options.queriesPerBatch();
      while (queryCredit >= 1 && System.nanoTime() < deadline) {
        client.send(workload.query(), log);
        queryCredit--;
      }
    }
  }
}
