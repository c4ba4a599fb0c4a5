package io.vigil.server.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options of the commands that talk to a running {@code vigil serve}: where it is and the API
 * token to send. A mixin, so every such command takes them in the same words; subcommands inherit
 * them, so {@code vigil incidents --token T show ID} and {@code vigil incidents show ID --token T}
 * both work.
 */
final class ServerOptions {

  @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
  CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--server",
      paramLabel = "URL",
      scope = CommandLine.ScopeType.INHERIT,
      defaultValue = "${env:VIGIL_SERVER:-http://127.0.0.1:8080}",
      description = "The running server (default: VIGIL_SERVER, else ${DEFAULT-VALUE}).")
  String server;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      scope = CommandLine.ScopeType.INHERIT,
      defaultValue = "${env:VIGIL_TOKEN}",
      description =
          "The API token to send (default: VIGIL_TOKEN); `vigil token create` makes one. The"
              + " server records decisions under the token's name.")
  String token;

  /**
   * A client for the server these options name.
   *
   * @throws CommandLine.ParameterException if the URL is not an http(s) URL
   * @throws BadInputException if there is no token
   */
  ServerClient client() {
    if (token == null || token.isBlank()) {
      throw new BadInputException(
          "no API token: pass --token or set VIGIL_TOKEN (`vigil token create --role read` makes"
              + " one)");
    }
    return new ServerClient(baseUri(), token.strip());
  }

  private URI baseUri() {
    return baseUri(spec, "--server", server);
  }

  /**
   * The server at {@code text}, an http(s) URL, without a trailing slash.
   *
   * @throws CommandLine.ParameterException naming {@code option} if it is not one
   */
  static URI baseUri(CommandLine.Model.CommandSpec spec, String option, String text) {
    String given = text == null ? "" : text.strip();
    try {
      URI uri = new URI(given.endsWith("/") ? given.substring(0, given.length() - 1) : given);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below, with what a URL looks like
    }
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        option + ": expected an http(s) URL such as http://127.0.0.1:8080, was '" + text + "'");
  }
}
