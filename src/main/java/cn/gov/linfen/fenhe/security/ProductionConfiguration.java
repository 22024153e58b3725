package cn.gov.linfen.fenhe.security;

import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.identity.IdentitySetup;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Only in the production profile, on an engine node: the identities in the database are checked
 * once the engine has created what it creates (the configuration itself is checked earlier by
 * {@link ProductionSafetyCheck}).
 */
@Configuration(proxyBeanMethods = false)
@Profile("production")
@EngineRole
public class ProductionConfiguration {

  @Bean
  InitializingBean productionIdentityCheck(ProcessEngine engine, IdentitySetup identitySetup) {
    return () -> {
      List<String> problems = identityProblems(engine.getIdentityService());
      if (!problems.isEmpty()) {
        throw new IllegalStateException(
            "生产环境账号不安全，拒绝启动 / unsafe identities in production, refusing to start:\n - "
                + String.join("\n - ", problems));
      }
    };
  }

  /**
   * No administrator, or demo users left from a trial run (admin, demo-*), stop a production start.
   */
  public static List<String> identityProblems(IdentityService identityService) {
    List<String> problems = new ArrayList<>();
    if (!IdentitySetup.hasAdministrator(identityService)) {
      problems.add(
          "没有系统管理员 / no administrator exists: set FENHE_ADMIN_USER and FENHE_ADMIN_PASSWORD for the first start");
    }
    long demoUsers =
        identityService.createUserQuery().listPage(0, 2000).stream()
            .filter(user -> IdentitySetup.isDemoUserId(user.getId()))
            .count();
    if (demoUsers > 0) {
      problems.add(
          "生产数据库中存在演示账号 / the database holds "
              + demoUsers
              + " demo user(s) (admin, demo-*): delete or rename them first");
    }
    return problems;
  }
}
