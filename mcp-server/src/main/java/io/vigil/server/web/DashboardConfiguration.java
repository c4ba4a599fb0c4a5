package io.vigil.server.web;

import io.vigil.server.security.ApiTokens;
import io.vigil.server.security.BearerTokenFilter;
import io.vigil.server.serve.VigilProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard's pages at {@code /dashboard/} (static resources from the jar; {@code /} leads
 * there), their security headers, and the token check on the dashboard's own endpoints.
 */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration implements WebMvcConfigurer {

  static final String HOME = "/dashboard/";

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/", HOME);
    registry.addRedirectViewController("/dashboard", HOME);
    registry.addViewController(HOME).setViewName("forward:" + HOME + "index.html");
  }

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
