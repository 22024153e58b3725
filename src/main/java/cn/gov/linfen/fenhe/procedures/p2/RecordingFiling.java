package cn.gov.linfen.fenhe.procedures.p2;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The filing accepted by the township (备案, P2-R04, P2-R06): its number, whether it came within the
 * filing deadline, and the line for the case file. Construction may start from now on.
 */
public class RecordingFiling {

  private final DateTimeFormatter minutes;

  /** The times of the record are those of {@code zone} (Fenhe's time zone). */
  public RecordingFiling(ZoneId zone) {
    this.minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
  }

  public record Filing(String number, boolean onTime, String record) {}

  /**
   * The filing under its number ({@code 尧都区屯里镇设施农业用地备〔2026〕3号}: the township's sequence of the
   * year, taken by the engine when it reaches the step, {@code farmlandFilingNumber}).
   */
  public Filing record(String number, Instant deadline, Instant now) {
    java.util.Objects.requireNonNull(number, "filingNumber");
    boolean onTime = deadline == null || !now.isAfter(deadline);
    String record =
        "已备案（"
            + number
            + "），备案时间 "
            + minutes.format(now)
            + (deadline == null
                ? ""
                : onTime
                    ? "，在期限 " + minutes.format(deadline) + " 内"
                    : "，已超过期限 " + minutes.format(deadline))
            + "；自即日起可以动工建设";
    return new Filing(number, onTime, record);
  }
}
