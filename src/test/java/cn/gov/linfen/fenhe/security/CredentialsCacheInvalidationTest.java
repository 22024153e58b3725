package cn.gov.linfen.fenhe.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The verified-credentials cache (issue 20) never outlives a change: a changed password, a removed
 * membership and a deleted user take effect on the very next call, over the engine REST API and the
 * platform API alike.
 */
class CredentialsCacheInvalidationTest extends IntegrationTest {

  private static final String FIRST = "Erste!2026passwort";
  private static final String SECOND = "Zweite!2026passwort";

  private static Http admin() {
    return Http.as(baseUrl(), "admin", DEMO_PASSWORD);
  }

  private String newOfficer() {
    String id = "cache-" + UUID.randomUUID().toString().substring(0, 8);
    Http.Response created =
        admin()
            .post(
                "/engine-rest/user/create",
                """
                {"profile":{"id":"%s","firstName":"缓存","lastName":"测试","email":"%s@example.org"},
                 "credentials":{"password":"%s"}}"""
                    .formatted(id, id, FIRST));
    assertThat(created.status()).as(created.toString()).isEqualTo(204);
    assertThat(admin().put("/engine-rest/group/supervisors/members/" + id, "").status())
        .isEqualTo(204);
    return id;
  }

  @Test
  void a_changed_password_refuses_the_old_one_at_once() {
    String id = newOfficer();
    Http old = Http.as(baseUrl(), id, FIRST);
    for (int i = 0; i < 3; i++) {
      assertThat(old.get("/engine-rest/user/" + id + "/profile").status()).isEqualTo(200);
      assertThat(old.get("/api/me").status()).isEqualTo(200);
    }

    Http.Response changed =
        old.put(
            "/engine-rest/user/" + id + "/credentials",
            "{\"password\":\"%s\",\"authenticatedUserPassword\":\"%s\"}".formatted(SECOND, FIRST));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(204);

    // the new password first: a refused old one would hold the user back a second (the throttle)
    Http current = Http.as(baseUrl(), id, SECOND);
    assertThat(current.get("/engine-rest/user/" + id + "/profile").status()).isEqualTo(200);
    assertThat(current.get("/api/me").status()).isEqualTo(200);
    assertThat(old.get("/engine-rest/user/" + id + "/profile").status()).isEqualTo(401);
    assertThat(old.get("/api/me").status()).isEqualTo(401);
  }

  @Test
  void a_removed_membership_is_gone_from_the_next_call() {
    String id = newOfficer();
    Http officer = Http.as(baseUrl(), id, FIRST);
    assertThat(officer.get("/api/me").body()).contains("supervisors");
    assertThat(officer.get("/api/deadlines?size=5").status()).isEqualTo(200);

    assertThat(admin().delete("/engine-rest/group/supervisors/members/" + id).status())
        .isEqualTo(204);

    assertThat(officer.get("/api/me").body()).doesNotContain("supervisors");
    assertThat(officer.get("/api/deadlines?size=5").status()).isEqualTo(403);
  }

  @Test
  void a_deleted_user_is_refused_at_once() {
    String id = newOfficer();
    Http officer = Http.as(baseUrl(), id, FIRST);
    assertThat(officer.get("/engine-rest/user/" + id + "/profile").status()).isEqualTo(200);

    assertThat(admin().delete("/engine-rest/user/" + id).status()).isEqualTo(204);

    assertThat(officer.get("/engine-rest/user/" + id + "/profile").status()).isEqualTo(401);
    assertThat(officer.get("/api/me").status()).isEqualTo(401);
  }
}
