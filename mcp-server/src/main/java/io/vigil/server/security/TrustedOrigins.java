package io.vigil.server.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which {@code Host} and {@code Origin} headers a request may carry: the defence against DNS
 * rebinding, where a web page on an attacker's domain resolves that domain to 127.0.0.1 and sends
 * requests to a local server. Loopback names ({@code localhost}, {@code 127.0.0.1}, {@code [::1]})
 * on any port are always trusted; other hosts and origins only when configured.
 *
 * <ul>
 *   <li>Host: the name without its port must be loopback or one of {@code hosts}.
 *   <li>Origin: absent (clients that are not browsers send none) is fine; otherwise its host must
 *       be loopback, or the whole origin ({@code scheme://host[:port]}) one of {@code origins}.
 * </ul>
 */
public final class TrustedOrigins {

  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

  private final Set<String> hosts;
  private final Set<String> origins;

  /**
   * @param hosts extra host names (without port) to accept, e.g. {@code vigil.internal}
   * @param origins extra origins to accept, e.g. {@code https://dashboard.example.com}
   * @throws IllegalArgumentException if an origin is not {@code scheme://host[:port]}
   */
  public TrustedOrigins(List<String> hosts, List<String> origins) {
    this.hosts =
        hosts.stream()
            .map(host -> host.strip().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    List<String> normalized = new ArrayList<>();
    for (String origin : origins) {
      normalized.add(
          normalize(origin)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "vigil.mcp.allowed-origins: '"
                              + origin
                              + "' is not an origin; write scheme://host[:port], e.g."
                              + " https://dashboard.example.com")));
    }
    this.origins = Set.copyOf(normalized);
  }

  /** Why the {@code Host} header is refused, or empty if it is trusted. */
  public Optional<String> refuseHost(String host) {
    if (host == null || host.isBlank()) {
      return Optional.of("the request has no Host header");
    }
    String name = withoutPort(host.strip().toLowerCase(Locale.ROOT));
    if (LOOPBACK.contains(name) || hosts.contains(name)) {
      return Optional.empty();
    }
    return Optional.of(
        "Host '"
            + host
            + "' is not trusted; add its name to vigil.mcp.allowed-hosts if clients reach this"
            + " server by it");
  }

  /** Why the {@code Origin} header is refused, or empty if it is absent or trusted. */
  public Optional<String> refuseOrigin(String origin) {
    if (origin == null) {
      return Optional.empty();
    }
    Optional<String> normalized = normalize(origin);
    if (normalized.isPresent()) {
      String host = URI.create(normalized.get()).getHost();
      if (LOOPBACK.contains(host) || LOOPBACK.contains("[" + host + "]")) {
        return Optional.empty();
      }
      if (origins.contains(normalized.get())) {
        return Optional.empty();
      }
    }
    return Optional.of(
        "Origin '"
            + origin
            + "' is not trusted; add it to vigil.mcp.allowed-origins if a web page there may call"
            + " this server");
  }

  private static String withoutPort(String host) {
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host : host.substring(0, end + 1);
    }
    int colon = host.lastIndexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }

  /** {@code scheme://host[:port]} in lower case, or empty if {@code origin} is not one. */
  private static Optional<String> normalize(String origin) {
    try {
      URI uri = new URI(origin.strip());
      boolean bare =
          (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))
              && uri.getQuery() == null
              && uri.getFragment() == null
              && uri.getUserInfo() == null;
      if (uri.getScheme() == null || uri.getHost() == null || !bare) {
        return Optional.empty();
      }
      String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
      return Optional.of((uri.getScheme() + "://" + uri.getHost() + port).toLowerCase(Locale.ROOT));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
