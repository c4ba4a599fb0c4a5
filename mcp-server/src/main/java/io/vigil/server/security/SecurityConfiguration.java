package io.vigil.server.security;

import io.vigil.server.serve.VigilProperties;
import io.vigil.tools.access.ApiTokenStore;
import io.vigil.tools.access.Role;
import io.vigil.tools.store.Database;
import java.time.InstantSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The API tokens over the store, and the filter every REST request passes. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

  @Bean
  ApiTokens apiTokens(Database database, InstantSource clock) {
    return new ApiTokens(new ApiTokenStore(database, clock));
  }

  /** Tokens, and requests without one only where {@code vigil.security.anonymous-role} says. */
  @Bean
  BearerAuthentication bearerAuthentication(ApiTokens tokens, VigilProperties properties) {
    Optional<Role> anonymous = properties.security().anonymous();
    anonymous.ifPresent(
        role ->
            LOG.warn(
                "Authentication is relaxed: requests without a token are served with the {} role"
                    + " (vigil.security.anonymous-role={}). Anyone who reaches this server can {}."
                    + " Leave the setting unset to require a token on every request.",
                role.label(),
                role.label(),
                role == Role.READ
                    ? "read every model's traffic, metrics and incidents"
                    : "send records and labels into any model"));
    return new BearerAuthentication(tokens, anonymous);
  }

  /**
   * Every REST request needs a caller whose role allows it ({@link ApiPermissions}), decided before
   * any other filter reads the body (the request limits come after it, so an unauthenticated body
   * is never buffered).
   */
  @Bean
  FilterRegistrationBean<BearerTokenFilter> apiAccess(BearerAuthentication authentication) {
    FilterRegistrationBean<BearerTokenFilter> registration =
        new FilterRegistrationBean<>(new BearerTokenFilter(authentication, ApiPermissions::of));
    registration.addUrlPatterns(ApiPermissions.URL_PATTERN);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }
}
