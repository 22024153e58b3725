package cn.gov.linfen.fenhe.security;

import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.identity.IdentityProperties;
import cn.gov.linfen.fenhe.identity.IdentitySetup;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The production profile refuses to start with demo identities, default passwords, without
 * PostgreSQL, or with the illustrative scrap-steel retained-share ratios (no source named). Runs as
 * soon as the configuration is read, before any bean (no database is opened, no demo user created).
 * Registered in META-INF/spring.factories.
 */
public class ProductionSafetyCheck
    implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

  public static final String DEFAULT_DEMO_PASSWORD = "Demo!2026fenhe";

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    ConfigurableEnvironment environment = event.getEnvironment();
    if (!environment.acceptsProfiles(Profiles.of("production"))) {
      return;
    }
    IdentityProperties identity =
        Binder.get(environment)
            .bind("fenhe.identity", Bindable.of(IdentityProperties.class))
            .orElseGet(() -> new IdentityProperties(false, "", "fenhe-worker", "", "", "", null));
    List<String> problems = problems(environment, identity);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "生产环境配置不安全，拒绝启动 / unsafe production configuration, refusing to start:\n - "
              + String.join("\n - ", problems));
    }
  }

  public static List<String> problems(Environment environment, IdentityProperties identity) {
    List<String> problems = new ArrayList<>();
    boolean engineRole = environment.getProperty(EngineRole.PROPERTY, Boolean.class, true);
    if (engineRole) {
      // a workers-only node has no database: its settings are neither needed nor read
      String url = property(environment, "spring.datasource.url");
      if (!url.startsWith("jdbc:postgresql:")) {
        problems.add(
            "spring.datasource.url (FENHE_DB_URL) must name a PostgreSQL database (jdbc:postgresql://…), not '"
                + url
                + "'");
      }
      if (property(environment, "spring.datasource.password").isBlank()) {
        problems.add("spring.datasource.password (FENHE_DB_PASSWORD) is empty");
      }
    }
    if (identity.createDemoUsers() || environment.acceptsProfiles(Profiles.of("demo"))) {
      problems.add("demo identities are enabled (profile demo / fenhe.identity.create-demo-users)");
    }
    String workerPassword = identity.workerPassword();
    if (workerPassword == null || workerPassword.isBlank()) {
      problems.add("FENHE_WORKER_PASSWORD is empty");
    } else if (workerPassword.equals(DEFAULT_DEMO_PASSWORD)
        || workerPassword.equals(identity.demoPassword())) {
      problems.add("FENHE_WORKER_PASSWORD is a demo password");
    }
    String adminUser = identity.initialAdminUser();
    if (adminUser != null && IdentitySetup.isDemoUserId(adminUser)) {
      problems.add("FENHE_ADMIN_USER '" + adminUser + "' is a demo user id: choose another");
    }
    String adminPassword = identity.initialAdminPassword();
    if (adminPassword != null
        && (adminPassword.equals(DEFAULT_DEMO_PASSWORD) || adminPassword.equals(workerPassword))) {
      problems.add("FENHE_ADMIN_PASSWORD is a demo or shared password");
    }
    if (property(environment, "fenhe.p3.retained-shares-source").isBlank()) {
      problems.add(
          "fenhe.p3.retained-shares-source (FENHE_P3_RETAINED_SHARES_SOURCE) is empty: the scrap-steel"
              + " retained-share ratios are the illustrative demo values; configure fenhe.p3.retained-shares with the"
              + " official ratios and name their source (废钢铁奖励资金留成比例未按正式文件配置)");
    }
    String clientPassword = property(environment, "camunda.bpm.client.basic-auth.password");
    if (clientPassword.equals(DEFAULT_DEMO_PASSWORD)) {
      problems.add("the workers' client password is the demo password");
    }
    return problems;
  }

  /** A setting, or "" when it is missing or names an environment variable that is not set. */
  private static String property(Environment environment, String name) {
    try {
      return environment.getProperty(name, "");
    } catch (IllegalArgumentException unresolvable) {
      return "";
    }
  }
}
