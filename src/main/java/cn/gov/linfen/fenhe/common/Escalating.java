package cn.gov.linfen.fenhe.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The reusable escalation (督办) of a missed deadline, for any procedure: who is alerted, why, and
 * when, recorded on the case as one more entry of its {@code escalations} list. The model decides
 * whom to alert and what they read (see docs/escalation.md). Plain logic.
 */
public class Escalating {

  /**
   * The topic of the reusable escalation step, its inputs and the variables it writes on the case.
   */
  public static final String TOPIC = "fenhe-escalate";

  public static final String TO = "escalationTo";
  public static final String REASON = "escalationReason";
  public static final String DEADLINE = "escalationDeadline";
  public static final String FLAG = "escalationFlag";
  public static final String ESCALATIONS = "escalations";
  public static final String LAST_MESSAGE = "lastEscalation";
  public static final String LAST_TO = "lastEscalationTo";
  public static final String LAST_AT = "lastEscalatedAt";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DateTimeFormatter minutes;

  /** Escalations whose messages give times in {@code zone} (Fenhe's time zone). */
  public Escalating(ZoneId zone) {
    this.minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
  }

  /**
   * One escalation: the step that raised it, the alerted groups, the reason, the missed deadline,
   * when.
   */
  public record Escalation(
      String step,
      List<String> to,
      List<String> toNames,
      String reason,
      Instant deadline,
      Instant escalatedAt) {}

  /** What the alerted officers read, times in Fenhe's zone. */
  public String message(Escalation escalation) {
    return escalation.reason()
        + "（"
        + (escalation.deadline() == null ? "" : "期限 " + minutes.format(escalation.deadline()) + "；")
        + "已于 "
        + minutes.format(escalation.escalatedAt())
        + " 提醒"
        + String.join("、", escalation.toNames())
        + "督办）";
  }

  /**
   * A model configured the escalation wrongly (no or unknown groups, no reason): an incident, not a
   * guess.
   */
  public static class InvalidEscalation extends RuntimeException {
    public InvalidEscalation(String message) {
      super(message);
    }
  }

  public Escalation escalate(String step, String to, String reason, Instant deadline, Instant now) {
    List<String> groups =
        to == null
            ? List.of()
            : Arrays.stream(to.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    if (groups.isEmpty()) {
      throw new InvalidEscalation("escalationTo 未配置督办对象 / no group to alert");
    }
    List<String> names = new ArrayList<>();
    for (String group : groups) {
      names.add(groupName(group));
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidEscalation("escalationReason 未配置督办事由 / no reason given");
    }
    return new Escalation(step, groups, names, reason.trim(), deadline, now);
  }

  /**
   * The case's list with this escalation appended (a JSON array; earlier entries are never
   * changed).
   */
  public String append(String existing, Escalation escalation) {
    try {
      ArrayNode list =
          existing == null || existing.isBlank()
              ? JSON.createArrayNode()
              : (ArrayNode) JSON.readTree(existing);
      ObjectNode entry = list.addObject();
      entry.put("step", escalation.step());
      entry.put("to", String.join(",", escalation.to()));
      entry.put("toNames", String.join("、", escalation.toNames()));
      entry.put("reason", escalation.reason());
      entry.put(
          "deadline", escalation.deadline() == null ? null : escalation.deadline().toString());
      entry.put("escalatedAt", escalation.escalatedAt().toString());
      entry.put("message", message(escalation));
      return JSON.writeValueAsString(list);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new InvalidEscalation(
          "escalations 不是督办记录列表 / not a list of escalations: " + e.getMessage());
    }
  }

  private static String groupName(String group) {
    return FenheGroup.byId(group)
        .map(FenheGroup::chineseName)
        .or(() -> County.nameOfGroup(group))
        .orElseThrow(() -> new InvalidEscalation("未知的督办对象 / unknown group: " + group));
  }
}
