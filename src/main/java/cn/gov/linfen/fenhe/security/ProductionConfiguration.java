package cn.gov.linfen.fenhe.security;

import cn.gov.linfen.fenhe.identity.IdentitySetup;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Only in the production profile (the configuration itself is checked by {@link ProductionSafetyCheck}). */
@Configuration(proxyBeanMethods = false)
@Profile("production")
public class ProductionConfiguration {

  /** Demo users left in a production database (e.g. after a trial run) stop the start-up. */
  @Bean
  @ConditionalOnBean(ProcessEngine.class)
  InitializingBean noDemoUsersInDatabase(ProcessEngine engine) {
    return () -> {
      long demoUsers = engine.getIdentityService().createUserQuery().list().stream()
          .filter(user -> IdentitySetup.isDemoUserId(user.getId())).count();
      if (!IdentitySetup.hasAdministrator(engine.getIdentityService())) {
        throw new IllegalStateException("没有系统管理员，拒绝启动 / no administrator exists: set FENHE_ADMIN_USER and "
            + "FENHE_ADMIN_PASSWORD for the first start");
      }
      if (demoUsers > 0) {
        throw new IllegalStateException("生产数据库中存在演示账号，拒绝启动 / the production database holds "
            + demoUsers + " demo user(s) (admin, demo-*): delete them or rename them first");
      }
    };
  }
}
