package cn.gov.linfen.fenhe.workers.p5;

import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.procedures.p5.ActChecks;
import cn.gov.linfen.fenhe.procedures.p5.ProvincialSupervisionSystem;
import cn.gov.linfen.fenhe.procedures.p5.RecordingProvincialSystem;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The plain services the P5 workers call (互联网+监管), wired explicitly: the act's checks and the
 * provincial system (the recording stand-in until the province's interface is connected).
 */
@Configuration(proxyBeanMethods = false)
public class P5WorkersConfiguration {

  /** The act checks of every role: the API and forms (engine) and the quality check (workers). */
  @Bean
  ActChecks actChecks(FenheClock clock) {
    return new ActChecks(clock.zone());
  }

  @Bean
  @ConditionalOnMissingBean
  ProvincialSupervisionSystem provincialSupervisionSystem() {
    return new RecordingProvincialSystem();
  }
}
