package io.vigil.server.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard's pages are static resources from the jar under {@code /dashboard/}; {@code /}
 * leads there, and {@code /dashboard/} serves its {@code index.html}.
 */
@Configuration(proxyBeanMethods = false)
class DashboardPages implements WebMvcConfigurer {

  static final String HOME = "/dashboard/";

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/", HOME);
    registry.addRedirectViewController("/dashboard", HOME);
    registry.addViewController(HOME).setViewName("forward:" + HOME + "index.html");
  }
}
