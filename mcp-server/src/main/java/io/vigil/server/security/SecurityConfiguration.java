package io.vigil.server.security;

import io.vigil.tools.access.ApiTokenStore;
import io.vigil.tools.store.Database;
import java.time.InstantSource;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The API tokens over the store, for the filters that authenticate requests. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  ApiTokens apiTokens(Database database, InstantSource clock) {
    return new ApiTokens(new ApiTokenStore(database, clock));
  }

  /**
   * Writes need a token with the role for them, before any other filter reads the body (the request
   * limits come after it, so an unauthenticated body is never buffered).
   */
  @Bean
  FilterRegistrationBean<WriteAccessFilter> writeAccess(ApiTokens tokens) {
    FilterRegistrationBean<WriteAccessFilter> registration =
        new FilterRegistrationBean<>(new WriteAccessFilter(tokens));
    registration.addUrlPatterns(WriteAccessFilter.URL_PATTERNS);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }
}
