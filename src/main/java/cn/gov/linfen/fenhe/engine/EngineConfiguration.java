package cn.gov.linfen.fenhe.engine;

import cn.gov.linfen.fenhe.engine.validation.StartValidator;
import cn.gov.linfen.fenhe.identity.Counties;
import cn.gov.linfen.fenhe.identity.IdentityProperties;
import cn.gov.linfen.fenhe.identity.IdentitySetup;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine role's beans (absent on a workers-only node). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fenhe.role.engine", havingValue = "true", matchIfMissing = true)
public class EngineConfiguration {

  @Bean
  FenheEnginePlugin fenheEnginePlugin(List<StartValidator> startValidators) {
    return new FenheEnginePlugin(startValidators);
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
