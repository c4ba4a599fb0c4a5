package io.vigil.server.api.incidents;

import io.vigil.server.security.ApiTokens;
import io.vigil.server.security.BearerTokenFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Every incident endpoint needs an API token: reading an incident shows traffic-derived evidence,
 * and deciding on a proposal must be done by an authenticated person. The controller checks the
 * token's role per call.
 */
@Configuration(proxyBeanMethods = false)
class IncidentSecurityConfiguration {

  @Bean
  FilterRegistrationBean<BearerTokenFilter> incidentsBearerToken(ApiTokens tokens) {
    FilterRegistrationBean<BearerTokenFilter> registration =
        new FilterRegistrationBean<>(new BearerTokenFilter(tokens));
    registration.addUrlPatterns("/api/v1/incidents", "/api/v1/incidents/*", "/api/v1/reviews");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
