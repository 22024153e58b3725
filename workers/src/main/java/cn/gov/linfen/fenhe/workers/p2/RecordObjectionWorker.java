package cn.gov.linfen.fenhe.workers.p2;

import static cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.Variables.*;

import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess;
import cn.gov.linfen.fenhe.procedures.p2.RecordingObjection;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.camunda.bpm.client.variable.ClientValues;
import org.springframework.stereotype.Component;

/**
 * Topic {@value FarmlandProcess.Topics#RECORD_OBJECTION}: an objection lodged by message (the
 * platform's API, with {@code objectionLodgedAt}) or recorded by the village committee's form
 * (lodged now) goes on the case's list. Read, call, complete.
 */
@Component
@ExternalTaskSubscription(FarmlandProcess.Topics.RECORD_OBJECTION)
public class RecordObjectionWorker implements ExternalTaskHandler {

  private final RecordingObjection recording;
  private final FenheClock clock;

  public RecordObjectionWorker(RecordingObjection recording, FenheClock clock) {
    this.recording = recording;
    this.clock = clock;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    Object round = task.getVariable(NOTICE_ROUND);
    Object lodged = task.getVariable(OBJECTION_LODGED_AT);
    Instant lodgedAt = lodged instanceof Date date ? date.toInstant() : clock.now();
    Object channel = task.getVariable(OBJECTION_CHANNEL);
    Object existing = task.getVariable(OBJECTIONS);
    RecordingObjection.Recorded recorded;
    try {
      recorded =
          recording.record(
              existing == null ? null : existing.toString(),
              round instanceof Number n ? n.intValue() : 1,
              task.getVariable(OBJECTOR),
              task.getVariable(OBJECTION_CONTENT),
              channel == null ? FarmlandProcess.Decided.CHANNEL_FORM : channel.toString(),
              lodgedAt);
    } catch (IllegalArgumentException | ClassCastException e) {
      service.handleFailure(task, "异议记录无效 / invalid objection", e.getMessage(), 0, 0L);
      return;
    }
    Map<String, Object> output = new HashMap<>();
    output.put(OBJECTIONS, ClientValues.jsonValue(recorded.objections()));
    output.put(OPEN_OBJECTIONS, recorded.openObjections());
    output.put(LAST_OBJECTION, recorded.lastObjection());
    // recorded: the form starts empty for the next objection
    output.put(OBJECTOR, null);
    output.put(OBJECTION_CONTENT, null);
    service.complete(task, output);
  }
}
