package cn.gov.linfen.fenhe.workers.example;

import static cn.gov.linfen.fenhe.workers.example.ExampleRegistrationProcess.Variables.CREDIT_CODE;
import static cn.gov.linfen.fenhe.workers.example.ExampleRegistrationProcess.Variables.REGISTRATION_NUMBER;

import cn.gov.linfen.fenhe.common.FenheClock;
import java.util.Map;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.springframework.stereotype.Component;

/** Topic {@value ExampleRegistrationProcess.Topics#RECORD_REGISTRATION}: read, call, complete. */
@Component
@ExternalTaskSubscription(ExampleRegistrationProcess.Topics.RECORD_REGISTRATION)
public class RecordRegistrationWorker implements ExternalTaskHandler {

  private final RegisteringEnterprise registering;
  private final FenheClock clock;

  public RecordRegistrationWorker(RegisteringEnterprise registering, FenheClock clock) {
    this.registering = registering;
    this.clock = clock;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    String creditCode = task.getVariable(CREDIT_CODE);
    String number = registering.registrationNumber(creditCode, clock.today());
    service.complete(task, Map.of(REGISTRATION_NUMBER, number));
  }
}
