package cn.gov.linfen.fenhe.workers.p3;

import cn.gov.linfen.fenhe.procedures.p3.ComputingReward;
import cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.springframework.stereotype.Component;

/**
 * Topic {@value ScrapSteelRewardProcess.Topics#COMPUTE_REWARD}: read the taxes and the MIIT flag,
 * compute, complete.
 */
@Component
@ExternalTaskSubscription(ScrapSteelRewardProcess.Topics.COMPUTE_REWARD)
public class ComputeRewardWorker implements ExternalTaskHandler {

  private final ComputingReward computing;

  public ComputeRewardWorker(ComputingReward computing) {
    this.computing = computing;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    Map<String, Object> taxes = new HashMap<>();
    for (String tax : ScrapSteelRewardProcess.Variables.TAXES) {
      taxes.put(tax, task.getVariable(tax));
    }
    try {
      boolean listed =
          Boolean.TRUE.equals(task.getVariable(ScrapSteelRewardProcess.Variables.MIIT_LISTED));
      service.complete(task, computing.compute(taxes, listed).variables());
    } catch (ComputingReward.InvalidTaxes e) {
      // checked at the start and at every resubmission: reaching this is an incident for an
      // operator
      service.handleFailure(task, "税额有误 / invalid taxes", e.getMessage(), 0, 0L);
    }
  }
}
