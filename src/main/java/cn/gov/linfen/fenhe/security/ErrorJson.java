package cn.gov.linfen.fenhe.security;

import cn.gov.linfen.fenhe.common.FieldError;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * The one error body of Fenhe, compatible with the engine REST API's ({@code type}, {@code
 * message}, in Chinese: the webapps show it to the person) and adding the field and the reason in
 * Chinese ({@code reason}) and English ({@code reasonEn}).
 */
public final class ErrorJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ErrorJson() {}

  /**
   * The body, written by Jackson: {@code type}, {@code message} (what the webapps show a person:
   * Chinese only, the English is in {@code reasonEn} and the logs), the first refused {@code field}
   * with its {@code reason} and {@code reasonEn}, and for a refusal of the engine's guards and
   * checks every refused field under {@code errors}.
   */
  @JsonPropertyOrder({"type", "message", "field", "reason", "reasonEn", "errors"})
  public record Body(
      String type,
      String message,
      String field,
      String reason,
      String reasonEn,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<Item> errors) {}

  /** One refused field of {@link Body#errors}. */
  @JsonPropertyOrder({"field", "reason", "reasonEn"})
  public record Item(String field, String reason, String reasonEn) {}

  public static Body body(String type, FieldError error) {
    return new Body(type, error.chinese(), error.field(), error.chinese(), error.english(), null);
  }

  /**
   * The body of a refusal naming several fields: the first field as the answer's, every field under
   * errors; the message a person reads names every field by its label, in Chinese only.
   */
  public static Body body(String type, List<FieldError> errors) {
    List<Item> items =
        errors.stream()
            .map(
                e ->
                    new Item(e.field(), FieldLabels.withLabel(e.field(), e.chinese()), e.english()))
            .toList();
    Item first = items.get(0);
    String message = String.join("；", items.stream().map(Item::reason).distinct().toList());
    return new Body(type, message, first.field(), first.reason(), first.reasonEn(), items);
  }

  public static String of(String type, FieldError error) {
    try {
      return MAPPER.writeValueAsString(body(type, error));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Answers the request with this error, as JSON in UTF-8. */
  public static void write(HttpServletResponse response, int status, String type, FieldError error)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write(of(type, error));
  }
}
