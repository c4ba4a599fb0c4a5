package io.vigil.server.web;

import io.vigil.server.security.ApiTokens;
import io.vigil.server.security.BearerTokenFilter;
import io.vigil.server.serve.VigilProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The dashboard's security headers, the token check on its own endpoints, and the kept simulation
 * runs. (Its routes are {@link DashboardPages}: web slice tests load MVC configurers, which must
 * then need no bean from the store.)
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

  /** Like the incident endpoints: the simulation reports name incidents, and /me needs a token. */
  @Bean
  FilterRegistrationBean<BearerTokenFilter> dashboardBearerToken(ApiTokens tokens) {
    FilterRegistrationBean<BearerTokenFilter> registration =
        new FilterRegistrationBean<>(new BearerTokenFilter(tokens));
    registration.addUrlPatterns("/api/v1/me", "/api/v1/simulations", "/api/v1/simulations/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
