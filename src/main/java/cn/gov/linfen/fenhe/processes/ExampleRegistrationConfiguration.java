package cn.gov.linfen.fenhe.processes;

import cn.gov.linfen.fenhe.engine.validation.StartValidator;
import cn.gov.linfen.fenhe.workers.example.ExampleRegistrationProcess;
import cn.gov.linfen.fenhe.workers.example.RegistrationStartCheck;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Engine-side wiring of the example process: its start check. */
@Configuration(proxyBeanMethods = false)
public class ExampleRegistrationConfiguration {

  @Bean
  StartValidator exampleRegistrationStartValidator() {
    return StartValidator.of(ExampleRegistrationProcess.KEY, new RegistrationStartCheck()::check);
  }
}
