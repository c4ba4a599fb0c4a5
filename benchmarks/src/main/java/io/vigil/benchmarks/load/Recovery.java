package io.vigil.benchmarks.load;

import java.time.Duration;
import java.util.List;

/**
 * How the server came back when the load dropped from the overload to the sustainable rate, read
 * from the requests of the recovery phase by the second they were sent.
 *
 * @param refusalsStoppedSeconds when the last refusal or unanswered request of the phase was sent,
 *     from its start (0 when there was none)
 * @param latencyBackSeconds from when on every second's p95 of acknowledged batches is within
 *     {@value #LATENCY_FACTOR} times the steady phase's p95; NaN if it never was
 * @param recovered whether the phase ended with at least {@link #CLEAN_TAIL} of acknowledged
 *     batches without a refusal or an unanswered request
 */
record Recovery(double refusalsStoppedSeconds, double latencyBackSeconds, boolean recovered) {

  /** A second's p95 is taken from a handful of batches: "back to normal" allows for that. */
  static final int LATENCY_FACTOR = 2;

  /** How long the end of the phase must be clean to call the server recovered. */
  static final Duration CLEAN_TAIL = Duration.ofSeconds(5);

  private static final long SECOND = 1_000_000_000L;

  static Recovery of(PhaseLog log, double steadyP95Millis) {
    List<Answer> answers = log.answers();
    long start = log.startNanos();
    double phaseSeconds = log.seconds();
    double lastTrouble =
        answers.stream()
            .filter(a -> a.refused() || a.unanswered())
            .mapToDouble(a -> (a.sentNanos() - start) / 1e9)
            .max()
            .orElse(0);
    long acknowledgedAfter =
        answers.stream()
            .filter(a -> a.kind() == RequestKind.INFERENCES && a.ok())
            .filter(a -> (a.sentNanos() - start) / 1e9 > lastTrouble)
            .count();
    boolean recovered =
        phaseSeconds - lastTrouble >= CLEAN_TAIL.toSeconds() && acknowledgedAfter > 0;
    return new Recovery(
        lastTrouble, latencyBack(answers, start, phaseSeconds, steadyP95Millis), recovered);
  }

  private static double latencyBack(
      List<Answer> answers, long start, double phaseSeconds, double steadyP95Millis) {
    int seconds = (int) Math.ceil(phaseSeconds);
    double back = Double.NaN;
    for (int s = seconds - 1; s >= 0; s--) {
      long from = start + s * SECOND;
      long[] latencies =
          answers.stream()
              .filter(a -> a.kind() == RequestKind.INFERENCES && a.ok())
              .filter(a -> a.sentNanos() >= from && a.sentNanos() < from + SECOND)
              .mapToLong(Answer::latencyNanos)
              .toArray();
      if (latencies.length == 0) {
        continue;
      }
      if (KindFigures.percentileOf(latencies, 0.95) > LATENCY_FACTOR * steadyP95Millis) {
        break;
      }
      back = s;
    }
    return back;
  }
}
