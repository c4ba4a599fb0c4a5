package io.vigil.server.cli;

import io.vigil.server.security.ApiTokens;
import io.vigil.server.security.IssuedToken;
import io.vigil.tools.access.ApiToken;
import io.vigil.tools.access.ApiTokenStore;
import io.vigil.tools.access.Role;
import io.vigil.tools.registry.ConflictException;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil token create|list|revoke}: the API tokens clients authenticate with. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = {
      "Manage API tokens. A token has a role: ingest (send records and labels, ask a model's"
          + " route), read (read the API, the dashboard and the MCP tools), approve (read, propose and approve actions) or"
          + " admin (everything). Only a hash of each token is stored.",
      "With the embedded store, run these while `vigil serve` is stopped (it holds the store);"
          + " a PostgreSQL store can be changed while the server runs, and a revoked token is"
          + " refused from the next request on."
    },
    subcommands = {
      TokenCommand.Create.class,
      TokenCommand.ListTokens.class,
      TokenCommand.Revoke.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "2:bad input, unknown token or no store"})
final class TokenCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "say what to do: vigil token create|list|revoke");
  }

  /** The store options every token command takes. */
  abstract static class StoreCommand extends DirectStoreCommand {

    /** Runs {@code action} over the tokens in the store, translating store failures. */
    <T> T withTokens(Function<ApiTokens, T> action) {
      return withStore(
          database ->
              action.apply(new ApiTokens(new ApiTokenStore(database, InstantSource.system()))));
    }

    PrintWriter err() {
      return spec.commandLine().getErr();
    }
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Create a token and print it on stdout, once: it cannot be shown again. Clients send it"
            + " as 'Authorization: Bearer <token>'."
      })
  static final class Create extends StoreCommand {

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        converter = RoleConverter.class,
        description = "ingest, read, approve or admin.")
    Role role;

    @Option(
        names = "--name",
        paramLabel = "NAME",
        description =
            "A unique name to list and revoke it by (default: the role and 8 hex digits).")
    String name;

    @Override
    public Integer call() {
      IssuedToken issued;
      try {
        issued = withTokens(tokens -> tokens.create(role, Optional.ofNullable(name)));
      } catch (IllegalArgumentException | ConflictException e) {
        throw new BadInputException(e.getMessage(), e);
      }
      out().println(issued.secret());
      out().flush();
      err()
          .printf(
              "created token '%s' (id %d, role %s); it is shown only now: keep it secret%n",
              issued.token().name(), issued.token().id(), issued.token().role().label());
      err().flush();
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the tokens (never their secrets), revoked ones included.")
  static final class ListTokens extends StoreCommand {

    @Override
    public Integer call() {
      List<ApiToken> tokens = withTokens(ApiTokens::list);
      PrintWriter out = out();
      out.printf("%-6s %-32s %-8s %-21s %s%n", "ID", "NAME", "ROLE", "CREATED", "REVOKED");
      for (ApiToken token : tokens) {
        out.printf(
            "%-6d %-32s %-8s %-21s %s%n",
            token.id(),
            token.name(),
            token.role().label(),
            token.createdAt().truncatedTo(ChronoUnit.SECONDS),
            token.revokedAt().map(at -> at.truncatedTo(ChronoUnit.SECONDS).toString()).orElse("-"));
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Revoke a token by name or id; it is refused from then on.")
  static final class Revoke extends StoreCommand {

    @Parameters(index = "0", paramLabel = "NAME|ID", description = "The token's name or id.")
    String token;

    @Override
    public Integer call() {
      Optional<ApiToken> revoked = withTokens(tokens -> tokens.revoke(token));
      ApiToken found =
          revoked.orElseThrow(
              () ->
                  new BadInputException(
                      "no token is named or numbered '"
                          + token
                          + "'; `vigil token list` shows"
                          + " them"));
      out()
          .printf(
              "revoked token '%s' (id %d, role %s) at %s%n",
              found.name(), found.id(), found.role().label(), found.revokedAt().orElseThrow());
      out().flush();
      return 0;
    }
  }

  /** {@code --role}: a role's name in any case; an unknown one lists the roles. */
  static final class RoleConverter implements CommandLine.ITypeConverter<Role> {
    @Override
    public Role convert(String value) {
      try {
        return Role.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
