package io.vigil.server.cli;

import static io.vigil.server.cli.DriftCommandTest.vigil;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.server.cli.DriftCommandTest.Run;
import io.vigil.server.security.ApiTokens;
import io.vigil.server.security.Caller;
import io.vigil.tools.access.ApiTokenStore;
import io.vigil.tools.access.Role;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreSettings;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTest {

  @TempDir Path dataDir;

  @Test
  void create_printsOnlyTheSecret_whichThenAuthenticatesWithItsRole() {
    Run run = vigil("token", "create", "--role", "read", "--name", "claude", "--data-dir", dir());

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).matches("vgl_[A-Za-z0-9_-]{43}\\R");
    assertThat(run.err()).contains("created token 'claude'").contains("role read");
    assertThat(authenticate(run.out().strip())).contains(new Caller("claude", Role.READ));
  }

  @Test
  void create_withoutAName_namesItAfterItsRole() {
    Run run = vigil("token", "create", "--role", "ADMIN", "--data-dir", dir());

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).containsPattern("created token 'admin-[0-9a-f]{8}'");
  }

  @Test
  void revoke_byName_stopsTheTokenAndListShowsWhen() {
    String secret =
        vigil("token", "create", "--role", "approve", "--name", "ops", "--data-dir", dir())
            .out()
            .strip();

    Run revoked = vigil("token", "revoke", "ops", "--data-dir", dir());
    Run list = vigil("token", "list", "--data-dir", dir());

    assertThat(revoked.exitCode()).isEqualTo(0);
    assertThat(revoked.out()).startsWith("revoked token 'ops' (id 1, role approve) at 20");
    assertThat(authenticate(secret)).isEmpty();
    assertThat(list.out()).contains("ID").contains("ops").contains("approve");
    assertThat(list.out().lines().filter(line -> line.contains("ops")).findFirst().orElseThrow())
        .doesNotEndWith("-");
    assertThat(list.out()).doesNotContain(secret);
  }

  @Test
  void badInput_isAMessageAndExitCodeTwo() {
    vigil("token", "create", "--role", "read", "--name", "taken", "--data-dir", dir());

    Run badRole = vigil("token", "create", "--role", "root", "--data-dir", dir());
    Run taken = vigil("token", "create", "--role", "read", "--name", "taken", "--data-dir", dir());
    Run badName = vigil("token", "create", "--role", "read", "--name", "7up", "--data-dir", dir());
    Run unknown = vigil("token", "revoke", "nobody", "--data-dir", dir());
    Run noStore = vigil("token", "list", "--data-dir", dataDir.resolve("missing").toString());
    Run noAction = vigil("token", "--data-dir", dir());

    assertThat(badRole.exitCode()).isEqualTo(2);
    assertThat(badRole.err())
        .contains("unknown role 'root'; the roles are ingest, read, approve, admin");
    assertThat(taken.exitCode()).isEqualTo(2);
    assertThat(taken.err()).contains("a token named 'taken' exists already");
    assertThat(badName.exitCode()).isEqualTo(2);
    assertThat(badName.err()).contains("start with a letter");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("no token is named or numbered 'nobody'");
    assertThat(noStore.exitCode()).isEqualTo(2);
    assertThat(noStore.err()).contains("no such data directory");
    assertThat(noAction.exitCode()).isEqualTo(2);
  }

  private String dir() {
    return dataDir.toString();
  }

  private Optional<Caller> authenticate(String secret) {
    try (Database database = Database.open(StoreSettings.embedded(dataDir))) {
      return new ApiTokens(new ApiTokenStore(database, InstantSource.system()))
          .authenticate(secret);
    }
  }
}
