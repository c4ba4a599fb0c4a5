package io.vigil.server.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}: its header, and schemas in the wire's naming. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  /** The security scheme's name: every operation needs a bearer token. */
  private static final String BEARER = "bearer";

  @Bean
  OpenAPI vigilOpenApi() {
    String version = VigilApplication.class.getPackage().getImplementationVersion();
    return new OpenAPI()
        .info(
            new Info()
                .title("Vigil API")
                .version(version == null ? "development" : version)
                .description(
                    "Monitor ML models in production: register models, versions and deployments;"
                        + " ingest inference records and labels; ask the observability questions."
                        + " Every request needs an API token (`vigil token create`) sent as"
                        + " `Authorization: Bearer <token>`, whose role allows it: read, ingest,"
                        + " approve or admin. JSON fields are snake_case; errors are RFC 9457"
                        + " problems (application/problem+json)."))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("An API token: vgl_ and 64 hex digits")))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
  }

  /** Schemas read through the application's mapper, so they show snake_case like the wire. */
  @Bean
  ModelResolver modelResolver(ObjectMapper objectMapper) {
    return new ModelResolver(objectMapper);
  }
}
