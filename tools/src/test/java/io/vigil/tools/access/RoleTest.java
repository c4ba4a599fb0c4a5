package io.vigil.tools.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoleTest {

  @Test
  void permissions_followTheRoleLadder() {
    assertThat(Role.INGEST.grants(Permission.INGEST)).isTrue();
    assertThat(Role.INGEST.grants(Permission.READ)).isFalse();
    assertThat(Role.READ.grants(Permission.READ)).isTrue();
    assertThat(Role.READ.grants(Permission.PROPOSE)).isFalse();
    assertThat(Role.APPROVE.grants(Permission.PROPOSE)).isTrue();
    assertThat(Role.APPROVE.grants(Permission.INGEST)).isFalse();
    assertThat(Role.ADMIN.grants(Permission.INGEST)).isTrue();
    assertThat(Role.ADMIN.grants(Permission.APPROVE)).isTrue();
    assertThat(Role.APPROVE.grants(Permission.MANAGE)).isFalse();
  }

  @Test
  void everyRole_mayAskWhichVersionServes() {
    for (Role role : Role.values()) {
      assertThat(role.grants(Permission.ROUTE)).as(role.label()).isTrue();
    }
  }

  @Test
  void labelsGranting_namesEveryRoleThatMay() {
    assertThat(Role.labelsGranting(Permission.READ)).isEqualTo("read or approve or admin");
    assertThat(Role.labelsGranting(Permission.PROPOSE)).isEqualTo("approve or admin");
  }

  @Test
  void parse_acceptsAnyCaseAndNamesTheRolesWhenUnknown() {
    assertThat(Role.parse(" Approve")).isEqualTo(Role.APPROVE);
    assertThatThrownBy(() -> Role.parse("root"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown role 'root'; the roles are ingest, read, approve, admin");
  }
}
