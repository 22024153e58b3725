package cn.gov.linfen.fenhe.workers.p2;

import static cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.Variables.*;

import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess;
import cn.gov.linfen.fenhe.procedures.p2.RecordingFiling;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.springframework.stereotype.Component;

/**
 * Topic {@value FarmlandProcess.Topics#RECORD_FILING}: the filing is recorded, construction may
 * start.
 */
@Component
@ExternalTaskSubscription(FarmlandProcess.Topics.RECORD_FILING)
public class RecordFilingWorker implements ExternalTaskHandler {

  private final RecordingFiling recording;
  private final FenheClock clock;

  public RecordFilingWorker(RecordingFiling recording, FenheClock clock) {
    this.recording = recording;
    this.clock = clock;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    Date deadline = task.getVariable(FILING_DEADLINE);
    RecordingFiling.Filing filing =
        recording.record(
            // numbered by the engine when it reached this step (one per case, never the worker)
            task.getVariable(FILING_NUMBER),
            deadline == null ? null : deadline.toInstant(),
            clock.now());
    Map<String, Object> output = new HashMap<>();
    output.put(FILING_NUMBER, filing.number());
    output.put(FILED_AT, Date.from(clock.now()));
    output.put(FILED_ON_TIME, filing.onTime());
    output.put(FILING_RECORD, filing.record());
    output.put(CONSTRUCTION_PERMITTED, true);
    service.complete(task, output);
  }
}
