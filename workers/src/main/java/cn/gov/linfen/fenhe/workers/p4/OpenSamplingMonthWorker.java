package cn.gov.linfen.fenhe.workers.p4;

import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.procedures.p4.CoalQualitySamplingProcess;
import cn.gov.linfen.fenhe.procedures.p4.CoalQualitySamplingProcess.Variables;
import cn.gov.linfen.fenhe.procedures.p4.OpeningSamplingMonth;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.springframework.stereotype.Component;

/**
 * Topic {@value CoalQualitySamplingProcess.Topics#OPEN_SAMPLING_MONTH}: the month planned and when
 * it ends.
 */
@Component
@ExternalTaskSubscription(CoalQualitySamplingProcess.Topics.OPEN_SAMPLING_MONTH)
public class OpenSamplingMonthWorker implements ExternalTaskHandler {

  private final OpeningSamplingMonth opening;
  private final FenheClock clock;

  public OpenSamplingMonthWorker(OpeningSamplingMonth opening, FenheClock clock) {
    this.opening = opening;
    this.clock = clock;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    try {
      service.complete(task, opening.open(task.getVariable(Variables.SAMPLING_MONTH), clock.now()));
    } catch (IllegalArgumentException e) {
      service.handleFailure(task, "抽检月份无效 / invalid sampling month", e.getMessage(), 0, 0L);
    }
  }
}
