package cn.gov.linfen.fenhe.workers.p1;

import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Variables.*;

import cn.gov.linfen.fenhe.procedures.p1.ApplicationCheck;
import cn.gov.linfen.fenhe.procedures.p1.ComputingFundingGap;
import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.springframework.stereotype.Component;

/** Topic {@value SoeReformFundProcess.Topics#VALIDATE_APPLICATION}: read, call, complete. */
@Component
@ExternalTaskSubscription(SoeReformFundProcess.Topics.VALIDATE_APPLICATION)
public class ValidateApplicationWorker implements ExternalTaskHandler {

  /** The application's variables this worker reads. */
  static final List<String> INPUTS = inputs();

  private final ComputingFundingGap computing;

  public ValidateApplicationWorker(ComputingFundingGap computing) {
    this.computing = computing;
  }

  private static List<String> inputs() {
    List<String> names =
        new ArrayList<>(
            List.of(
                ENTERPRISE_NAME,
                REFORM_TYPE,
                EMPLOYEE_COUNT,
                SUBMITTED_ATTACHMENTS,
                ONLY_EMPLOYEE_DEBTS_DECLARED,
                CREDITORS_MEETING_RESOLUTION,
                PERFORMANCE_GOALS));
    names.addAll(ApplicationCheck.REQUIRED_AMOUNTS);
    names.addAll(ApplicationCheck.OPTIONAL_AMOUNTS);
    names.addAll(ApplicationCheck.COUNTS);
    return List.copyOf(names);
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    Map<String, Object> application = new HashMap<>();
    for (String name : INPUTS) {
      application.put(name, task.getVariable(name));
    }
    try {
      Map<String, Object> figures =
          computing.compute(application, task.getBusinessKey(), task.getProcessInstanceId());
      service.complete(task, figures);
    } catch (ComputingFundingGap.InvalidApplication e) {
      // checked at the start and at every resubmission: reaching this is an incident for an
      // operator
      service.handleFailure(task, "申请内容有误 / invalid application", e.getMessage(), 0, 0);
    }
  }
}
