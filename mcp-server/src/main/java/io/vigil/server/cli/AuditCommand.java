package io.vigil.server.cli;

import io.vigil.tools.audit.AuditBreak;
import io.vigil.tools.audit.AuditEntry;
import io.vigil.tools.audit.AuditLog;
import io.vigil.tools.audit.AuditVerification;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil audit verify|list}: the hash-chained audit log of decisions, read from the store.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Check or read the audit log: every decision (incidents opened, proposals, approvals,"
          + " rejections, executions, tokens) and who made it, each entry chained to the one"
          + " before by its hash.",
      "Reads the store directly: with the embedded store, run it while `vigil serve` is stopped"
          + " (it holds the store); a PostgreSQL store can be read while the server runs."
    },
    subcommands = {AuditCommand.Verify.class, AuditCommand.ListEntries.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done; for verify, the chain is intact",
      "1:verify found the chain broken (the first broken entry is named)",
      "2:bad input or no store"
    })
final class AuditCommand implements Runnable {

  /** Exit code of {@code verify} when the chain is broken. */
  static final int BROKEN = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "say what to do: vigil audit verify|list");
  }

  /** The store options both audit commands take. */
  abstract static class StoreCommand extends DirectStoreCommand {

    /** Runs {@code action} over the store's audit log, translating store failures. */
    <T> T withAuditLog(Function<AuditLog, T> action) {
      return withStore(database -> action.apply(new AuditLog(database, InstantSource.system())));
    }
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Check the whole chain: sequence numbers without gaps, every entry's hash recomputed,"
            + " every entry linked to the one before, and the last one equal to the recorded"
            + " head. Names the first entry that does not check out."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:intact", "1:broken (the first broken seq is named)", "2:no store"})
  static final class Verify extends StoreCommand {

    @Override
    public Integer call() {
      AuditVerification verification = withAuditLog(AuditLog::verify);
      PrintWriter out = out();
      out.println("audit log " + verification.summary());
      verification.breakage().ifPresent(broken -> out.println(explain(broken)));
      out.flush();
      return verification.intact() ? 0 : BROKEN;
    }

    /** Where to look: the entries around the first broken one. */
    private static String explain(AuditBreak broken) {
      long after = Math.max(0, broken.seq() - 2);
      return "`vigil audit list --after "
          + after
          + " --limit 3` shows the entries around seq "
          + broken.seq();
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List audit entries in order, oldest first.")
  static final class ListEntries extends StoreCommand {

    @Option(
        names = "--after",
        paramLabel = "SEQ",
        defaultValue = "0",
        description = "Only entries after this sequence number (default: ${DEFAULT-VALUE}).")
    long after;

    @Option(
        names = "--limit",
        paramLabel = "N",
        defaultValue = "100",
        description = "At most this many, 1 to 10000 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
      if (after < 0) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--after: a sequence number, 0 or more, was " + after);
      }
      if (limit < 1 || limit > 10_000) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--limit: between 1 and 10000, was " + limit);
      }
      List<AuditEntry> entries = withAuditLog(log -> log.entries(after, limit));
      PrintWriter out = out();
      if (entries.isEmpty()) {
        out.println("no audit entries after seq " + after);
      } else {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SEQ", "AT", "ACTOR", "ACTION", "SUBJECT", "HASH", "DETAIL"});
        for (AuditEntry entry : entries) {
          rows.add(
              new String[] {
                Long.toString(entry.seq()),
                entry.at().truncatedTo(ChronoUnit.SECONDS).toString(),
                entry.actor(),
                entry.action(),
                entry.subject().isEmpty() ? "-" : entry.subject(),
                entry.hash().substring(0, Math.min(12, entry.hash().length())),
                entry.detail().replace('\n', ' ')
              });
        }
        IncidentTable.printAligned(rows, out);
      }
      out.flush();
      return 0;
    }
  }
}
