package io.vigil.server.api.limits;

import io.vigil.server.serve.VigilProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The body-size limit on {@code /api/*} and the in-flight admission of ingest requests. */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration implements WebMvcConfigurer {

  private final InFlightBytes inFlight;

  LimitsConfiguration(VigilProperties properties) {
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
    registry.addInterceptor(new IngestAdmissionInterceptor(inFlight)).addPathPatterns("/api/**");
  }
}
