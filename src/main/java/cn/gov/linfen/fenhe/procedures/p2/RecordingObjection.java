package cn.gov.linfen.fenhe.procedures.p2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Records an objection (异议) lodged during the public notice on the case (P2-R02, P2-R03): one more
 * entry of the JSON list {@code objections}, earlier entries never changed, and the number of
 * objections of the current notice round, which decides handling at the notice's end.
 */
public class RecordingObjection {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final DateTimeFormatter minutes;

  /** Times in the case file are given in {@code zone} (Fenhe's time zone). */
  public RecordingObjection(ZoneId zone) {
    this.minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
  }

  /** The updated list, the objections of this round, and the line people read. */
  public record Recorded(String objections, int openObjections, String lastObjection) {}

  public Recorded record(
      String existing,
      int round,
      String objector,
      String content,
      String channel,
      Instant lodgedAt) {
    if (objector == null || objector.isBlank()) {
      throw new IllegalArgumentException("objector is required");
    }
    if (content == null || content.isBlank()) {
      throw new IllegalArgumentException("objectionContent is required");
    }
    ArrayNode list;
    try {
      list =
          existing == null || existing.isBlank()
              ? JSON.createArrayNode()
              : (ArrayNode) JSON.readTree(existing);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalArgumentException("objections is not a list: " + e.getMessage());
    }
    ObjectNode entry = list.addObject();
    entry.put("round", round);
    entry.put("objector", objector.trim());
    entry.put("content", content.trim());
    entry.put("channel", channel);
    entry.put("lodgedAt", lodgedAt.toString());
    int open = 0;
    for (JsonNode objection : list) {
      if (objection.path("round").asInt() == round) {
        open++;
      }
    }
    String line =
        "异议（第 "
            + round
            + " 次公告，"
            + minutes.format(lodgedAt)
            + "，"
            + objector.trim()
            + "）："
            + content.trim();
    try {
      return new Recorded(JSON.writeValueAsString(list), open, line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
