package io.vigil.server.api.simulations;

import io.vigil.server.web.SimulationRuns;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.store.Database;
import java.time.InstantSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Scenario runs in the server, over its store, kept with the data directory's other runs. */
@Configuration(proxyBeanMethods = false)
class SimulationJobsConfiguration {

  @Bean(destroyMethod = "close")
  SimulationJobs simulationJobs(
      Database database, ModelRegistry registry, SimulationRuns runs, InstantSource clock) {
    return new SimulationJobs(database, registry, runs, clock);
  }
}
