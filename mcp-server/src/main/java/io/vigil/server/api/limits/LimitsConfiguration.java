package io.vigil.server.api.limits;

import io.vigil.server.admission.QueryAdmission;
import io.vigil.server.serve.VigilProperties;
import io.vigil.tools.ingest.InferenceWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The body-size limit on {@code /api/*}, the in-flight admission of ingest requests, and the
 * admission of reads ({@code vigil.query.*}).
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration implements WebMvcConfigurer {

  /**
   * A serving system asks its model's route on every request it serves; the answer is one registry
   * lookup in memory, and refusing it would stall the serving system, not spare the store.
   */
  private static final String ROUTE = "/api/v1/models/*/route";

  private final InFlightBytes inFlight;
  private final QueryAdmission queries;
  private final ObjectProvider<InferenceWriter> writer;

  /**
   * @param queries the process's admission, shared with the MCP tools; a web slice without the
   *     query services gets one of its own
   */
  LimitsConfiguration(
      VigilProperties properties,
      ObjectProvider<QueryAdmission> queries,
      ObjectProvider<InferenceWriter> writer) {
    this.queries = queries.getIfAvailable(() -> properties.query().admission());
    this.writer = writer;
    this.inFlight =
        new InFlightBytes(
            properties.ingest().maxInFlightBytes().toBytes(),
            properties.ingest().maxBodyBytes().toBytes());
  }

  @Bean
  FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
      VigilProperties properties) {
    FilterRegistrationBean<RequestBodyLimitFilter> registration =
        new FilterRegistrationBean<>(
            new RequestBodyLimitFilter(properties.ingest().maxBodyBytes().toBytes()));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new IngestAdmissionInterceptor(inFlight, writer))
        .addPathPatterns("/api/**");
    registry
        .addInterceptor(new QueryAdmissionInterceptor(queries))
        .addPathPatterns("/api/**")
        .excludePathPatterns(ROUTE);
  }
}
