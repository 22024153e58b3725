package cn.gov.linfen.fenhe.workers.p3;

import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.procedures.p3.OpeningRound;
import cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.springframework.stereotype.Component;

/** Topic {@value ScrapSteelRewardProcess.Topics#CLOSE_ROUND}: records when the round closed. */
@Component
@ExternalTaskSubscription(ScrapSteelRewardProcess.Topics.CLOSE_ROUND)
public class CloseRoundWorker implements ExternalTaskHandler {

  private final OpeningRound rounds;
  private final FenheClock clock;

  public CloseRoundWorker(OpeningRound rounds, FenheClock clock) {
    this.rounds = rounds;
    this.clock = clock;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    service.complete(task, rounds.close(clock.now()));
  }
}
