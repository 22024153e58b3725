package cn.gov.linfen.fenhe.engine;

import cn.gov.linfen.fenhe.audit.AuditLog;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.engine.validation.StartValidator;
import cn.gov.linfen.fenhe.identity.Counties;
import cn.gov.linfen.fenhe.identity.DemoUsers;
import cn.gov.linfen.fenhe.identity.IdentityPolicy;
import cn.gov.linfen.fenhe.identity.IdentityPolicyLoader;
import cn.gov.linfen.fenhe.identity.IdentityProperties;
import cn.gov.linfen.fenhe.identity.IdentitySetup;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/** The engine role's beans (absent on a workers-only node). */
@Configuration(proxyBeanMethods = false)
@EngineRole
public class EngineConfiguration {

  @Bean
  FenheEnginePlugin fenheEnginePlugin(List<StartValidator> startValidators, FenheClock clock) {
    return new FenheEnginePlugin(startValidators, clock);
  }

  /**
   * The engine's schema operation under the start-up lock: engines starting together on an empty
   * PostgreSQL database create the tables once (docs/architecture.md, "Several engine nodes").
   */
  @Bean
  ClusterSafeSchema clusterSafeSchema() {
    return new ClusterSafeSchema();
  }

  /** The shared Tasklist filter (我的待办), created once however many nodes start. */
  @Bean
  TasklistFilter tasklistFilter(TasklistProperties properties) {
    return new TasklistFilter(properties.defaultFilter());
  }

  /** Indexes on engine tables justified by the benchmarks (docs/benchmarks.md). */
  @Bean
  EngineIndexes engineIndexes() {
    return new EngineIndexes();
  }

  /** OGNL's property reads in the engine's mappings without a method scan per read (issue 20). */
  @Bean
  static ProcessEnginePlugin ognlPropertyReads() {
    return OgnlPropertyReads.plugin();
  }

  /** The version of the wildcard authorizations, kept by triggers (issue 20, docs/security.md). */
  @Bean
  WildcardGrantVersion wildcardGrantVersion() {
    return new WildcardGrantVersion();
  }

  /** Candidate groups of county-level steps, for expressions in the models. */
  @Bean(Counties.BEAN_NAME)
  Counties counties() {
    return new Counties();
  }

  /** The identity policy (identity/policy.yaml): a mistake in it stops the start. */
  @Bean
  IdentityPolicy identityPolicy(IdentityProperties properties, Environment environment) {
    IdentityPolicyLoader.refuseFormerStarters(environment);
    return IdentityPolicyLoader.load(properties.policy());
  }

  /** Demo identities: a bean of the demo profile only. */
  @Bean
  @Profile("demo")
  DemoUsers demoUsers(ProcessEngine processEngine, IdentityProperties properties) {
    return new DemoUsers(processEngine, properties);
  }

  /** Groups, grants and users at start-up, once the platform's tables (audit log) exist. */
  @Bean
  IdentitySetup identitySetup(
      ProcessEngine processEngine,
      IdentityProperties properties,
      IdentityPolicy policy,
      ObjectProvider<DemoUsers> demoUsers,
      ObjectProvider<AuditLog> auditLog,
      ObjectProvider<FlywayMigrationInitializer> flywayMigrated) {
    flywayMigrated.ifAvailable(initializer -> {});
    return new IdentitySetup(
        processEngine, properties, policy, demoUsers.getIfAvailable(), auditLog.getIfAvailable());
  }
}
