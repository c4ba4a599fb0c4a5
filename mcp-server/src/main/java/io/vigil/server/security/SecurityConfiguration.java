package io.vigil.server.security;

import io.vigil.tools.access.ApiTokenStore;
import io.vigil.tools.store.Database;
import java.time.InstantSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API tokens over the store, for the filters that authenticate requests. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  ApiTokens apiTokens(Database database, InstantSource clock) {
    return new ApiTokens(new ApiTokenStore(database, clock));
  }
}
