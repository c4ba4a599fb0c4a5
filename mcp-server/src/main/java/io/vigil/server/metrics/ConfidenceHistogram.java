package io.vigil.server.metrics;

import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * {@code vigil_prediction_confidence{model, version}}: a classic Prometheus histogram with buckets
 * 0.1, 0.2, ..., 1.0. It is registered with the Prometheus registry that {@code
 * /actuator/prometheus} scrapes, not through Micrometer: Micrometer's distribution summaries round
 * each value up to a whole number before bucketing (harmless for latency in whole-millisecond
 * buckets, but it would put every confidence in the 1.0 bucket).
 */
public final class ConfidenceHistogram {

  static final String NAME = "vigil_prediction_confidence";

  /** Tenths: the resolution calibration checks and confidence-drift alerts need. */
  static final double[] BUCKETS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

  private final Histogram histogram;

  public ConfidenceHistogram(PrometheusRegistry registry) {
    this.histogram =
        Histogram.builder()
            .name(NAME)
            .help("Confidence of predictions (or the predicted class's probability)")
            .labelNames("model", "version")
            .classicOnly()
            .classicUpperBounds(BUCKETS)
            // Exemplars would need the tracer initializer, which the application leaves out
            // (as Micrometer's Prometheus registry does); a confidence has no trace to point to.
            .withoutExemplars()
            .register(registry);
  }

  /** The data point of one model version, to observe its confidences. */
  DistributionDataPoint of(String model, String version) {
    return histogram.labelValues(model, version);
  }
}
