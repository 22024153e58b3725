package cn.gov.linfen.fenhe.workers;

import cn.gov.linfen.fenhe.workers.example.RegisteringEnterprise;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain services the workers call, wired explicitly. */
@Configuration(proxyBeanMethods = false)
public class WorkersConfiguration {

  @Bean
  WorkerClock workerClock() {
    return new WorkerClock(Clock.systemUTC());
  }

  @Bean
  RegisteringEnterprise registeringEnterprise() {
    return new RegisteringEnterprise();
  }
}
