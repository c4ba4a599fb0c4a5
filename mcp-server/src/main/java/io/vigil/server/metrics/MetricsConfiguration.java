package io.vigil.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.vigil.tools.registry.ModelRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The model metrics' beans. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

  /**
   * The confidence histogram, in the registry {@code /actuator/prometheus} scrapes; in a private
   * one where Prometheus export is off (tests), so that recording never fails.
   */
  @Bean
  ConfidenceHistogram confidenceHistogram(ObjectProvider<PrometheusRegistry> prometheus) {
    return new ConfidenceHistogram(prometheus.getIfAvailable(PrometheusRegistry::new));
  }

  @Bean
  FeatureDriftGauges featureDriftGauges(MeterRegistry registry) {
    return new FeatureDriftGauges(registry);
  }

  @Bean
  AccuracyTargetGauges accuracyTargetGauges(MeterRegistry meters, ModelRegistry registry) {
    return new AccuracyTargetGauges(meters, registry);
  }
}
