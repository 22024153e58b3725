package cn.gov.linfen.fenhe.engine;

import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.engine.validation.StartValidator;
import cn.gov.linfen.fenhe.identity.Counties;
import cn.gov.linfen.fenhe.identity.IdentityProperties;
import cn.gov.linfen.fenhe.identity.IdentitySetup;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine role's beans (absent on a workers-only node). */
@Configuration(proxyBeanMethods = false)
@EngineRole
public class EngineConfiguration {

  @Bean
  FenheEnginePlugin fenheEnginePlugin(List<StartValidator> startValidators, FenheClock clock) {
    return new FenheEnginePlugin(startValidators, clock);
  }

  /** Indexes on engine tables justified by the benchmarks (docs/benchmarks.md). */
  @Bean
  EngineIndexes engineIndexes() {
    return new EngineIndexes();
  }

  /** Candidate groups of county-level steps, for expressions in the models. */
  @Bean(Counties.BEAN_NAME)
  Counties counties() {
    return new Counties();
  }

  @Bean
  IdentitySetup identitySetup(ProcessEngine processEngine, IdentityProperties properties) {
    return new IdentitySetup(processEngine, properties);
  }
}
