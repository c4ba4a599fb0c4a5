package io.vigil.server.cli;

import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreUnavailableException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * A command that opens the store itself ({@code vigil token}, {@code vigil audit}) with the store
 * options every such command takes, and says what to do when it cannot: with the embedded store, a
 * running {@code vigil serve} holds it.
 */
abstract class DirectStoreCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.ArgGroup(exclusive = true)
  IngestCommand.StoreOptions store = new IngestCommand.StoreOptions();

  @Option(
      names = "--store-username",
      paramLabel = "USER",
      defaultValue = "${env:VIGIL_STORE_USERNAME}",
      description = "The store's user, with --store-url (default: VIGIL_STORE_USERNAME).")
  String storeUsername;

  /** Runs {@code action} over the opened store, translating store failures into bad input. */
  <T> T withStore(Function<Database, T> action) {
    try (Database database = Database.open(store.settings(spec, storeUsername))) {
      return action.apply(database);
    } catch (StoreUnavailableException e) {
      String cause = e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")";
      String hint =
          store.storeUrl == null
              ? "; if `vigil serve` runs on this data directory, it holds the store: stop it first"
              : "";
      throw new BadInputException(e.getMessage() + cause + hint, e);
    }
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
