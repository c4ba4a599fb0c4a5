package io.vigil.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The model metrics' beans. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

  @Bean
  FeatureDriftGauges featureDriftGauges(MeterRegistry registry) {
    return new FeatureDriftGauges(registry);
  }
}
