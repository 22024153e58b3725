package cn.gov.linfen.fenhe.workers.p1;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The 督办 alert when Jilin Investment has not transferred within 3 working days of the notice
 * (Art. 9(3)): the reform office and the finance bureau are alerted; the transfer stays open.
 * Plain logic.
 */
public class RaisingOverdueAlert {

  public static final List<String> RECIPIENTS = List.of(SoeReformFundProcess.Groups.REFORM_OFFICE,
      SoeReformFundProcess.Groups.FINANCE_BUREAU);
  private static final DateTimeFormatter SHANGHAI = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(ZoneId.of("Asia/Shanghai"));

  /** Who is alerted, what they read, and when. */
  public record Alert(List<String> recipients, String message, Instant raisedAt) {}

  public Alert raise(String applicationNumber, String enterpriseName, String noticeNumber, Instant deadline,
      Instant now) {
    String message = "督办：" + enterpriseName + "（" + applicationNumber + "）拨款通知书 " + noticeNumber
        + " 要求的资金划转未在期限" + (deadline == null ? "" : " " + SHANGHAI.format(deadline)) + " 前完成，"
        + "已于 " + SHANGHAI.format(now) + " 提醒市企改办、市财政局督办；济林公司划转任务继续办理。";
    return new Alert(RECIPIENTS, message, now);
  }
}
