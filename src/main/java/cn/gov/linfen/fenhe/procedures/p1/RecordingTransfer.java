package cn.gov.linfen.fenhe.procedures.p1;

import cn.gov.linfen.fenhe.common.Yuan;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Records Jilin Investment's transfer to the supervising department: whether it came within the
 * deadline of the notice (3 working days, Art. 9(3)) and a line for the case file. Plain logic.
 */
public class RecordingTransfer {

  private final DateTimeFormatter minutes;

  /** Times in the case file are given in {@code zone} (Fenhe's time zone). */
  public RecordingTransfer(ZoneId zone) {
    this.minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
  }

  /** The record: on time or not, and the line for the file. */
  public record Transfer(boolean onTime, String record) {}

  /**
   * @param deadline the transfer deadline of the notice, or null if unknown
   * @param recordedAt when the transfer was confirmed
   */
  public Transfer record(
      String noticeNumber,
      BigDecimal noticeAmount,
      BigDecimal transferred,
      String voucherNumber,
      Instant deadline,
      Instant recordedAt) {
    if (transferred == null || noticeAmount == null || transferred.compareTo(noticeAmount) != 0) {
      throw new IllegalArgumentException(
          "transferred amount " + transferred + " differs from the notice's " + noticeAmount);
    }
    boolean onTime = deadline == null || !recordedAt.isAfter(deadline);
    String line =
        "拨款通知书 "
            + noticeNumber
            + "：济林公司已划转 "
            + Yuan.format(transferred)
            + " 元（凭证号 "
            + voucherNumber
            + "），确认时间 "
            + minutes.format(recordedAt)
            + (deadline == null
                ? ""
                : onTime
                    ? "，在期限 " + minutes.format(deadline) + " 内"
                    : "，已超过期限 " + minutes.format(deadline));
    return new Transfer(onTime, line);
  }
}
