package cn.gov.linfen.fenhe.workers.p2;

import static cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.Variables.*;

import cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess;
import cn.gov.linfen.fenhe.procedures.p2.OpeningNotice;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.springframework.stereotype.Component;

/** Topic {@value FarmlandProcess.Topics#OPEN_NOTICE}: read, call, complete. */
@Component
@ExternalTaskSubscription(FarmlandProcess.Topics.OPEN_NOTICE)
public class OpenNoticeWorker implements ExternalTaskHandler {

  private final OpeningNotice opening;

  public OpenNoticeWorker(OpeningNotice opening) {
    this.opening = opening;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    Object raw = task.getVariable(NOTICE_START_DATE);
    LocalDate start = opening.date(raw);
    if (start == null) {
      service.handleFailure(
          task, "公告开始日期无效 / invalid noticeStartDate", "noticeStartDate: " + raw, 0, 0L);
      return;
    }
    Object days = task.getVariable(NOTICE_DAYS);
    if (!(days instanceof Number number)
        || number.intValue() != number.doubleValue()
        || number.intValue() < OpeningNotice.MINIMUM_DAYS) {
      service.handleFailure(
          task,
          "模型中的公告天数 noticeDays 无效（应为不少于 "
              + OpeningNotice.MINIMUM_DAYS
              + " 的整数）/ invalid noticeDays in the model",
          "noticeDays: " + days,
          0,
          0L);
      return;
    }
    Object round = task.getVariable(NOTICE_ROUND);
    OpeningNotice.Notice notice =
        opening.open(start, number.intValue(), round instanceof Number n ? n.intValue() : 0);
    Map<String, Object> output = new HashMap<>();
    output.put(NOTICE_ROUND, notice.round());
    output.put(NOTICE_ENDS_AT, Date.from(notice.endsAt()));
    output.put(NOTICE_PERIOD, notice.period());
    output.put(OPEN_OBJECTIONS, 0);
    service.complete(task, output);
  }
}
