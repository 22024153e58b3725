package cn.gov.linfen.fenhe.processes;

import cn.gov.linfen.fenhe.engine.validation.StartValidator;
import cn.gov.linfen.fenhe.workers.example.ExampleRegistrationProcess;
import cn.gov.linfen.fenhe.workers.example.RegisteringEnterprise;
import cn.gov.linfen.fenhe.workers.example.RegistrationStartCheck;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The example process (示例：企业信息登记) exists only in tests — its model, forms, worker and this wiring
 * are on the test classpath, never in the jar: the platform's own tests (security, roles, restart)
 * use it as a small, stable process.
 */
@Configuration(proxyBeanMethods = false)
public class ExampleRegistrationConfiguration {

  @Bean
  RegisteringEnterprise registeringEnterprise() {
    return new RegisteringEnterprise();
  }

  @Bean
  StartValidator exampleRegistrationStartValidator() {
    return StartValidator.of(ExampleRegistrationProcess.KEY, new RegistrationStartCheck()::check);
  }
}
