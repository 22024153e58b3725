package cn.gov.linfen.fenhe.workbench;

import cn.gov.linfen.fenhe.web.InvalidInputException;
import cn.gov.linfen.fenhe.web.PlatformRefusal;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The query parameters of a workbench list ({@code ?page=&size=&q=&procedure=}), bound as one
 * object (springdoc's {@code @ParameterObject}) so that every list declares them once; {@link
 * #query()} checks them. The numbers are bound as text: a malformed one is refused here with the
 * platform's 400 naming its parameter, as a malformed request parameter is everywhere.
 *
 * @param page the page, from 0 (default 0)
 * @param size items per page (default {@value ListQuery#DEFAULT_SIZE})
 * @param q search text over business key and applicant name
 * @param procedure a process definition key
 */
public record ListParameters(
    @Parameter(
            description = "页码，从 0 开始",
            schema = @Schema(type = "integer", format = "int32", defaultValue = "0"))
        String page,
    @Parameter(
            description = "每页条数，1–100",
            schema = @Schema(type = "integer", format = "int32", defaultValue = "20"))
        String size,
    @Parameter(description = "检索：业务编号或企业（申请人）名称") String q,
    @Parameter(description = "事项（流程定义标识）") String procedure) {

  /** The checked page and filters (400 naming the parameter otherwise). */
  public ListQuery query() {
    return new ListQuery(
        number(page, "page", 0), number(size, "size", ListQuery.DEFAULT_SIZE), q, procedure);
  }

  private static int number(String text, String parameter, int otherwise) {
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(PlatformRefusal.MALFORMED_PARAMETER.at(parameter));
    }
  }
}
