package cn.gov.linfen.fenhe.workers.p3;

import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.procedures.p3.OpeningRound;
import cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.springframework.stereotype.Component;

/**
 * Topic {@value ScrapSteelRewardProcess.Topics#OPEN_ROUND}: the round's period and closing time.
 */
@Component
@ExternalTaskSubscription(ScrapSteelRewardProcess.Topics.OPEN_ROUND)
public class OpenRoundWorker implements ExternalTaskHandler {

  private final OpeningRound opening;
  private final FenheClock clock;

  public OpenRoundWorker(OpeningRound opening, FenheClock clock) {
    this.opening = opening;
    this.clock = clock;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    service.complete(task, opening.open(clock.now()));
  }
}
