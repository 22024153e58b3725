package cn.gov.linfen.fenhe.time;

import cn.gov.linfen.fenhe.common.FenheClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link FenheClock} of every role: the engine's clock (the system time unless moved) in {@code
 * fenhe.time-zone}. A worker-only node has no engine, and its engine clock is the system time.
 */
@Configuration(proxyBeanMethods = false)
public class TimeConfiguration {

  @Bean
  FenheClock fenheClock(TimeProperties properties) {
    return new FenheClock(new EngineClock(), properties.timeZone());
  }
}
