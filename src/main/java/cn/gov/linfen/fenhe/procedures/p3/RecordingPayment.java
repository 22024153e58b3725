package cn.gov.linfen.fenhe.procedures.p3;

import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Variables.*;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Both shares paid (P3-R05): when, and whether within the 3 months of P3-R06 (paid at or before the
 * case's deadline). Plain logic.
 */
public class RecordingPayment {

  public Map<String, Object> record(Date dueAt, Instant now) {
    Map<String, Object> output = new LinkedHashMap<>();
    output.put(PAID_AT, Date.from(now));
    output.put(PAID_ON_TIME, dueAt == null || !now.isAfter(dueAt.toInstant()));
    return output;
  }
}
