package cn.gov.linfen.fenhe.workers;

import cn.gov.linfen.fenhe.common.Escalating;
import cn.gov.linfen.fenhe.common.FenheClock;
import org.camunda.bpm.client.backoff.BackoffStrategy;
import org.camunda.bpm.client.backoff.ExponentialErrorBackoffStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain services the workers call, wired explicitly. */
@Configuration(proxyBeanMethods = false)
public class WorkersConfiguration {

  /**
   * Back off only after errors (500 ms doubling to 60 s): an idle poll is answered by long polling,
   * and an unreachable engine does not make the workers spin and flood the log.
   */
  @Bean
  BackoffStrategy workersBackoffStrategy() {
    return new ExponentialErrorBackoffStrategy(500L, 2f, 60_000L);
  }

  @Bean
  Escalating escalating(FenheClock clock) {
    return new Escalating(clock.zone());
  }
}
