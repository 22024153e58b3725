package cn.gov.linfen.fenhe.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.FenheApplication;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Demo identities exist in the demo profile only: without it, not even when asked for. */
@Tag("own-context") // starts an application of its own: runs in a JVM of its own
class DemoUsersProfileTest {

  @Test
  void
      without_the_demo_profile_no_demo_user_is_created_but_the_policys_groups_and_the_worker_are() {
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(FenheApplication.class)
            .profiles("test")
            .run(
                "--spring.datasource.url=jdbc:h2:mem:demo-users-"
                    + UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1;MODE=LEGACY",
                "--fenhe.identity.create-demo-users=true",
                "--fenhe.identity.worker-password=Worker#Secret-2026",
                "--server.port=0",
                "--camunda.bpm.process-engine-name=demoUsersProfileTest")) {
      assertThat(context.getBeanNamesForType(DemoUsers.class)).isEmpty();
      IdentityService identities = context.getBean(ProcessEngine.class).getIdentityService();
      assertThat(identities.createUserQuery().list())
          .extracting(u -> u.getId())
          .containsExactly("fenhe-worker");
      assertThat(
              identities
                  .createGroupQuery()
                  .groupIdIn("reform-office", "county-industry-it-yaodu", "camunda-admin")
                  .count())
          .isEqualTo(3);
    }
  }
}
