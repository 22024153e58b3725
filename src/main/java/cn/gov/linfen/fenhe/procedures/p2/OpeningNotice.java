package cn.gov.linfen.fenhe.procedures.p2;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The public notice (公告, P2-R02): posted on the start date entered by the village committee, it
 * runs its days (the model gives them: 10, "不少于10天") in full — the start date is day 1 — and ends
 * at 00:00 (Fenhe's time zone) of the day after the last, when the agreement may be signed. Every
 * notice (also after a renegotiation) is a new round with its own full 10 days. Plain logic.
 */
public class OpeningNotice {

  /** The gazette's minimum (临政办发〔2021〕18号 二：公告时间不少于10天). */
  public static final int MINIMUM_DAYS = 10;

  private final ZoneId zone;

  /** Days begin and end in {@code zone} (Fenhe's time zone). */
  public OpeningNotice(ZoneId zone) {
    this.zone = zone;
  }

  /** One notice round: when it ends and what people read. */
  public record Notice(
      int round, LocalDate firstDay, LocalDate lastDay, Instant endsAt, String period) {}

  public Notice open(LocalDate startDate, int days, int previousRound) {
    if (days < MINIMUM_DAYS) {
      throw new IllegalArgumentException(
          "公告期不得少于 "
              + MINIMUM_DAYS
              + " 日 / the notice runs at least "
              + MINIMUM_DAYS
              + " days: "
              + days);
    }
    LocalDate lastDay = startDate.plusDays(days - 1L);
    Instant endsAt = startDate.plusDays(days).atStartOfDay(zone).toInstant();
    String period =
        "第 "
            + (previousRound + 1)
            + " 次公告："
            + startDate
            + " 至 "
            + lastDay
            + "（共 "
            + days
            + " 日，"
            + startDate.plusDays(days)
            + " 0 时起可签订协议）";
    return new Notice(previousRound + 1, startDate, lastDay, endsAt, period);
  }

  /** The start date as the form sends it (yyyy-MM-dd), or null if it is none. */
  public LocalDate date(Object value) {
    if (value instanceof java.util.Date date) {
      return LocalDate.ofInstant(date.toInstant(), zone);
    }
    if (!(value instanceof String text) || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(
          text.trim().length() > 10 ? text.trim().substring(0, 10) : text.trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Whether the notice is still running at that moment (objections are accepted until it ends). */
  public static boolean running(Instant endsAt, Instant now) {
    return endsAt != null && now.isBefore(endsAt);
  }
}
