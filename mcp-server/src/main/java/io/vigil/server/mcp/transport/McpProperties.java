package io.vigil.server.mcp.transport;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vigil.mcp.*}: who may reach the Streamable HTTP endpoint {@code /mcp}. Loopback hosts and
 * origins ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}, any port) are always trusted.
 *
 * @param allowedHosts further names (without port) clients may reach the server by, in the {@code
 *     Host} header, e.g. {@code vigil.internal} when it listens beyond loopback
 * @param allowedOrigins further browser origins ({@code scheme://host[:port]}) that may call it
 */
@ConfigurationProperties("vigil.mcp")
public record McpProperties(
    @DefaultValue List<String> allowedHosts, @DefaultValue List<String> allowedOrigins) {

  public McpProperties {
    allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
  }
}
