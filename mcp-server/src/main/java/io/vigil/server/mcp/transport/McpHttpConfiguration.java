package io.vigil.server.mcp.transport;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.vigil.server.mcp.McpCatalog;
import io.vigil.server.security.BearerAuthentication;
import io.vigil.server.security.BearerTokenFilter;
import io.vigil.server.security.Caller;
import io.vigil.server.security.TrustedOrigins;
import io.vigil.server.security.TrustedOriginsFilter;
import io.vigil.tools.access.Permission;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * {@code vigil serve}'s MCP endpoint: Streamable HTTP at {@code /mcp}, behind two filters: the
 * {@code Host}/{@code Origin} check against DNS rebinding (403), then the bearer token (401). The
 * token's {@link Caller} travels in the MCP transport context, where each tool checks its role.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(McpProperties.class)
class McpHttpConfiguration {

  static final String ENDPOINT = "/mcp";

  /** Before Boot's own filters see the request; the origin check before authentication. */
  private static final int ORIGIN_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

  private static final int TOKEN_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

  /** After authentication: a caller without a token learns nothing about message shapes. */
  private static final int SHAPE_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 3;

  /**
   * An MCP request is a tool call's arguments or a list request: kilobytes. The SDK's default (16
   * MiB) would let each authenticated request buffer that much; larger bodies get 413.
   */
  static final int MAX_REQUEST_BYTES = 1024 * 1024;

  @Bean
  HttpServletStreamableServerTransportProvider mcpHttpTransport() {
    return HttpServletStreamableServerTransportProvider.builder()
        .jsonMapper(new JsonRpcErrorMapper(McpJsonDefaults.getMapper()))
        .mcpEndpoint(ENDPOINT)
        .contextExtractor(McpHttpConfiguration::callerContext)
        .maxRequestSize(MAX_REQUEST_BYTES)
        .build();
  }

  @Bean
  ServletRegistrationBean<HttpServletStreamableServerTransportProvider> mcpServlet(
      HttpServletStreamableServerTransportProvider transport) {
    ServletRegistrationBean<HttpServletStreamableServerTransportProvider> registration =
        new ServletRegistrationBean<>(transport, ENDPOINT);
    registration.setName("mcp");
    registration.setAsyncSupported(true);
    registration.setLoadOnStartup(1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<TrustedOriginsFilter> mcpTrustedOrigins(McpProperties properties) {
    FilterRegistrationBean<TrustedOriginsFilter> registration =
        new FilterRegistrationBean<>(
            new TrustedOriginsFilter(
                new TrustedOrigins(properties.allowedHosts(), properties.allowedOrigins())));
    registration.addUrlPatterns(ENDPOINT);
    registration.setOrder(ORIGIN_FILTER_ORDER);
    return registration;
  }

  /**
   * Every MCP request needs a token that may read: resources and prompts show traffic and
   * incidents, and the SDK filters only tool lists by caller, so an ingest token is refused at the
   * door rather than tool by tool. Proposing tools check their own role ({@link ToolGuard}).
   */
  @Bean
  FilterRegistrationBean<BearerTokenFilter> mcpBearerToken(BearerAuthentication authentication) {
    FilterRegistrationBean<BearerTokenFilter> registration =
        new FilterRegistrationBean<>(BearerTokenFilter.requiring(authentication, Permission.READ));
    registration.addUrlPatterns(ENDPOINT);
    registration.setOrder(TOKEN_FILTER_ORDER);
    return registration;
  }

  @Bean
  FilterRegistrationBean<McpMessageShapeFilter> mcpMessageShape() {
    FilterRegistrationBean<McpMessageShapeFilter> registration =
        new FilterRegistrationBean<>(new McpMessageShapeFilter(MAX_REQUEST_BYTES));
    registration.addUrlPatterns(ENDPOINT);
    registration.setOrder(SHAPE_FILTER_ORDER);
    return registration;
  }

  /** Closed by {@link McpSessionsShutdown} before the web server stops, not at bean teardown. */
  @Bean(destroyMethod = "")
  McpSyncServer mcpHttpServer(
      HttpServletStreamableServerTransportProvider transport, McpCatalog catalog) {
    return VigilMcpServers.build(transport, catalog, McpCallers.BEARER_TOKEN);
  }

  @Bean
  McpSessionsShutdown mcpSessionsShutdown(McpSyncServer mcpHttpServer) {
    return new McpSessionsShutdown(mcpHttpServer);
  }

  private static McpTransportContext callerContext(HttpServletRequest request) {
    Object caller = request.getAttribute(Caller.REQUEST_ATTRIBUTE);
    return caller instanceof Caller known
        ? McpTransportContext.create(Map.of(McpCallers.CONTEXT_KEY, known))
        : McpTransportContext.EMPTY;
  }
}
