package io.vigil.server.web;

import io.vigil.server.serve.VigilProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dashboard's security headers and the kept simulation runs (its data comes from the REST API,
 * which needs a token like every other caller's). (Its routes are {@link DashboardPages}: web slice
 * tests load MVC configurers, which must then need no bean from the store.)
 */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

  @Bean
  SimulationRuns simulationRuns(VigilProperties properties) {
    return new SimulationRuns(properties.dataDir());
  }

  @Bean
  FilterRegistrationBean<DashboardHeadersFilter> dashboardHeaders() {
    FilterRegistrationBean<DashboardHeadersFilter> registration =
        new FilterRegistrationBean<>(new DashboardHeadersFilter());
    registration.addUrlPatterns("/dashboard", "/dashboard/*");
    return registration;
  }
}
